"""Filters of the letter templates (`Briefsjabloon`): amounts and dates written out in the letter's language."""
from decimal import Decimal

from django import template
from django.utils import translation

register = template.Library()

MAANDEN = {
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"],
}


def _taal() -> str:
    return "en" if (translation.get_language() or "nl").startswith("en") else "nl"


@register.filter
def bedrag(waarde) -> str:
    """`€ 12.345,67` in Dutch, `€12,345.67` in English; empty for no amount."""
    if waarde in (None, ""):
        return ""
    tekst = f"{Decimal(waarde):,.2f}"
    if _taal() == "nl":
        return "€ " + tekst.replace(",", " ").replace(".", ",").replace(" ", ".")
    return "€" + tekst


@register.filter
def datum(waarde) -> str:
    """`7 december 2026` / `7 December 2026`: the month in words, so no reader mistakes day for month."""
    if not waarde:
        return ""
    return f"{waarde.day} {MAANDEN[_taal()][waarde.month - 1]} {waarde.year}"


@register.filter
def alinea(waarde) -> str:
    """Split a text on blank lines and line breaks into its lines (a motivering as typed)."""
    return [regel.strip() for regel in str(waarde or "").splitlines() if regel.strip()]
