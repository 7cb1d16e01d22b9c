"""Verlening: turn an approved proposal into a beschikking, a subsidie and its budget commitment."""
from workflows.errors import InvalidInput, TransitionNotPossible
from workflows.transitions import perform

from ..bedragen import euro
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


def herzie_verlening(subsidie, bedrag, user, reden: str) -> str:
    """A verlening revoked on bezwaar as too low (Awb 7:11): a new verlening of the higher amount, never more than was
    asked, its difference committed on the budget (`budget.verhoog`: refused when budget or ceiling lacks room). A
    subsidie already settled directly is settled again at the new amount (`stel_vast`: the difference is paid), so
    the new amount must stay within the direct-settlement limit. Returns the subsidie's status after."""
    from .vaststelling import stel_vast

    aanvraag = subsidie.aanvraag
    if bedrag is None or not subsidie.verleend_bedrag < bedrag <= aanvraag.gevraagd_bedrag:
        raise InvalidInput(
            f"Geef het nieuwe bedrag: hoger dan het verleende bedrag ({euro(subsidie.verleend_bedrag)}) en ten "
            f"hoogste het gevraagde bedrag ({euro(aanvraag.gevraagd_bedrag)}).",
            f"Give the new amount: above the amount granted ({euro(subsidie.verleend_bedrag, 'en')}) and at most the "
            f"amount requested ({euro(aanvraag.gevraagd_bedrag, 'en')}).",
            code="bedrag_ongeldig", details={"velden": ["bedrag"]})
    niveau = aanvraag.regeling.verantwoordingsniveau(bedrag)
    direct = subsidie.vastgesteld_bedrag is not None  # the transition lets only a direct settlement through
    if direct and niveau != Verantwoordingsniveau.DIRECT:
        raise TransitionNotPossible(
            "Deze subsidie is direct vastgesteld, maar bij het nieuwe bedrag hoort een verantwoording. Dat kan niet "
            "automatisch: verklaar het bezwaar gegrond zonder bedrag en neem het nieuwe besluit zelf.",
            "This subsidy was settled directly, but the new amount requires a report. That cannot be done "
            "automatically: uphold the objection without an amount and take the new decision yourself.",
            code="herziening_niet_automatisch")
    budget.verhoog(subsidie.verplichtingen.get(), bedrag)
    subsidie.verleend_bedrag, subsidie.verantwoordingsniveau = bedrag, niveau
    maak_beschikking(aanvraag, Beschikking.Soort.VERLENING, beslisser=user, motivering=reden, bedrag=bedrag,
                     niveau=niveau)
    if direct:
        stel_vast(subsidie, bedrag, user, "Direct vastgesteld op het nieuwe verleende bedrag.")
        return Subsidie.Status.VASTGESTELD
    return subsidie.status
