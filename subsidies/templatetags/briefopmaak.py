"""Filters of the letter templates (`Briefsjabloon`): amounts and dates written out in the letter's language."""
from django import template
from django.utils import translation

from ..bedragen import euro

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
    """`€ 12.345,67` in Dutch, `€ 12,345.67` in English (`subsidies.bedragen.euro`); empty for no amount."""
    return euro(waarde, _taal())


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
