"""A refusal from the engine (a DomainError) shown in a form: beside the field it names, or at the top.

Views call the same services and `transitions.perform()` as the API; the reason the engine gives is the one the
person reads, in the language of the page. Forms never re-check what a model or service already checks.
"""
from django.utils.translation import get_language

from workflows.errors import DomainError


def in_taal(fout: DomainError) -> str:
    """The refusal's text in the page's language."""
    return fout.en if (get_language() or "nl").startswith("en") else fout.nl


def toon_fout(form, fout: DomainError) -> None:
    """Adds the refusal to `form`: to each field it names that the form has, otherwise as a form-wide error."""
    velden = [veld for veld in fout.details.get("velden", []) if veld in form.fields]
    if not velden:
        form.add_error(None, in_taal(fout))
        return
    per_veld = fout.details.get("fouten", {})
    for veld in velden:
        berichten = per_veld.get(veld) or [None]
        for bericht in berichten:
            form.add_error(veld, _bericht_in_taal(bericht) if bericht else in_taal(fout))


def _bericht_in_taal(bericht: str) -> str:
    """Model validation messages read "Nederlands. / English."; pick the half for the page's language."""
    nl, _, en = str(bericht).partition(" / ")
    return (en or nl) if (get_language() or "nl").startswith("en") else nl


def status_voor(request, status: int) -> int:
    """The status of a page that shows a form again with its errors or a refusal. htmx 4 swaps any answer, but the
    browser reports every 4xx answer to a script's request as a failed resource in the console; so an htmx request
    gets 200 (its fragment holds the errors and the summary), while a plain form post keeps the status that says
    what happened (400, 409) for the clients that read it."""
    return 200 if getattr(request, "htmx", False) else status
