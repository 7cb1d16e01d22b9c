"""Amounts of money as every face shows them: one filter, so no page prints a bare Decimal ("€ 1000,00")."""
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def bedrag(waarde, decimalen=2) -> str:
    """`waarde` in euros in the page's language, grouped: "€ 1.000,00" in Dutch, "€ 1,000.00" in English (the
    house style: the sign, a space, the number). `decimalen` 0 gives whole euros ("€ 250.000"), for ranges and
    ceilings. Empty for None or anything that is not a number."""
    try:
        getal = Decimal(waarde).quantize(Decimal(1).scaleb(-int(decimalen)), ROUND_HALF_UP)
    except (InvalidOperation, TypeError, ValueError):
        return ""
    return "€ " + number_format(getal, decimal_pos=int(decimalen), use_l10n=True, force_grouping=True)
