"""Whether money for a boekjaar is there yet, said plainly to applicants and officers before anyone waits for it.

For a regeling and boekjaar (and gebied, when the regeling has a budget per gebied): is there a Budget row, has the
council adopted that year's budget (`Begrotingsjaar.vastgesteld_op`), and is a ceiling (Plafond) published? A
request for a year without budget can be made and handled, but not granted (`budget.gelockt_budget` refuses with
`geen_budget`): the applicant and the officer are told so at intake, not at the end.
"""
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone

from ..bedragen import euro
from ..models import Begrotingsjaar, Budget, Gebied, Plafond


@dataclass(frozen=True)
class Budgetstatus:
    boekjaar: int
    gebied: int | None
    code: str  # geen_budget | begroting_niet_vastgesteld | geen_plafond | plafond_gepubliceerd
    budget_vastgelegd: bool
    begroting_vastgesteld_op: dt.date | None
    plafond: Decimal | None  # only a published ceiling (Awb 4:27)
    plafond_gepubliceerd_op: dt.date | None
    nl: str
    en: str

    @property
    def waarschuwing(self) -> bool:
        """Whether the applicant must know it before waiting for a decision."""
        return self.code in ("geen_budget", "begroting_niet_vastgesteld")

    @property
    def toelichting(self) -> dict:
        return {"nl": self.nl, "en": self.en}


def _status(jaar: int, gebied_id, budget: bool, vastgesteld_op, plafond) -> Budgetstatus:
    vandaag = timezone.localdate()
    vastgesteld_op = vastgesteld_op if vastgesteld_op and vastgesteld_op <= vandaag else None
    gepubliceerd = plafond is not None and plafond.gepubliceerd_op is not None and plafond.gepubliceerd_op <= vandaag
    if not budget:
        code, nl, en = "geen_budget", (
            f"Voor {jaar} is nog geen budget vastgesteld. U kunt wel aanvragen. Wij beslissen pas als de gemeenteraad "
            "het budget heeft vastgesteld. Daarna beoordelen wij uw aanvraag op de gewone manier en hoort u of u "
            "subsidie krijgt."
        ), (
            f"No budget has been set for {jaar} yet. You can still apply. We will only decide once the municipal "
            "council has adopted the budget. Then we assess your application in the usual way and let you know "
            "whether you receive a subsidy."
        )
    elif vastgesteld_op is None:
        code, nl, en = "begroting_niet_vastgesteld", (
            f"Voor {jaar} is een budget geraamd, maar de gemeenteraad heeft de begroting voor dat jaar nog niet "
            "vastgesteld. U kunt wel aanvragen. Het budget kan nog veranderen als de raad de begroting vaststelt."
        ), (
            f"A budget for {jaar} is planned, but the municipal council has not yet adopted that year's budget. You "
            "can still apply. The budget may still change when the council adopts it."
        )
    elif not gepubliceerd:
        code, nl, en = "geen_plafond", (
            f"Voor {jaar} is het budget vastgesteld. Er is nog geen subsidieplafond bekendgemaakt."
        ), (
            f"The budget for {jaar} has been adopted. No subsidy ceiling has been published yet."
        )
    else:
        code, nl, en = "plafond_gepubliceerd", (
            f"Voor {jaar} is het budget vastgesteld. Het subsidieplafond is {euro(plafond.bedrag)}, bekendgemaakt "
            f"op {plafond.gepubliceerd_op:%d-%m-%Y}."
        ), (
            f"The budget for {jaar} has been adopted. The subsidy ceiling is {euro(plafond.bedrag, 'en')}, published "
            f"on {plafond.gepubliceerd_op:%d-%m-%Y}."
        )
    return Budgetstatus(jaar, gebied_id, code, budget, vastgesteld_op, plafond.bedrag if gepubliceerd else None,
                        plafond.gepubliceerd_op if gepubliceerd else None, nl, en)


def statussen(regeling, sleutels) -> list[Budgetstatus]:
    """The status of each (boekjaar, gebied_id) in `sleutels`, in three queries."""
    sleutels = list(sleutels)
    jaren = {jaar for jaar, _ in sleutels}
    budgetten = set(Budget.objects.filter(begrotingspost=regeling.begrotingspost_id, fondsbron=regeling.fondsbron_id,
                                          boekjaar__in=jaren).values_list("boekjaar", "gebied_id"))
    plafonds = {(p.boekjaar, p.gebied_id): p for p in Plafond.objects.filter(regeling=regeling, boekjaar__in=jaren)}
    vastgesteld = dict(Begrotingsjaar.objects.filter(boekjaar__in=jaren).values_list("boekjaar", "vastgesteld_op"))
    return [_status(jaar, gebied_id, (jaar, gebied_id) in budgetten, vastgesteld.get(jaar), plafonds.get((jaar, gebied_id)))
            for jaar, gebied_id in sleutels]


def per_regeling(regelingen, boekjaar: int, gebied_id=None) -> dict[int, Budgetstatus]:
    """The status of `boekjaar` for many regelingen at once (a list for the public, e.g. the keuzehulp), in three
    queries: per regeling by its pk, for `gebied_id` where the regeling budgets per gebied. A regeling with a budget
    per gebied but no gebied given is left out: nothing can be said about it yet."""
    regelingen = [r for r in regelingen if gebied_id is not None or not r.per_gebied]
    if not regelingen:
        return {}
    posten = {(r.begrotingspost_id, r.fondsbron_id) for r in regelingen}
    budgetten = set(Budget.objects.filter(boekjaar=boekjaar, begrotingspost__in={p for p, _ in posten},
                                          fondsbron__in={f for _, f in posten})
                    .values_list("begrotingspost_id", "fondsbron_id", "gebied_id"))
    plafonds = {(p.regeling_id, p.gebied_id): p
                for p in Plafond.objects.filter(regeling__in=regelingen, boekjaar=boekjaar)}
    vastgesteld_op = Begrotingsjaar.objects.filter(boekjaar=boekjaar).values_list("vastgesteld_op", flat=True).first()
    statussen_ = {}
    for regeling in regelingen:
        gebied = gebied_id if regeling.per_gebied else None
        budget = (regeling.begrotingspost_id, regeling.fondsbron_id, gebied) in budgetten
        statussen_[regeling.pk] = _status(boekjaar, gebied, budget, vastgesteld_op, plafonds.get((regeling.pk, gebied)))
    return statussen_


def budgetstatus(aanvraag) -> list[Budgetstatus]:
    """Per boekjaar of the request (one for a one-off request), for its gebied when the regeling budgets per gebied."""
    regeling = aanvraag.regeling
    gebied_id = aanvraag.gebied_id if regeling.per_gebied else None
    if not aanvraag.boekjaren or (regeling.per_gebied and gebied_id is None):
        return []  # nothing to say until the period (and gebied) is known
    return statussen(regeling, [(jaar, gebied_id) for jaar in aanvraag.boekjaren])


def van_regeling(regeling) -> list[Budgetstatus]:
    """For the regeling's public data: every boekjaar it has ceilings or budgets for, and this year and next;
    per gebied when the regeling budgets per gebied."""
    jaar = timezone.localdate().year
    jaren = {jaar, jaar + 1, *regeling.plafonds.values_list("boekjaar", flat=True), *Budget.objects.filter(
        begrotingspost=regeling.begrotingspost_id, fondsbron=regeling.fondsbron_id).values_list("boekjaar", flat=True)}
    gebieden = list(Gebied.objects.order_by("naam").values_list("pk", flat=True)) if regeling.per_gebied else [None]
    return statussen(regeling, [(j, g) for j in sorted(jaren) for g in gebieden])
