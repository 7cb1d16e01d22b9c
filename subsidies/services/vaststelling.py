"""Vaststelling and intrekking: fix the final amount, release the rest of the commitment, settle the difference.

Advances are set off against the final amount (Awb 4:95); an overpayment becomes a terugvordering (4:57), an
underpayment a saldo payment.
"""
from decimal import Decimal

from django.utils import timezone

from workflows.errors import InvalidInput
from workflows.transitions import perform

from ..bedragen import euro
from ..models import Beschikking, Betaling
from ..models.subsidies import vier_ogen_verlaging
from . import budget, meldingen
from .beschikkingen import maak_beschikking
from .jaarvaststelling import rond_jaren_af

ZERO = Decimal("0.00")


def stel_vast(subsidie, bedrag: Decimal, user, reden: str) -> None:
    if not ZERO <= bedrag <= subsidie.verleend_bedrag:
        raise InvalidInput(
            f"Het vastgestelde bedrag ligt tussen € 0 en het verleende bedrag ({euro(subsidie.verleend_bedrag)}).",
            f"The settled amount lies between € 0 and the amount granted ({euro(subsidie.verleend_bedrag, 'en')}).",
            code="bedrag_ongeldig",
        )
    if bedrag < subsidie.verleend_bedrag and not reden.strip():
        raise InvalidInput(
            "Motiveer waarom lager wordt vastgesteld dan verleend (Awb 4:46 lid 2).",
            "Give the grounds for settling below the amount granted (Awb 4:46(2)).",
            code="reden_verplicht",
        )
    vier_ogen_verlaging.toets(subsidie, user, subsidie.verleend_bedrag - bedrag)
    _vervallen_geplande_voorschotten(subsidie, user)
    _zet_vast(subsidie, bedrag)
    maak_beschikking(subsidie.aanvraag, Beschikking.Soort.VASTSTELLING, beslisser=user, bedrag=bedrag,
                     motivering=reden or "De subsidie wordt vastgesteld op het verleende bedrag.")
    verreken(subsidie)


def trek_in(subsidie, user, reden: str) -> None:
    """Withdraw (Awb 4:48): nothing remains of the award, except years of a structural one already settled."""
    for betaling in subsidie.betalingen.filter(status=Betaling.Status.GEPLAND):
        perform(betaling, "annuleren", user, reden="Subsidie ingetrokken.")
    if subsidie.structureel:
        for tranche in subsidie.tranches.exclude(status__in=["vastgesteld", "vervallen"]):
            perform(tranche, "vervallen", user, reden="Subsidie ingetrokken.")
        rond_jaren_af(subsidie)  # per year, with the reserve's subsidised share (Awb 4:72 lid 5)
    else:
        _zet_vast(subsidie, ZERO)
        verreken(subsidie)
    maak_beschikking(subsidie.aanvraag, Beschikking.Soort.INTREKKING, beslisser=user,
                     bedrag=subsidie.vastgesteld_bedrag, motivering=reden)


def herzie_vaststelling(subsidie, bedrag, user, reden: str) -> None:
    """A vaststelling revoked on bezwaar as too low (Awb 7:11): the settlement still planned lapses, the commitment
    rises to the new amount where the budget allows (`budget.verhoog`), and a new vaststelling settles it again
    (`stel_vast`): an extra payment, or a lower recovery."""
    if bedrag is None or not subsidie.vastgesteld_bedrag < bedrag <= subsidie.verleend_bedrag:
        raise InvalidInput(
            f"Geef het nieuwe bedrag: hoger dan het vastgestelde ({euro(subsidie.vastgesteld_bedrag)}) en ten "
            f"hoogste het verleende bedrag ({euro(subsidie.verleend_bedrag)}).",
            f"Give the new amount: above the settled amount ({euro(subsidie.vastgesteld_bedrag, 'en')}) and at most "
            f"the amount granted ({euro(subsidie.verleend_bedrag, 'en')}).",
            code="bedrag_ongeldig", details={"velden": ["bedrag"]})
    _vervallen_geplande_verrekening(subsidie, user, "Vervallen door de herziene vaststelling.")
    budget.verhoog(subsidie.verplichtingen.get(), bedrag)
    stel_vast(subsidie, bedrag, user, reden)


def herroep_intrekking(subsidie, user, reden: str) -> str:
    """An intrekking revoked on bezwaar (Awb 7:11): the award stands again. Its recovery still planned lapses, the
    commitment returns to the amount granted where the budget allows (`budget.verhoog`), and the subsidie goes on
    from verleend (bevoorschot if advances remain paid). Advances cancelled by the withdrawal are not planned again
    by themselves: the officer plans what is still due. Returns the subsidie's status after."""
    _vervallen_geplande_verrekening(subsidie, user, "Vervallen: de intrekking is herroepen.")
    verplichting = subsidie.verplichtingen.get()
    verplichting.vastgesteld_bedrag = subsidie.vastgesteld_bedrag = None
    budget.verhoog(verplichting, subsidie.verleend_bedrag)
    return subsidie.Status.BEVOORSCHOT if subsidie.netto_betaald() > ZERO else subsidie.Status.VERLEEND


def _vervallen_geplande_verrekening(subsidie, user, reden: str) -> None:
    """A saldo payment or recovery still planned lapses when the decision it settled is replaced."""
    geplande = subsidie.betalingen.filter(status=Betaling.Status.GEPLAND,
                                          soort__in=[Betaling.Soort.SALDO, Betaling.Soort.TERUGVORDERING])
    for betaling in geplande:
        perform(betaling, "annuleren", user, reden=reden)


def _vervallen_geplande_voorschotten(subsidie, user) -> None:
    """Advances not yet paid are superseded by the settlement: only money that moved is set off (Awb 4:95)."""
    geplande = subsidie.betalingen.filter(status=Betaling.Status.GEPLAND, soort=Betaling.Soort.VOORSCHOT)
    for betaling in geplande:
        perform(betaling, "annuleren", user, reden="Vervallen door de vaststelling.")


def _zet_vast(subsidie, bedrag: Decimal) -> None:
    """The commitment becomes the final amount: the rest returns to the budget."""
    subsidie.vastgesteld_bedrag = bedrag
    for verplichting in subsidie.verplichtingen.all():
        verplichting.vastgesteld_bedrag = bedrag
        verplichting.bedrag = bedrag
        verplichting.save()


def verreken(subsidie) -> None:
    """Plan the payment or recovery of whatever is still open between vastgesteld and paid."""
    saldo = subsidie.saldo()
    if saldo == ZERO:
        return
    soort = Betaling.Soort.SALDO if saldo > ZERO else Betaling.Soort.TERUGVORDERING
    betaling = Betaling.objects.create(subsidie=subsidie, verplichting=subsidie.verplichtingen.first(), soort=soort,
                                       bedrag=abs(saldo), gepland_op=timezone.localdate())
    if soort == Betaling.Soort.TERUGVORDERING:
        meldingen.terugvordering(betaling)
