"""Small template helpers of the portal."""
from django import template
from django.utils.translation import get_language

register = template.Library()


@register.filter
def in_taal(tekst: dict | None) -> str:
    """A {"nl": …, "en": …} text (e.g. `publieke_status`) in the page's language."""
    if not tekst:
        return ""
    return tekst["en"] if (get_language() or "nl").startswith("en") else tekst["nl"]
