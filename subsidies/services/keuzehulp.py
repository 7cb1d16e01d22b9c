"""The keuzehulp: which open regelingen fit someone who has not applied yet, and what each means for them.

A person answers a few plain questions — who they are, what they want to do, where, roughly how much — and gets
the open regelingen that fit, each with what they can get, the tier of verantwoording their amount brings and
whether the ceiling of the boekjaar they would apply for still has room. The matching rules live here, in one
place, so the portal (and later an API endpoint) say the same thing. Families say what their regelingen are for (`Familie.doel`): the
core knows no family.
"""
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db import models
from django.utils import timezone

from .. import families
from ..models import Regeling, Rechtsvorm
from . import budget, budgetstatus
from .budgetstatus import Budgetstatus
from .meerjarig import max_niveau


class Wie(models.TextChoices):
    """Who is asking. The words a person reads are the face's (e.g. the portal's form)."""

    BEWONERS = "bewoners"  # residents without a legal form: an initiatiefgroep
    ORGANISATIE = "organisatie"  # a stichting or vereniging
    ACCOMMODATIE = "accommodatie"  # an organisation that runs a buurthuis or other accommodatie
    BEWONERSORGANISATIE = "bewonersorganisatie"  # a registered wijk-, buurt- or dorpsorganisatie


class Wat(models.TextChoices):
    EENMALIG = "eenmalig"  # a one-off activity or project
    MEERJARIG = "meerjarig"  # something that runs for several years
    GEBOUW = "gebouw"  # run or maintain a building
    BEWONERSORGANISATIE = "bewonersorganisatie"  # the yearly work of a bewonersorganisatie


class Doel(models.TextChoices):
    """What a family's regelingen are for (`Familie.doel`); a regeling without a family funds activities."""

    ACTIVITEIT = "activiteit"
    GEBOUW = "gebouw"
    BEWONERSORGANISATIE = "bewonersorganisatie"


class Ruimte(models.TextChoices):
    """Whether the ceiling of a boekjaar still has room, as the public may know it (no amounts)."""

    RUIMTE = "ruimte"  # a published ceiling with room left
    BEREIKT = "bereikt"  # a published ceiling that is reached
    ONBEKEND = "onbekend"  # no published ceiling (or no budget) yet, or the gebied is not known


# Who may apply: residents without a legal form are an initiatiefgroep; everyone else is a legal person.
RECHTSVORMEN = {
    Wie.BEWONERS: {Rechtsvorm.INITIATIEFGROEP},
    **dict.fromkeys([Wie.ORGANISATIE, Wie.ACCOMMODATIE, Wie.BEWONERSORGANISATIE],
                    set(Rechtsvorm.values) - {Rechtsvorm.INITIATIEFGROEP}),
}
# What a regeling is for, from the answer to "what do you want to do"; a building or a bewonersorganisatie's work
# is only for those who run one.
DOEL_VAN_WAT = {Wat.EENMALIG: Doel.ACTIVITEIT, Wat.MEERJARIG: Doel.ACTIVITEIT, Wat.GEBOUW: Doel.GEBOUW,
                Wat.BEWONERSORGANISATIE: Doel.BEWONERSORGANISATIE}
ALLEEN_VOOR = {Doel.GEBOUW: Wie.ACCOMMODATIE, Doel.BEWONERSORGANISATIE: Wie.BEWONERSORGANISATIE}


@dataclass(frozen=True)
class Vraag:
    wie: str
    wat: str
    gebied_id: int | None = None
    bedrag: Decimal | None = None  # per boekjaar for a multi-year regeling, as its limits are


@dataclass(frozen=True)
class Niveau:
    """A tier of verantwoording and the amounts it applies to: above `boven` (None: from the minimum) up to and
    including `tot`."""

    code: str
    boven: Decimal | None
    tot: Decimal


@dataclass(frozen=True)
class Passend:
    regeling: Regeling
    boekjaar: int  # the year an application made today is for
    niveaus: list[Niveau]  # one when an amount was given
    ruimte: str  # Ruimte
    budgetstatus: Budgetstatus | None  # None: a regeling per gebied and no gebied given


def doel(regeling) -> str:
    familie = families.zoek(regeling.familie) if regeling.familie else None
    return familie.doel if familie is not None else Doel.ACTIVITEIT


