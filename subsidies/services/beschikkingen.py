"""Creating beschikkingen with their objection term (Awb 6:7, 6:8: six weeks from the day after sending)."""
from django.utils import timezone

from workflows import termijnen

from ..models import Beschikking, Verantwoordingsniveau
from . import brieven, meldingen

VERPLICHTINGEN = {
    Verantwoordingsniveau.DIRECT: (
        "U hoeft achteraf geen verantwoording te sturen. Bewaar uw bonnen: wij controleren steekproefsgewijs."
    ),
    Verantwoordingsniveau.ACTIVITEITENVERSLAG: (
        "Stuur na afloop een verslag van de activiteiten en een overzicht van de werkelijke kosten."
    ),
    Verantwoordingsniveau.ACCOUNTANTSVERKLARING: (
        "Stuur na afloop een activiteitenverslag en een financieel verslag met een verklaring van een accountant."
    ),
}


def maak_beschikking(aanvraag, soort: str, *, beslisser, motivering: str, bedrag=None,
                     niveau: str | None = None, boekjaar: int | None = None) -> Beschikking:
    verzonden_op = timezone.localdate()
    beschikking = Beschikking.objects.create(
        aanvraag=aanvraag,
        soort=soort,
        bedrag=bedrag,
        boekjaar=boekjaar,
        motivering=motivering,
        verplichtingen=VERPLICHTINGEN.get(niveau, ""),
        verzonden_op=verzonden_op,
        bezwaartermijn_tot=termijnen.termijn_einde(
            verzonden_op, weken=6, gelijkgestelde_dagen=termijnen.gelijkgestelde_dagen_uit_db()
        ),
        beslisser=beslisser,
    )
    meldingen.beschikking(beschikking)  # every decision is made known (Awb 3:41)
    brieven.plan(beschikking)  # its letter, rendered after the commit
    return beschikking
