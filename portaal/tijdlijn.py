"""A request's history in plain words, read from the audit trail (DESIGN §7).

One table maps each transition an applicant may know of to a B1 sentence (Dutch msgid, English in the catalogue).
What is not in the table is not shown: the officers' internal steps (a proposal, sending it back under four eyes,
planning a settlement again), every field change, and always the officers' notes (`toelichting`) and names — the
applicant reads "we", the municipality. Dates in a sentence are the ones the trail recorded at that moment.
"""
import datetime as dt
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from subsidies.models import Aanvraag, Jaartranche, Subsidie
from workflows.models import AuditRecord

# (model, transition[, the state it led to]) → sentence. %(datum)s: the latest decision date then; %(uiterlijk)s:
# the date a report is due; %(boekjaar)s: the tranche's year.
ZINNEN = {
    ("aanvraag", "indienen"): _("U heeft uw aanvraag verstuurd. Wij hebben hem ontvangen."),
    ("aanvraag", "in_behandeling_nemen"): _("We kijken naar uw aanvraag. U hoort uiterlijk %(datum)s van ons."),
    ("aanvraag", "aanvulling_vragen"): _(
        "Wij hebben u om meer informatie gevraagd (aanvulling). Zolang wij wachten, staat de termijn voor ons "
        "besluit stil."),
    ("aanvraag", "aanvulling_ontvangen"): _(
        "Wij hebben uw aanvulling ontvangen. U hoort uiterlijk %(datum)s van ons."),
    ("aanvraag", "verder_zonder_aanvulling"): _(
        "De termijn voor de aanvulling is voorbij. Wij beoordelen uw aanvraag zoals hij is."),
    ("aanvraag", "buiten_behandeling_stellen"): _(
        "De aanvulling kwam niet op tijd. Wij nemen uw aanvraag daarom niet in behandeling (buiten behandeling "
        "gesteld)."),
    ("aanvraag", "beslistermijn_verdagen"): _(
        "Wij hebben meer tijd nodig (verdaging). U hoort nu uiterlijk %(datum)s van ons."),
    ("aanvraag", "volledig_verklaren"): _("Uw aanvraag is compleet. Wij beoordelen hem nu."),
    ("aanvraag", "verlenen"): _("Wij hebben uw subsidie toegekend (verlening)."),
    ("aanvraag", "verlenen", "geweigerd"): _("Er is geen geld meer in het budget. Wij hebben uw aanvraag afgewezen."),
    ("aanvraag", "weigeren"): _("Wij hebben uw aanvraag afgewezen (weigering)."),
    ("aanvraag", "intrekken"): _("U heeft uw aanvraag ingetrokken."),
    ("subsidie", "voorschot_betalen"): _("Wij betalen u een voorschot."),
    ("subsidie", "verantwoording_vragen"): _(
        "Wij vragen u om te laten zien wat u hebt gedaan (verantwoording). Stuur die uiterlijk %(uiterlijk)s."),
    ("subsidie", "verantwoording_indienen"): _("U heeft uw verantwoording gestuurd."),
    ("subsidie", "verantwoording_terugsturen"): _(
        "Uw verantwoording is nog niet compleet. Wij hebben u gevraagd om wat ontbreekt."),
    ("subsidie", "vaststellen"): _("Wij hebben het definitieve bedrag vastgesteld (vaststelling)."),
    ("subsidie", "direct_vaststellen"): _("Wij hebben het definitieve bedrag meteen vastgesteld (vaststelling)."),
    ("subsidie", "beeindigen"): _("Wij hebben besloten de subsidie te beëindigen."),
    ("subsidie", "eindafrekening"): _("Wij hebben de eindafrekening over alle jaren gemaakt."),
    ("subsidie", "afsluiten"): _("Alles is betaald en verrekend. Uw subsidie is afgerond."),
    ("subsidie", "intrekken"): _("Wij hebben de subsidie ingetrokken (intrekking)."),
    ("jaartranche", "definitief_maken"): _(
        "De subsidie voor %(boekjaar)s is zeker: de gemeenteraad heeft de begroting vastgesteld."),
    ("jaartranche", "voorbehoud_inroepen"): _(
        "De gemeenteraad heeft minder geld beschikbaar gesteld. De subsidie voor %(boekjaar)s is lager."),
    ("jaartranche", "voorbehoud_inroepen", "vervallen"): _(
        "De gemeenteraad heeft geen geld beschikbaar gesteld. De subsidie voor %(boekjaar)s vervalt."),
    ("jaartranche", "werkplan_indienen"): _("U heeft uw werkplan voor %(boekjaar)s gestuurd."),
    ("jaartranche", "werkplan_terugsturen"): _(
        "Uw werkplan voor %(boekjaar)s moet nog worden aangepast. Wij hebben u gezegd wat er anders moet."),
    ("jaartranche", "werkplan_goedkeuren"): _("Wij hebben uw werkplan voor %(boekjaar)s goedgekeurd."),
    ("jaartranche", "jaarverantwoording_indienen"): _("U heeft uw verantwoording over %(boekjaar)s gestuurd."),
    ("jaartranche", "verantwoording_terugsturen"): _(
        "Uw verantwoording over %(boekjaar)s is nog niet compleet. Wij hebben u gevraagd om wat ontbreekt."),
    ("jaartranche", "vaststellen"): _("Wij hebben het bedrag voor %(boekjaar)s vastgesteld."),
    ("jaartranche", "vervallen"): _("De subsidie voor %(boekjaar)s vervalt."),
}


