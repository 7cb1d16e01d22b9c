"""Filing an objection and what deciding on it does (the lifecycle itself is `models/bezwaren.py`).

Every door (API, portal, admin, demo) files through `dien_in`, so every objection meets the same rules: only against a
decision that can be objected to, by its organisation or registered on paper by an officer, with dates that can be
true. Deciding (`beslis`, called from the Bezwaar's transitions) makes a beschikking of soort bezwaarbeslissing; on
gegrond it revokes the contested decision (Awb 7:11) and revises it through the request's or subsidie's own lifecycle
(`herzie`).
"""
import datetime as dt

from django.db import transaction
from django.utils import timezone

from workflows.context import acting_as
from workflows.errors import InvalidInput, NotPermitted, TransitionNotPossible
from workflows.transitions import perform

from .. import rollen
from ..models import Beschikking, Bezwaar
from ..models.aanvragen import HERZIENBARE_BESLUITEN
from ..models.bezwaren import OPEN_STATUSSEN
from . import meldingen
from .beschikkingen import maak_beschikking


def dien_in(beschikking: Beschikking, user, *, gronden: str, indiener: str = "", ontvangen_op: dt.date | None = None,
            ter_post_op: dt.date | None = None, adviescommissie: bool = False) -> Bezwaar:
    """File an objection against `beschikking`. A member of the organisation files it today; an officer registers one
    received on paper with its real date of receipt, the postmark date (6:9 lid 2) and whether a committee advises."""
    lid = rollen.aanvrager(beschikking.aanvraag, user)
    op_papier = not lid and rollen.behandelaar(beschikking.aanvraag, user)  # a member files their own, never on paper
    if not (lid or op_papier):
        raise NotPermitted("U kunt tegen dit besluit geen bezwaar maken.", "You cannot object to this decision.")
    if not op_papier and (ontvangen_op or ter_post_op or adviescommissie):
        raise NotPermitted(
            "Alleen een behandelaar registreert een bezwaar met een eigen ontvangst- of postdatum of adviescommissie.",
            "Only an officer registers an objection with its own date of receipt or posting, or an advisory committee.",
        )
    if beschikking.rechtsmiddel != Beschikking.Rechtsmiddel.BEZWAAR:
        raise TransitionNotPossible(
            "Tegen een beslissing op bezwaar kunt u geen bezwaar maken, wel beroep instellen bij de rechtbank "
            "(Awb 7:1, 8:1).",
            "A decision on an objection cannot be objected to; you can appeal to the court (Awb 7:1, 8:1).",
            code="geen_bezwaar_mogelijk")
    if beschikking.bezwaren.filter(status__in=OPEN_STATUSSEN).exists():
        raise TransitionNotPossible(
            "Tegen dit besluit loopt al een bezwaar. Stuur aanvullende gronden of stukken bij dat bezwaar.",
            "An objection against this decision is already under way. Add further grounds or documents to it.",
            code="bezwaar_loopt_al")
    vandaag = timezone.localdate()
    ontvangen_op = ontvangen_op or vandaag
    if not beschikking.verzonden_op <= ontvangen_op <= vandaag:
        raise InvalidInput("De ontvangstdatum ligt niet tussen de verzending van het besluit en vandaag.",
                           "The date of receipt is not between the sending of the decision and today.",
                           code="datum_ongeldig", details={"velden": ["ontvangen_op"]})
    if ter_post_op is not None and not beschikking.verzonden_op <= ter_post_op <= ontvangen_op:
        raise InvalidInput("De postdatum ligt niet tussen de verzending van het besluit en de ontvangst.",
                           "The posting date is not between the sending of the decision and the receipt.",
                           code="datum_ongeldig", details={"velden": ["ter_post_op"]})
    bezwaar = Bezwaar(beschikking=beschikking, gronden=gronden, indiener=indiener or _naam(user, op_papier),
                      ingediend_door=user, op_papier=op_papier, ontvangen_op=ontvangen_op, ter_post_op=ter_post_op,
                      adviescommissie=adviescommissie)
    bezwaar.bereken_termijnen()
    bezwaar.controleer_velden(["gronden", "indiener"])
    with acting_as(user), transaction.atomic(savepoint=False):  # the caller's transaction, if any, holds it all
        bezwaar.save()
        meldingen.bezwaar_ontvangen(bezwaar)
    return bezwaar


def _naam(user, op_papier: bool) -> str:
    return "" if op_papier else (user.get_full_name() or user.get_username())


