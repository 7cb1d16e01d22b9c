"""Budget commitments and the ledger per begrotingspost × boekjaar × fondsbron (DESIGN §6, Awb 4:25–4:27).

`toe_te_kennen` runs inside the verlening's transaction and holds row locks on the ceiling and the budget until
commit, so parallel awards queue and can never together exceed either.
"""
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import DecimalField, Exists, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from workflows.errors import TransitionNotPossible

from ..bedragen import euro
from ..models import (
    Aanvraag,
 Begrotingsjaar, Betaling, Budget, Jaarbedrag, Plafond, Verdeelmethode, Verplichting,
)

ZERO = Decimal("0.00")
# Complete and awaiting a decision: also while still in the queue, or the officers' pace would decide the order.
WACHTENDE_STATUSSEN = [Aanvraag.Status.INGEDIEND, Aanvraag.Status.IN_BEHANDELING, Aanvraag.Status.IN_BEOORDELING,
                       Aanvraag.Status.BESLUIT_VOORGESTELD]


def som(queryset, field: str = "bedrag") -> Decimal:
    return queryset.aggregate(total=Sum(field))["total"] or ZERO


@dataclass
class Toekenning:
    bedrag: Decimal
    budget: Budget
    plafond: Plafond | None
    reden_nl: str = ""


def gebied_van(aanvraag):
    """The gebied whose budget a request draws on: only for regelingen with a budget per gebied."""
    return aanvraag.gebied_id if aanvraag.regeling.per_gebied else None


def gelockt_budget(regeling, boekjaar: int, gebied_id=None) -> Budget:
    """The regeling's budget row for `boekjaar`, locked until commit; for future years it is the meerjarenraming."""
    # By pk: the default ordering joins the nullable gebied, and PostgreSQL cannot lock through an outer join.
    budget = Budget.objects.select_for_update().filter(
        begrotingspost=regeling.begrotingspost, fondsbron=regeling.fondsbron, boekjaar=boekjaar, gebied_id=gebied_id
    ).order_by("pk").first()
    if budget is None:
        raise TransitionNotPossible(
            f"Er is geen budget voor {regeling.begrotingspost} in {boekjaar}; de beheerder moet het eerst vastleggen "
            "(voor latere jaren: de meerjarenraming; bij een gebiedsbudget: voor dit gebied).",
            f"There is no budget for {regeling.begrotingspost} in {boekjaar}; a beheerder must add it first "
            "(for later years: the multi-year estimate; for an area budget: for this area).",
            code="geen_budget", details={"boekjaar": boekjaar},
        )
    return budget


def _ruimte(aanvraag, boekjaar: int):
    """Locked budget and ceiling of a year, and the room each leaves (None: no ceiling binds)."""
    regeling, gebied_id = aanvraag.regeling, gebied_van(aanvraag)
    plafond = _gelockt_plafond(regeling, boekjaar, gebied_id)
    budget = gelockt_budget(regeling, boekjaar, gebied_id)
    budget_ruimte = max(budget.bedrag - som(budget.verplichtingen.all()), ZERO)
    bindend = plafond is not None and plafond.bindt(aanvraag.ontvangen_op)
    plafond_ruimte = max(plafond.bedrag - som(plafond.verplichtingen.all()), ZERO) if bindend else None
    return budget, plafond, budget_ruimte, plafond_ruimte


def _gelockt_plafond(regeling, boekjaar: int, gebied_id) -> Plafond | None:
    return Plafond.objects.select_for_update().filter(regeling=regeling, boekjaar=boekjaar,
                                                      gebied_id=gebied_id).order_by("pk").first()


def wettelijk_verplicht(aanvraag, boekjaar: int, bedrag: Decimal) -> Toekenning:
    """A year the law makes the municipality fund whatever room is left (phase-out during the notice term, Awb
    4:51): booked on that year's budget and ceiling, so both show it, even beyond their amount."""
    gebied_id = gebied_van(aanvraag)
    plafond = _gelockt_plafond(aanvraag.regeling, boekjaar, gebied_id)  # ceiling before budget, as in `_ruimte`
    return Toekenning(bedrag, gelockt_budget(aanvraag.regeling, boekjaar, gebied_id), plafond)


def later_jaar(aanvraag, boekjaar: int, bedrag: Decimal) -> Toekenning:
    """A later year of a multi-year award: it must fit that year's budget (the raming) and any binding ceiling."""
    budget, plafond, budget_ruimte, plafond_ruimte = _ruimte(aanvraag, boekjaar)
    ruimte = budget_ruimte if plafond_ruimte is None else min(budget_ruimte, plafond_ruimte)
    if bedrag > ruimte:
        raise TransitionNotPossible(
            f"Voor {boekjaar} is nog {euro(ruimte)} vrij in {budget}, minder dan de voorgestelde {euro(bedrag)}: stel "
            "voor dat jaar een lager bedrag voor, of laat de beheerder de raming aanpassen.",
            f"For {boekjaar} {euro(ruimte, 'en')} is free in {budget}, less than the proposed {euro(bedrag, 'en')}: "
            "propose a lower amount for that year, or have a beheerder adjust the estimate.",
            code="budget_ontoereikend", details={"boekjaar": boekjaar},
        )
    return Toekenning(bedrag, budget, plafond)


