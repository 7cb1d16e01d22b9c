"""Small template helpers of the portal."""
from django import template
from django.utils.translation import get_language

from ..teksten import RECHTSVORMEN, SOORTEN

register = template.Library()


@register.filter
def in_taal(tekst: dict | None) -> str:
    """A {"nl": …, "en": …} text (e.g. `publieke_status`) in the page's language."""
    if not tekst:
        return ""
    return tekst["en"] if (get_language() or "nl").startswith("en") else tekst["nl"]


@register.filter
def soort(obj) -> str:
    """A Beschikking's or Betaling's kind in plain words, in the page's language."""
    return str(SOORTEN.get(obj.soort, obj.soort))


@register.filter
def rechtsvorm(organisatie) -> str:
    return str(dict(RECHTSVORMEN).get(organisatie.rechtsvorm, organisatie.rechtsvorm))