def beslis(bezwaar: Bezwaar, uitkomst: str, user, reden: str, bedrag=None) -> Beschikking:
    """The decision on the objection, as a beschikking with the beroep clause; on gegrond the contested decision is
    revoked and revised (`herzie`, with `bedrag` where the new decision needs one). Runs inside the Bezwaar's
    transition, so all of it is one transaction: a revision refused (say, no room under the ceiling) undoes it all."""
    if not reden.strip():
        raise InvalidInput("Motiveer de beslissing op het bezwaar (Awb 7:12).",
                           "Give the grounds of the decision on the objection (Awb 7:12).", code="reden_verplicht")
    bestreden = bezwaar.beschikking
    gegrond = uitkomst == Bezwaar.Status.GEGROND
    if bedrag is not None and not (gegrond and bestreden.soort in HERZIENING_MET_BEDRAG):
        raise InvalidInput("Een nieuw bedrag hoort alleen bij een gegrond bezwaar tegen een verlening of vaststelling.",
                           "A new amount belongs only to an upheld objection against an award or a settlement.",
                           code="bedrag_niet_van_toepassing", details={"velden": ["bedrag"]})
    bezwaar.beslissing = maak_beschikking(
        bestreden.aanvraag, Beschikking.Soort.BEZWAARBESLISSING, beslisser=user,
        motivering=f"{UITKOMST_TEKST[uitkomst]}\n\n{reden}", boekjaar=bestreden.boekjaar,
        herroept=bestreden if gegrond else None,
    )
    if gegrond:
        bezwaar.herziening = herzie(bezwaar, user, bedrag)
    meldingen.bezwaar_beslist(bezwaar, uitkomst)
    return bezwaar.beslissing


UITKOMST_TEKST = {
    Bezwaar.Status.GEGROND: "Uw bezwaar is gegrond. Wij herroepen het bestreden besluit en nemen een nieuw besluit "
                            "(Awb 7:11).",
    Bezwaar.Status.ONGEGROND: "Uw bezwaar is ongegrond. Het bestreden besluit blijft staan.",
    Bezwaar.Status.NIET_ONTVANKELIJK: "Uw bezwaar is niet-ontvankelijk. Wij hebben het daarom niet inhoudelijk "
                                      "beoordeeld.",
}

# What an upheld objection does to the contested decision, through the subsidie's own transitions (Awb 7:11).
HERZIENING = {
    Beschikking.Soort.VERLENING: "verlening_herzien",  # a new verlening of the higher amount
    Beschikking.Soort.VASTSTELLING: "vaststelling_herzien",  # a new vaststelling, settled again
    Beschikking.Soort.INTREKKING: "intrekking_herroepen",  # the award stands again
}
HERZIENING_MET_BEDRAG = (Beschikking.Soort.VERLENING, Beschikking.Soort.VASTSTELLING)


def herzie(bezwaar: Bezwaar, user, bedrag=None) -> str:
    """Revise the revoked decision through the lifecycle it belongs to; returns what happened (`Bezwaar.Herziening`:
    the request is decided anew, the decision was revised, or the officer takes the new decision).

    - weigering, buitenbehandelingstelling: the request goes back to review (`Aanvraag.heroverwegen`) and is decided
      anew, a verlening committing the budget through the ledger;
    - verlening, vaststelling (one-off): a new beschikking of the higher `bedrag`, the difference committed on the
      budget and settled (`Subsidie.verlening_herzien`, `vaststelling_herzien`); intrekking: the award stands again
      (`Subsidie.intrekking_herroepen`). Refused (409, nothing changes) when budget or ceiling lacks room;
    - everything else (a multi-year subsidie's verlening, vaststelling or intrekking, a wijziging or beëindiging of
      its years, a dwangsom) has no sound automatic revision: years lapsed or re-planned and advances cancelled
      cannot be restored without choices only the officer can make. The revocation is recorded and the officer is
      told to take the new decision with the subsidie's own actions."""
    bestreden = bezwaar.beschikking
    aanvraag = bestreden.aanvraag
    reden = f"Bezwaar {bezwaar.nummer} gegrond: {bestreden.get_soort_display()} herroepen (Awb 7:11)."
    if bestreden.soort in HERZIENBARE_BESLUITEN:
        perform(aanvraag, "heroverwegen", user, reden=reden)
        return Bezwaar.Herziening.HEROVERWEGEN
    subsidie = getattr(aanvraag, "subsidie", None)
    actie = HERZIENING.get(bestreden.soort)
    if actie is None or subsidie is None or subsidie.structureel:
        if bedrag is not None:
            raise TransitionNotPossible(
                "Dit besluit wordt niet automatisch herzien (een meerjarige subsidie, een wijziging, beëindiging of "
                "dwangsom): verklaar het bezwaar gegrond zonder bedrag en neem het nieuwe besluit met de acties van "
                "de subsidie.",
                "This decision is not revised automatically (a multi-year subsidy, a change, an ending or a penalty): "
                "uphold the objection without an amount and take the new decision with the subsidy's own actions.",
                code="herziening_niet_automatisch")
        return Bezwaar.Herziening.ZELF
    params = {"bedrag": bedrag} if bestreden.soort in HERZIENING_MET_BEDRAG else {}
    perform(subsidie, actie, user, reden=reden, **params)
    return Bezwaar.Herziening.HERZIEN
