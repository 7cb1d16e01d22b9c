"""What the admin index tells a beheerder about the outbox."""
from django import template

from ..berichten import mislukt

register = template.Library()


@register.simple_tag
def mislukte_berichten() -> int:
    return mislukt().count()
