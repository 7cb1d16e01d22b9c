"""Amounts of money as every face shows them: one filter, so no page prints a bare Decimal ("€ 1000,00")."""
from django import template
from django.utils import translation

from subsidies.bedragen import euro

register = template.Library()


@register.filter
def bedrag(waarde, decimalen=2) -> str:
    """`waarde` in euros in the page's language (`subsidies.bedragen.euro`): "€ 1.000,00" in Dutch, "€ 1,000.00" in
    English. `decimalen` 0 gives whole euros ("€ 250.000"), for ranges and ceilings. Empty for None or anything that
    is not a number."""
    return euro(waarde, translation.get_language() or "nl", decimalen)
