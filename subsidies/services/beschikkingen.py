"""Creating beschikkingen with their objection (or appeal) term (Awb 6:7, 6:8: six weeks from the day after sending)."""
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
                     niveau: str | None = None, boekjaar: int | None = None, herroept=None) -> Beschikking:
    """A decision with its legal remedy: bezwaar, or beroep at the rechtbank against a decision on bezwaar (Awb 7:1
    lid 1 sub a); six weeks from the day after sending either way (6:7, 6:8). `herroept`: the decision a decision on
    bezwaar revokes (7:11)."""
    verzonden_op = timezone.localdate()
    op_bezwaar = soort == Beschikking.Soort.BEZWAARBESLISSING
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
        rechtsmiddel=Beschikking.Rechtsmiddel.BEROEP if op_bezwaar else Beschikking.Rechtsmiddel.BEZWAAR,
        herroept=herroept,
        beslisser=beslisser,
    )
    meldingen.beschikking(beschikking)  # every decision is made known (Awb 3:41)
    brieven.plan(beschikking)  # its letter, rendered after the commit
    return beschikking
