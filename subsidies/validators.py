"""Validation of the identifiers that tell us whom we fund (nota §5.10): KvK number, IBAN, postcode; and the bounds
every free text, amount, year and date gets, so that every door (API, admin, forms, tasks) refuses the same input."""
import datetime as dt
import json
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from schwifty import IBAN
from schwifty.exceptions import SchwiftyException
from stdnum.nl import postcode


def validate_kvk_nummer(value: str) -> None:
    """A KvK number is exactly eight digits (Handelsregisterbesluit 2008, art. 9)."""
    if not (len(value) == 8 and value.isdigit()):
        raise ValidationError(
            "Een KvK-nummer bestaat uit precies 8 cijfers. / A KvK number has exactly 8 digits.", code="kvk_nummer"
        )


def validate_iban(value: str) -> None:
    try:
        IBAN(value)
    except SchwiftyException as exc:
        raise ValidationError(
            f"Dit IBAN klopt niet ({exc}). Controleer het rekeningnummer. / This IBAN is not valid ({exc}).",
            code="iban",
        ) from exc


def normalize_iban(value: str) -> str:
    return IBAN(value).compact if value else value


def validate_postcode(value: str) -> None:
    if not postcode.is_valid(value):
        raise ValidationError(
            "Vul een Nederlandse postcode in, bijvoorbeeld 9711 AB. / Enter a Dutch postcode, e.g. 9711 AB.",
            code="postcode",
        )


def normalize_email(value: str) -> str:
    """An e-mail address with its domain in ASCII: `info@bücher.nl` becomes `info@xn--bcher-kva.nl` (IDNA).

    Mail servers and the API's `email` format expect the ASCII form; the field's validator still judges the rest.
    """
    local, at, domain = (value or "").strip().rpartition("@")
    if not at:
        return value
    try:
        return f"{local}@{domain.encode('idna').decode('ascii').lower()}"
    except UnicodeError:  # not a domain IDNA can encode: left as typed, for the field's validator to report
        return value


# --- bounds every door applies (field validators: the admin's forms and the API's serializers pick them up) -------
# Above any award: the demo's largest, four years of sociaal werk, totals € 172.8 million; a slip of a few zeros stays out.
BEDRAG_MAX = Decimal("999999999.99")
CENT = Decimal("0.01")
BOEKJAAR_MIN, BOEKJAAR_MAX = 2000, 2100  # a boekjaar the engine can hold: no older files; an MJOP looks decades ahead

_TE_HOOG = MaxValueValidator(BEDRAG_MAX, message=(
    "Vul een bedrag van ten hoogste € 999.999.999,99 in. / Enter an amount of at most € 999,999,999.99."))
BEDRAG_POSITIEF = [
    MinValueValidator(CENT, message="Vul een bedrag groter dan € 0 in. / Enter an amount above € 0."), _TE_HOOG,
]
BEDRAG_NIET_NEGATIEF = [
    MinValueValidator(Decimal("0"), message="Een bedrag is niet negatief. / An amount is not negative."), _TE_HOOG,
]
BOEKJAAR = [
    MinValueValidator(BOEKJAAR_MIN, message=f"Kies een jaar vanaf {BOEKJAAR_MIN}. / Choose a year from {BOEKJAAR_MIN}."),
    MaxValueValidator(BOEKJAAR_MAX, message=f"Kies een jaar tot en met {BOEKJAAR_MAX}. / Choose a year up to "
                                            f"{BOEKJAAR_MAX}."),
]


def binnen_bedraggrens(bedrag, *, positief: bool = False) -> bool:
    """For amounts a transition takes (not a form field): the same sign and cap as the validators above."""
    return (CENT if positief else Decimal("0")) <= Decimal(bedrag) <= BEDRAG_MAX


def tekst(max_length: int) -> dict:
    """Keyword arguments for a TextField of at most `max_length` characters. Django puts a TextField's max_length only
    on the form's widget; the validator makes `full_clean` (and so every door) refuse a longer text."""
    return {"max_length": max_length, "validators": [MaxLengthValidator(max_length, message=(
        "Ten hoogste %(limit_value)d tekens (nu %(show_value)d). / At most %(limit_value)d characters "
        "(now %(show_value)d)."))]}


@deconstructible
class Datumvenster:
    """A date a person could plausibly mean: from 1 January of `vanaf` up to `jaren_vooruit` years from today.

    The window of a request's period: the demo and the tests travel back to 2023 and plan multi-year requests a few
    years ahead, officers register paper requests of past years; nothing legitimate lies before 2000 or more than
    ten years ahead, while a year 9999 (a typo, or a probe) would sit in every report and deadline.
    """

    def __init__(self, vanaf: int = 2000, jaren_vooruit: int = 10):
        self.vanaf, self.jaren_vooruit = vanaf, jaren_vooruit

    def __call__(self, value: dt.date) -> None:
        tot = timezone.localdate().year + self.jaren_vooruit
        if not dt.date(self.vanaf, 1, 1) <= value <= dt.date(tot, 12, 31):
            raise ValidationError(
                f"Kies een datum van {self.vanaf} tot en met {tot}. / Choose a date from {self.vanaf} up to {tot}.",
                code="datum_buiten_venster",
            )

    def __eq__(self, other):
        return isinstance(other, Datumvenster) and (self.vanaf, self.jaren_vooruit) == (other.vanaf,
                                                                                      other.jaren_vooruit)


PERIODE = [Datumvenster()]


@deconstructible
class JsonOmvang:
    """A JSON value users fill: a list of at most `max_items` entries and at most `max_tekens` characters in all."""

    def __init__(self, max_items: int = 50, max_tekens: int = 100_000):
        self.max_items, self.max_tekens = max_items, max_tekens

    def __call__(self, value) -> None:
        if isinstance(value, (list, dict)) and len(value) > self.max_items:
            raise ValidationError(f"Ten hoogste {self.max_items} onderdelen. / At most {self.max_items} entries.",
                                  code="te_veel")
        if len(json.dumps(value, ensure_ascii=False, cls=DjangoJSONEncoder)) > self.max_tekens:
            raise ValidationError(f"Ten hoogste {self.max_tekens} tekens in totaal. / At most {self.max_tekens} "
                                  "characters in all.", code="te_lang")

    def __eq__(self, other):
        return isinstance(other, JsonOmvang) and (self.max_items, self.max_tekens) == (other.max_items,
                                                                                    other.max_tekens)


PERCENTAGE = [
    MinValueValidator(Decimal("0"), message="Een percentage is niet negatief. / A percentage is not negative."),
    MaxValueValidator(Decimal("100"), message="Ten hoogste 100%. / At most 100%."),
]
