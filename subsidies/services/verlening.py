"""Verlening: turn an approved proposal into a beschikking, a subsidie and its budget commitment."""
from workflows.transitions import perform

from ..models import Aanvraag, Beschikking, Subsidie, Verantwoordingsniveau
from . import budget
from .beschikkingen import maak_beschikking


def verleen(aanvraag, user, reden: str) -> str:
    """Award within budget and ceiling; return the aanvraag's new status (verleend, or geweigerd at the ceiling)."""
    if aanvraag.regeling.meerjarig:
        from .meerjarig import verleen_meerjarig

        return verleen_meerjarig(aanvraag, user, reden)
    toekenning = budget.toe_te_kennen(aanvraag, aanvraag.voorstel_bedrag)
    if not toekenning.bedrag:
        maak_beschikking(aanvraag, Beschikking.Soort.WEIGERING, beslisser=user, motivering=toekenning.reden_nl)
        return Aanvraag.Status.GEWEIGERD
    niveau = aanvraag.regeling.verantwoordingsniveau(toekenning.bedrag)
    subsidie = Subsidie.objects.create(aanvraag=aanvraag, verleend_bedrag=toekenning.bedrag,
                                       verantwoordingsniveau=niveau, eerste_boekjaar=aanvraag.boekjaar,
                                       laatste_boekjaar=aanvraag.boekjaar)
    budget.verplicht(subsidie, toekenning, aanvraag.boekjaar)
    motivering = "\n\n".join(filter(None, [aanvraag.voorstel_motivering, toekenning.reden_nl, reden]))
    maak_beschikking(aanvraag, Beschikking.Soort.VERLENING, beslisser=user, motivering=motivering,
                     bedrag=toekenning.bedrag, niveau=niveau)
    if niveau == Verantwoordingsniveau.DIRECT:
        aanvraag.subsidie = perform(subsidie, "direct_vaststellen", user)  # keep the cached relation current
    return Aanvraag.Status.VERLEEND