def toe_te_kennen(aanvraag, bedrag: Decimal) -> Toekenning:
    """How much of `bedrag` the budget and ceiling allow now, with both rows locked for this transaction."""
    budget, plafond, budget_ruimte, plafond_ruimte = _ruimte(aanvraag, aanvraag.boekjaar)
    regeling = aanvraag.regeling
    ruimte = budget_ruimte if plafond_ruimte is None else min(budget_ruimte, plafond_ruimte)
    volgorde = regeling.verdeelmethode == Verdeelmethode.VOLGORDE_VAN_BINNENKOMST
    beschikbaar = max(ruimte - (_gereserveerd_voor_eerdere(aanvraag) if volgorde else ZERO), ZERO)
    if bedrag <= beschikbaar:
        return Toekenning(bedrag, budget, plafond)
    if bedrag <= ruimte:
        raise TransitionNotPossible(
            "Eerder volledige aanvragen gaan voor (volgorde van binnenkomst) en het plafond is niet genoeg voor "
            "allemaal: beslis eerst over die aanvragen.",
            "Requests that were complete earlier come first (first come, first served) and the ceiling does not "
            "cover them all: decide on those first.",
            code="eerdere_aanvragen_eerst",
        )
    if plafond_ruimte is None or budget_ruimte < plafond_ruimte:
        # Only a published ceiling is a ground for refusal (Awb 4:25, 4:27); an exhausted budget is not.
        raise TransitionNotPossible(
            f"Het budget van {budget} is niet toereikend (nog {euro(budget_ruimte)} vrij) en geen gepubliceerd "
            "subsidieplafond bindt deze aanvraag: de beheerder moet het budget aanvullen voordat verleend kan worden.",
            f"The budget of {budget} is insufficient ({euro(budget_ruimte, 'en')} free) and no published ceiling "
            "binds this request: a beheerder must add budget before it can be granted.",
            code="budget_ontoereikend",
        )
    if regeling.gedeeltelijk_verlenen and beschikbaar > ZERO:
        return Toekenning(beschikbaar, budget, plafond,
                          f"Het subsidieplafond laat nog {euro(beschikbaar)} toe; voor het overige wordt de subsidie "
                          "geweigerd (Awb 4:25 lid 2).")
    return Toekenning(ZERO, budget, plafond,
                      "Het subsidieplafond van deze regeling is bereikt; daarom wordt de subsidie geweigerd "
                      "(Awb 4:25 lid 2).")


def _gereserveerd_voor_eerdere(aanvraag) -> Decimal:
    """Room held for requests that became complete earlier and still await their decision: what they would take
    from this boekjaar, i.e. for a multi-year request its first year, not its total."""
    eerdere = Aanvraag.objects.filter(
        regeling=aanvraag.regeling, periode_van__year=aanvraag.boekjaar, status__in=WACHTENDE_STATUSSEN,
        volledig_op__lt=aanvraag.volledig_op,
    ).exclude(pk=aanvraag.pk)
    if aanvraag.regeling.per_gebied:
        eerdere = eerdere.filter(gebied_id=aanvraag.gebied_id)
    eerste_jaar = Jaarbedrag.objects.filter(aanvraag=OuterRef("pk"), boekjaar=aanvraag.boekjaar).values(
        bedrag=Coalesce("voorstel_bedrag", "gevraagd_bedrag"))[:1]
    return som(eerdere.annotate(te_reserveren=Coalesce(
        Subquery(eerste_jaar, output_field=DecimalField()), "voorstel_bedrag", "gevraagd_bedrag")), "te_reserveren")


def verplicht_op_plafonds(regelingen, boekjaar: int) -> dict[tuple[int, int | None], Decimal]:
    """What is committed on each ceiling of `regelingen` in `boekjaar`, by (regeling pk, gebied pk), in one query;
    without locks: for showing whether a ceiling still has room, not for deciding."""
    rows = (Verplichting.objects.filter(plafond__regeling__in=regelingen, plafond__boekjaar=boekjaar)
            .values_list("plafond__regeling_id", "plafond__gebied_id").annotate(totaal=Sum("bedrag")).order_by())
    return {(regeling, gebied): totaal for regeling, gebied, totaal in rows}


def verplicht(subsidie, toekenning: Toekenning, boekjaar: int, *, voorwaardelijk: bool = False) -> Verplichting:
    return Verplichting.objects.create(
        subsidie=subsidie, budget=toekenning.budget, plafond=toekenning.plafond, boekjaar=boekjaar,
        oorspronkelijk_bedrag=toekenning.bedrag, bedrag=toekenning.bedrag, voorwaardelijk=voorwaardelijk,
    )


