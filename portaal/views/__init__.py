"""One module per part of the portal; portaal/urls.py maps each URL to its view.

Who sees what: the portal shows each person only what belongs to the organisations they are a member of
(`subsidies.rollen.van_leden`), whatever their role. Someone else's id — also for staff, who work in their own
face — answers 404, so a page does not even tell that the object exists.
"""
from django.shortcuts import get_object_or_404

from subsidies.rollen import van_leden


def eigen_object(queryset, user, organisatie_pad: str, **lookup):
    """The one object of `queryset` matching `lookup` that belongs to one of `user`'s organisations, else 404."""
    return get_object_or_404(van_leden(queryset, user, organisatie_pad), **lookup)


def getoonde_titel(aanvraag) -> str:
    """The request's title; for a draft the one typed in its form so far (a draft has none until it is submitted).
    Select `formulierconcept` with the request to save a query."""
    concept = getattr(aanvraag, "formulierconcept", None)
    return aanvraag.titel or (concept.titel if concept else "")
