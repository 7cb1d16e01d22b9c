"""Validation of the identifiers that tell us whom we fund (nota §5.10): KvK number, IBAN, postcode."""
from django.core.exceptions import ValidationError
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