def verhoog(verplichting: Verplichting, bedrag: Decimal) -> Verplichting:
    """Raise a commitment to `bedrag` where it is booked (a decision revised after bezwaar, Awb 7:11): the increase
    must fit the room its budget and its binding ceiling leave, both locked until commit (ceiling first, as in
    `_ruimte`), else refused and nothing changes. No queue of earlier requests applies: this award was decided."""
    extra = bedrag - verplichting.bedrag
    plafond = (Plafond.objects.select_for_update().filter(pk=verplichting.plafond_id).order_by("pk").first()
               if verplichting.plafond_id else None)
    budget = Budget.objects.select_for_update().filter(pk=verplichting.budget_id).order_by("pk").get()
    rijen = [("budget", "het budget", "the budget", budget, str(budget))]
    if plafond is not None and plafond.bindt(verplichting.subsidie.aanvraag.ontvangen_op):
        rijen.insert(0, ("plafond", "het subsidieplafond", "the ceiling", plafond,
                         f"{plafond.regeling} {plafond.boekjaar}"))
    for code, wat_nl, wat_en, rij, naam in rijen:
        vrij = max(rij.bedrag - som(rij.verplichtingen.all()), ZERO)
        if extra > vrij:
            raise TransitionNotPossible(
                f"Het nieuwe bedrag vraagt {euro(extra)} meer, maar {wat_nl} van {naam} heeft nog {euro(vrij)} vrij. "
                "Laat de beheerder eerst ruimte maken; er is niets gewijzigd.",
                f"The new amount needs {euro(extra, 'en')} more, but {wat_en} of {naam} has {euro(vrij, 'en')} free. "
                "Have a beheerder make room first; nothing was changed.",
                code=f"{code}_ontoereikend", details={"nodig": str(extra), "vrij": str(vrij)},
            )
    verplichting.bedrag = bedrag
    verplichting.save()
    return verplichting


def _sum_subquery(queryset, field: str = "bedrag", key: str = "budget"):
    totals = queryset.filter(**{key: OuterRef("pk")}).values(key).annotate(total=Sum(field)).values("total")
    return Coalesce(Subquery(totals, output_field=DecimalField()), Value(ZERO), output_field=DecimalField())


def overzicht(budgets=None):
    """The ledger, one row per budget, in a single query. free + committed = budget on every row."""
    budgets = budgets if budgets is not None else Budget.objects.all()
    uitgevoerd = Betaling.objects.filter(status=Betaling.Status.UITGEVOERD)
    rows = (
        budgets.select_related("begrotingspost", "fondsbron", "gebied")
        .annotate(
            plafond=_sum_subquery(Plafond.objects.all()),
            verplicht=_sum_subquery(Verplichting.objects.all()),
            voorwaardelijk_verplicht=_sum_subquery(Verplichting.objects.filter(voorwaardelijk=True)),
            vastgesteld=_sum_subquery(Verplichting.objects.all(), "vastgesteld_bedrag"),
            betaald=_sum_subquery(uitgevoerd.filter(~Q(soort=Betaling.Soort.TERUGVORDERING)), key="verplichting__budget"),
            teruggevorderd=_sum_subquery(uitgevoerd.filter(soort=Betaling.Soort.TERUGVORDERING),
                                         key="verplichting__budget"),
        )
        .order_by("begrotingspost__naam", "boekjaar", "fondsbron__naam")
    )
    for row in rows:
        row.vrij = row.bedrag - row.verplicht
    return rows


def meerjarenraming(vanaf: int, budgets=None):
    """Per begrotingspost × fondsbron (× gebied, for area budgets) × boekjaar from `vanaf` on, in a single query: the
    budget (raming), whether the council adopted that year's budget, definitive and conditional commitments
    (begrotingsvoorbehoud, Awb 4:34), and what is free. free + definitive + conditional = raming on every row."""
    budgets = budgets if budgets is not None else Budget.objects.all()
    begrotingsjaar = Begrotingsjaar.objects.filter(boekjaar=OuterRef("boekjaar"))
    rows = (
        budgets.filter(boekjaar__gte=vanaf).select_related("begrotingspost", "fondsbron", "gebied")
        .annotate(
            vastgesteld_op=Subquery(begrotingsjaar.values("vastgesteld_op")[:1]),
            begroting_vastgesteld=Exists(begrotingsjaar.filter(vastgesteld_op__lte=timezone.localdate())),
            definitief_verplicht=_sum_subquery(Verplichting.objects.filter(voorwaardelijk=False)),
            voorwaardelijk_verplicht=_sum_subquery(Verplichting.objects.filter(voorwaardelijk=True)),
        )
        .order_by("begrotingspost__naam", "fondsbron__naam", "gebied__naam", "boekjaar")
    )
    for row in rows:
        row.vrij = row.bedrag - row.definitief_verplicht - row.voorwaardelijk_verplicht
    return rows
