"""Reach and results: what an initiative reports per boekjaar, and when.

The report belongs to the verantwoording: a subsidie that asks one (one-off above the direct tier, or a year of a
structural one) cannot be accounted for without it, and it is locked once the verantwoording is in. A subsidie
settled directly at verlening needs none, but its recipient may still report what it reached.
"""
from django.db import transaction

from workflows.context import acting_as
from workflows.errors import InvalidInput, TransitionNotPossible

from ..models import Bereik, Indicator, Resultaat, Soort, controleer_meldbaar


def is_initiatief(subsidie) -> bool:
    return subsidie.aanvraag.regeling.familie in Soort.values


def boekjaar_van(subsidie, boekjaar: int | None) -> int:
    """The year a report is about: the subsidie's own for a one-off one; one of its tranches for a structural one."""
    if not subsidie.structureel:
        if boekjaar not in (None, subsidie.eerste_boekjaar):
            raise InvalidInput(f"Deze subsidie gaat over {subsidie.eerste_boekjaar}.",
                               f"This subsidy is about {subsidie.eerste_boekjaar}.", code="boekjaar_ongeldig",
                               details={"velden": ["boekjaar"]})
        return subsidie.eerste_boekjaar
    if boekjaar is None or not subsidie.tranches.filter(boekjaar=boekjaar).exists():
        raise InvalidInput("Kies een boekjaar van deze meerjarige subsidie.",
                           "Choose a year of this multi-year subsidy.", code="boekjaar_ongeldig",
                           details={"velden": ["boekjaar"]})
    return boekjaar


def meld_bereik(subsidie, user, *, boekjaar: int | None, deelnemers: int, vrijwilligers: int, toelichting: str = "",
                resultaten: list[dict] | None = None, bereik: Bereik | None = None) -> Bereik:
    """Record (or correct) a year's reach; `resultaten` — {indicator, gerealiseerd, toelichting} — replace the
    year's results when given."""
    if not is_initiatief(subsidie):
        raise InvalidInput("Bereik meldt u alleen bij een subsidie voor een initiatief.",
                           "Reach is reported only for a subsidy for an initiative.", code="geen_initiatief",
                           details={"velden": ["subsidie"]})
    boekjaar = boekjaar_van(subsidie, boekjaar)
    controleer_meldbaar(subsidie, boekjaar)
    bestaand = Bereik.objects.filter(subsidie=subsidie, boekjaar=boekjaar).exclude(pk=getattr(bereik, "pk", None))
    if bestaand.exists():
        raise TransitionNotPossible(f"Het bereik over {boekjaar} is al gemeld; wijzig die melding.",
                                    f"Reach for {boekjaar} has already been reported; change that report.",
                                    code="bereik_al_gemeld")
    bereik = bereik or Bereik(subsidie=subsidie)
    bereik.boekjaar, bereik.deelnemers, bereik.vrijwilligers = boekjaar, deelnemers, vrijwilligers
    bereik.toelichting, bereik.gemeld_door = toelichting, user
    with acting_as(user), transaction.atomic():
        bereik.save()
        if resultaten is not None:
            _vervang_resultaten(bereik, resultaten)
    return bereik


def _vervang_resultaten(bereik: Bereik, resultaten: list[dict]) -> None:
    eigen = set(Indicator.objects.filter(doel__initiatief__aanvraag__subsidie=bereik.subsidie)
                .values_list("pk", flat=True))
    ids = [regel["indicator"].pk for regel in resultaten]
    if not set(ids) <= eigen or len(ids) != len(set(ids)):
        raise InvalidInput("Geef resultaten voor de indicatoren van dit initiatief, elke indicator één keer.",
                           "Give results for this initiative's indicators, each indicator once.",
                           code="indicator_ongeldig", details={"velden": ["resultaten"]})
    for resultaat in bereik.resultaten.all():
        resultaat.delete()
    for regel in resultaten:
        Resultaat.objects.create(bereik=bereik, **regel)


def controleer_bij_verantwoording(subsidie, boekjaar: int) -> None:
    """At the verantwoording of an initiative: its reach, and a result for every indicator, are in."""
    if not is_initiatief(subsidie):
        return
    bereik = Bereik.objects.filter(subsidie=subsidie, boekjaar=boekjaar).first()
    if bereik is None:
        raise InvalidInput(
            f"Meld eerst het bereik over {boekjaar}: hoeveel deelnemers en vrijwilligers, en het resultaat per "
            "indicator.",
            f"First report the reach for {boekjaar}: how many participants and volunteers, and the result per "
            "indicator.", code="bereik_ontbreekt", details={"boekjaar": boekjaar},
        )
    zonder = Indicator.objects.filter(doel__initiatief__aanvraag__subsidie=subsidie).exclude(resultaten__bereik=bereik)
    ontbrekend = list(zonder.values_list("omschrijving", flat=True))
    if ontbrekend:
        raise InvalidInput("Geef nog het resultaat voor: " + "; ".join(ontbrekend) + ".",
                           "Still give the result for: " + "; ".join(ontbrekend) + ".", code="resultaten_onvolledig",
                           details={"boekjaar": boekjaar})
