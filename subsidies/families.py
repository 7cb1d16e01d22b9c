"""Request families register here what they add to the generic Aanvraag (DESIGN §9: the core knows no family).

A family (initiatieven, accommodaties, bewonersorganisaties) calls `registreer()` from its AppConfig.ready with its
own application data model and rules; a Regeling names its family in `Regeling.familie`. The core then runs the
family's check at submission and asks it for a proposed amount, without importing it.
"""
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

_FAMILIES: dict[str, "Familie"] = {}
_ADVISEURS: list[Callable] = []


@dataclass(frozen=True)
class Familie:
    code: str
    naam: str
    # The model holding the family's application data: a OneToOneField `aanvraag` to Aanvraag.
    gegevens: type | None = None
    # At submission, after the generic checks: raise workflows.errors.InvalidInput with the reason.
    controleer: Callable | None = None
    # The amount the rules propose for a request (e.g. a formula or an approved deficit), or None.
    voorstel: Callable[..., Decimal | None] | None = None
    # At a verantwoording (one-off, or per boekjaar): what else the family asks, e.g. reach; raise InvalidInput.
    controleer_verantwoording: Callable | None = None
    # What the keuzehulp says the family's regelingen are for (services/keuzehulp.py, `Doel`): an activity
    # (one-off or multi-year, as the regeling says), running a building, or a bewonersorganisatie's yearly work.
    doel: str = "activiteit"

    def gegevens_van(self, aanvraag):
        """The request's family data, or None while the applicant has not filled it in yet."""
        if self.gegevens is None:
            return None
        return self.gegevens.objects.filter(aanvraag=aanvraag).first()


def registreer(familie: Familie) -> None:
    _FAMILIES[familie.code] = familie


def zoek(code: str) -> Familie | None:
    return _FAMILIES.get(code)


def van(aanvraag) -> Familie | None:
    return zoek(aanvraag.regeling.familie) if aanvraag.regeling.familie else None


def controleer_verantwoording(subsidie, boekjaar: int) -> None:
    familie = van(subsidie.aanvraag)
    if familie is not None and familie.controleer_verantwoording is not None:
        familie.controleer_verantwoording(subsidie, boekjaar)


def alle() -> list[Familie]:
    return sorted(_FAMILIES.values(), key=lambda familie: familie.code)


def registreer_adviseurs(bron: Callable) -> None:
    """`bron(wijk)` returns the Organisaties whose advice is asked on plans for that wijk (e.g. its
    bewonersorganisatie, under the convenant)."""
    _ADVISEURS.append(bron)


def adviseurs(wijk) -> list:
    return [organisatie for bron in _ADVISEURS for organisatie in bron(wijk)]