@dataclass(frozen=True)
class Gebeurtenis:
    op: dt.datetime
    tekst: str


def _datum(waarde) -> str:
    return date_format(dt.date.fromisoformat(waarde), "DATE_FORMAT") if waarde else ""


def tijdlijn(aanvraag: Aanvraag, subsidie: Subsidie | None = None, tranches=()) -> list[Gebeurtenis]:
    """The events of `aanvraag`, its subsidie and tranches (pass them already loaded), oldest first, in one query."""
    soorten = ContentType.objects.get_for_models(Aanvraag, Subsidie, Jaartranche)
    waar = Q(object_type=soorten[Aanvraag], object_id=str(aanvraag.pk))
    if subsidie is not None:
        waar |= Q(object_type=soorten[Subsidie], object_id=str(subsidie.pk))
    boekjaren = {str(tranche.pk): tranche.boekjaar for tranche in tranches}
    if boekjaren:
        waar |= Q(object_type=soorten[Jaartranche], object_id__in=list(boekjaren))
    modelnaam = {ct.pk: model._meta.model_name for model, ct in soorten.items()}
    records = AuditRecord.objects.filter(waar, actie=AuditRecord.Actie.OVERGANG).order_by("volgnummer").values_list(
        "tijdstip", "object_type_id", "object_id", "handeling", "naar_status", "wijzigingen")
    beslisdatum, uit = None, []  # the latest decision date as the trail left it after each step
    for tijdstip, type_id, object_id, handeling, naar_status, wijzigingen in records:
        model = modelnaam[type_id]
        if model == "aanvraag" and "uiterste_beslisdatum" in wijzigingen:
            beslisdatum = wijzigingen["uiterste_beslisdatum"][1]
        zin = ZINNEN.get((model, handeling, naar_status)) or ZINNEN.get((model, handeling))
        if zin is None:
            continue
        uiterlijk = (wijzigingen.get("verantwoording_uiterlijk") or [None, None])[1]
        uit.append(Gebeurtenis(tijdstip, str(zin) % {
            "datum": _datum(beslisdatum),
            "uiterlijk": _datum(uiterlijk),
            "boekjaar": boekjaren.get(object_id, ""),
        }))
    return uit