def past(regeling, vraag: Vraag, dag: dt.date) -> bool:
    """Whether `regeling` fits the answers: open today, for this kind of applicant, for this purpose and amount."""
    if not regeling.is_open(dag):
        return False
    if regeling.toegestane_rechtsvormen and not RECHTSVORMEN[vraag.wie] & set(regeling.toegestane_rechtsvormen):
        return False
    regeling_doel = doel(regeling)
    if regeling_doel != DOEL_VAN_WAT[vraag.wat] or ALLEEN_VOOR.get(regeling_doel, vraag.wie) != vraag.wie:
        return False
    if vraag.wat in (Wat.EENMALIG, Wat.MEERJARIG) and regeling.meerjarig != (vraag.wat == Wat.MEERJARIG):
        return False
    return vraag.bedrag is None or regeling.min_bedrag <= vraag.bedrag <= regeling.max_bedrag


def niveau(regeling, bedrag: Decimal) -> str:
    """The tier for an amount: the regeling's own rule; a multi-year subsidy always reports per year."""
    return max_niveau(regeling, [bedrag]) if regeling.meerjarig else regeling.verantwoordingsniveau(bedrag)


def niveaus(regeling, bedrag: Decimal | None = None) -> list[Niveau]:
    """The tier for `bedrag`; without an amount each tier the regeling's range reaches, with the amounts."""
    if bedrag is not None:
        return [Niveau(niveau(regeling, bedrag), None, bedrag)]
    grenzen = sorted({g for g in (regeling.grens_direct_vaststellen, regeling.grens_accountantsverklaring)
                      if regeling.min_bedrag <= g < regeling.max_bedrag})
    result, boven = [], None
    for tot in [*grenzen, regeling.max_bedrag]:
        code = niveau(regeling, tot)
        if result and result[-1].code == code:
            result[-1] = Niveau(code, result[-1].boven, tot)
        else:
            result.append(Niveau(code, boven, tot))
        boven = tot
    return result


def aanvraagjaar(regeling, dag: dt.date) -> int:
    """The boekjaar an application made on `dag` is for: this year for a one-off regeling; for a yearly or
    multi-year one, which is applied for before the year (Awb 4:60), the first year whose deadline has not passed."""
    if not regeling.boekjaarregels:
        return dag.year
    jaar = dag.year + 1
    while regeling.aanvraag_uiterlijk(jaar) < dag:
        jaar += 1
    return jaar


def ruimte(status: Budgetstatus | None, verplicht: Decimal) -> str:
    """Room under a published ceiling; without one (or no budget yet) nothing can be said."""
    if status is None or status.plafond is None:
        return Ruimte.ONBEKEND
    return Ruimte.RUIMTE if status.plafond - verplicht > 0 else Ruimte.BEREIKT


def passende_regelingen(vraag: Vraag, dag: dt.date | None = None) -> list[Passend]:
    """The open regelingen that fit `vraag`, by name, each explained; a few queries however many there are."""
    dag = dag or timezone.localdate()
    regelingen = [r for r in Regeling.objects.filter(actief=True).order_by("naam") if past(r, vraag, dag)]
    per_jaar = {}
    for regeling in regelingen:
        per_jaar.setdefault(aanvraagjaar(regeling, dag), []).append(regeling)
    statussen, verplicht = {}, {}
    for jaar, groep in per_jaar.items():  # this year and, for yearly regelingen, the next: a few queries each
        for pk, status in budgetstatus.per_regeling(groep, jaar, vraag.gebied_id).items():
            statussen[pk, jaar] = status
        for (pk, gebied_id), bedrag in budget.verplicht_op_plafonds(groep, jaar).items():
            verplicht[pk, gebied_id, jaar] = bedrag
    result = []
    for regeling in regelingen:
        jaar = aanvraagjaar(regeling, dag)
        status = statussen.get((regeling.pk, jaar))
        gebied_id = vraag.gebied_id if regeling.per_gebied else None
        result.append(Passend(regeling, jaar, niveaus(regeling, vraag.bedrag),
                              ruimte(status, verplicht.get((regeling.pk, gebied_id, jaar), Decimal("0"))), status))
    return result
