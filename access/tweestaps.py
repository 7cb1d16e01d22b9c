"""Staff log in in two steps: a password and a code from an authenticator app (TOTP, allauth.mfa).

Who must: everyone who sees or changes more than their own organisation's data — `is_staff` users (the admin)
and the behandelaar, beslisser, auditor and beheerder roles (`subsidies.rollen.ziet_alles`). Applicants may switch
it on, but are not made to. Until such a user has set it up, the admin sends them to the set-up page and the API
refuses their writes (403 `twee_stappen_nodig`); reading stays possible, so nothing they need to set it up is
closed to them. Once set up, allauth's login asks for the code at every login, and the admin asks it of a session
that logged in without it (its own login form takes a password only).
"""
from urllib.parse import urlencode

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from drf_spectacular.authentication import SessionScheme
from rest_framework import authentication, exceptions
from rest_framework.permissions import SAFE_METHODS

from subsidies.api.exceptions import Bilingual
from subsidies.rollen import ziet_alles

from .authentication import TokenAuthentication


def moet_twee_stappen(user) -> bool:
    return bool(user and user.is_authenticated and (user.is_staff or user.is_superuser or ziet_alles(user)))


def heeft_twee_stappen(user) -> bool:
    from allauth.mfa.models import Authenticator  # not at import: DRF loads this module with its settings

    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def mist_twee_stappen(user) -> bool:
    """Staff who have not set up the second step yet."""
    return moet_twee_stappen(user) and not heeft_twee_stappen(user)


def code_gebruikt(request) -> bool:
    """Whether this session's login included the code (allauth records each step of a login in the session)."""
    from allauth.account.internal.flows.login import get_authentication_records

    return any(stap.get("method") == "mfa" for stap in get_authentication_records(request, request.user))


class TweeStappenMiddleware:
    """The admin only for staff who logged in with their code: without a second step set up they go to its set-up
    page; with one, but logged in by password alone (the admin's own login form), they are asked the code first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (request.path.startswith("/admin/") and not request.path.startswith("/admin/logout/")
                and moet_twee_stappen(request.user)):
            if not heeft_twee_stappen(request.user):
                messages.warning(request, _("Stel eerst inloggen in twee stappen in. Dat is verplicht voor "
                                            "medewerkers."))
                return redirect("mfa_activate_totp")
            if not code_gebruikt(request):
                return redirect(f"{reverse('mfa_reauthenticate')}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)


class TweeStappenNodig(Bilingual, exceptions.PermissionDenied):
    """403: staff change nothing through the API before they set up the second step."""


class _TweeStappen:
    """Mixed into an authentication class: a write by staff without a second step is refused (403), except on a
    view marked `zonder_twee_stappen` (revoking one's tokens). Checked here because authentication runs for every
    endpoint, whatever its permission classes."""

    def authenticate(self, request):
        resultaat = super().authenticate(request)
        view = request.parser_context.get("view")
        if (resultaat and request.method not in SAFE_METHODS and not getattr(view, "zonder_twee_stappen", False)
                and mist_twee_stappen(resultaat[0])):
            raise TweeStappenNodig(
                "Medewerkers loggen in in twee stappen. Stel dat eerst in op /account/2fa/; daarna kunt u hier "
                "wijzigingen doen.",
                "Staff log in in two steps. Set that up first at /account/2fa/; then you can make changes here.",
                code="twee_stappen_nodig")
        return resultaat


class TokenMetTweeStappen(_TweeStappen, TokenAuthentication):
    pass


class SessieMetTweeStappen(_TweeStappen, authentication.SessionAuthentication):
    pass


class SessieMetTweeStappenScheme(SessionScheme):
    """The OpenAPI schema describes it as the session login it is."""

    target_class = "access.tweestaps.SessieMetTweeStappen"
