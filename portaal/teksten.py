"""Names the applicant reads for the core's choices. The core's own labels are for staff and in Dutch only; the
portal speaks to applicants, in their language."""
from django.utils.translation import gettext_lazy as _

RECHTSVORMEN = [
    ("stichting", _("Stichting")),
    ("vereniging", _("Vereniging")),
    ("cooperatie", _("Coöperatie")),
    ("kerkgenootschap", _("Kerkgenootschap")),
    ("initiatiefgroep", _("Groep bewoners zonder stichting of vereniging (initiatiefgroep)")),
]


# the kinds of decisions and payments
SOORTEN = {
    "verlening": _("Toekenning (verlening)"),
    "weigering": _("Afwijzing (weigering)"),
    "buiten_behandeling": _("Niet in behandeling genomen (buitenbehandelingstelling)"),
    "vaststelling": _("Definitief bedrag (vaststelling)"),
    "intrekking": _("Intrekking"),
    "wijziging": _("Wijziging"),
    "beeindiging": _("Beëindiging"),
    "bezwaarbeslissing": _("Beslissing op uw bezwaar"),

    "dwangsom": _("Geld omdat wij te laat beslisten (dwangsom)"),
    "voorschot": _("Voorschot"),
    "saldo": _("Betaling na vaststelling"),
    "terugvordering": _("Terugbetalen (terugvordering)"),
}
