"""The application forms of the portal: per request family the steps a person goes through (`stappen`), the
draft that keeps what they typed (`concept`), and the submission that turns the draft into the request
(`indienen`). See docs/architecture.md, "Portaal: aanvragen"."""
from collections.abc import Callable
from dataclasses import dataclass

from accommodaties.services import EXPLOITATIE, ONDERHOUD
from bewonersorganisaties.models import FAMILIE as BEWONERSORGANISATIE
from initiatieven.models import Initiatief, Soort

from .jaarlijks import (
    AccommodatieStap, ExploitatieStap, FormulebedragStap, JaarplanStap, JarenStap, OnderhoudStap, schrijf_accommodatie,
)
from .stappen import BegrotingStap, DocumentenStap, DoelenStap, Stap, WaarStap, WatStap, WerkplanStap


@dataclass(frozen=True)
class Stroom:
    """The form of one family: its steps in order, and the writer of the family's data at submission
    (`familiegegevens(aanvraag, velden)`, with the steps' `familie_velden`; it returns the family's row)."""

    stappen: list[Stap]
    familiegegevens: Callable | None = None


def schrijf_initiatief(aanvraag, velden: dict):
    """The initiative's own data beside its Aanvraag (`initiatieven.Initiatief`), through the model's checks."""
    initiatief = Initiatief.objects.filter(aanvraag=aanvraag).first() or Initiatief(aanvraag=aanvraag)
    m2m = {naam: velden.pop(naam) for naam in ("themas", "dimensies") if naam in velden}
    for naam, waarde in velden.items():
        setattr(initiatief, naam, waarde if waarde is not None else Initiatief._meta.get_field(naam).get_default())
    initiatief.full_clean()
    initiatief.save()
    for naam, waarden in m2m.items():
        getattr(initiatief, naam).set(waarden or [])
    return initiatief


# Per family (Regeling.familie) its form. A family without an entry cannot be applied for here yet.
STROMEN: dict[str, Stroom] = {
    # Quick: a phone in ten minutes — what, where and when, how much, an optional file.
    Soort.BEWONERSINITIATIEF: Stroom(
        [WatStap(), WaarStap(wijk_verplicht=True), BegrotingStap(), DocumentenStap()], schrijf_initiatief),
    # One-off or multi-year: goals with indicators; multi-year adds a work plan and an amount per boekjaar.
    Soort.MAATSCHAPPELIJK: Stroom(
        [WatStap(), WaarStap(), DoelenStap(), BegrotingStap(), WerkplanStap(), DocumentenStap()], schrijf_initiatief),
    # Exploitatie: the years, and per year the deficit of the approved exploitation budget as the amount.
    EXPLOITATIE: Stroom([AccommodatieStap(), JarenStap(), ExploitatieStap(), WerkplanStap(), DocumentenStap()],
                        schrijf_accommodatie),
    # Onderhoud: items of the accommodation's MJOP.
    ONDERHOUD: Stroom([AccommodatieStap(), OnderhoudStap(), DocumentenStap()], schrijf_accommodatie),
    # Yearly: the amount follows the regeling's formula and is filled in for them.
    BEWONERSORGANISATIE: Stroom([JaarplanStap(), FormulebedragStap(), WerkplanStap(), DocumentenStap()]),
}


def ondersteund(regeling) -> bool:
    return regeling.familie in STROMEN


def stroom_van(aanvraag) -> Stroom:
    return STROMEN[aanvraag.regeling.familie]


def stappen_van(aanvraag) -> list[Stap]:
    """The steps that apply to this request, in order."""
    stroom = STROMEN.get(aanvraag.regeling.familie)
    return [stap for stap in stroom.stappen if stap.is_applicable(aanvraag)] if stroom else []


def zoek_stap(aanvraag, slug: str) -> Stap | None:
    return next((stap for stap in stappen_van(aanvraag) if stap.slug == slug), None)


def stap_van_veld(aanvraag, veld: str) -> Stap | None:
    """The step that holds the field an engine refusal names."""
    return next((stap for stap in stappen_van(aanvraag) if veld in stap.velden), None)


def uit_aanvraag(aanvraag) -> dict:
    """A draft from what the request already holds (its fields, the family's data, its lines), per step."""
    from subsidies import families

    familie = families.van(aanvraag)
    gegevens = familie.gegevens_van(aanvraag) if familie is not None else None
    concept = {}
    for stap in stappen_van(aanvraag):
        ruw = stap.uit_aanvraag(aanvraag, gegevens)
        if ruw is not None:
            concept[stap.slug] = ruw
    return concept
