"""Lockout after repeated failed logins (django-axes), in our voice, and written to the audit trail.

Axes counts failures per username and client IP (AXES_LOCKOUT_PARAMETERS) for the admin login, the token
endpoint and the portal's login page (allauth) alike: all call django.contrib.auth.authenticate() with the request.
"""
import datetime as dt

from axes.helpers import get_client_username, get_cool_off, get_failure_limit
from axes.models import AccessAttempt
from axes.signals import user_locked_out
from django.contrib.auth import get_user_model
from django.db import transaction
from django.dispatch import receiver
from django.shortcuts import render
from django.utils import timezone
from rest_framework.throttling import BaseThrottle

from subsidies.api.exceptions import LockedOut
from workflows import audit
from workflows.models import AuditRecord


def client_ip(request) -> str:
    """The client's address as DRF's throttles see it (NUM_PROXIES), so throttling and lockout agree."""
    return BaseThrottle().get_ident(request)


def username(request, credentials) -> str | None:
    """AXES_USERNAME_CALLABLE: whom a login try is for, the same whether it was typed as username or email address.

    The admin and the token endpoint send `username`; allauth's login page sends `login`, which reaches
    authenticate() as `username` or `email`. An address that belongs to an account counts as that account's
    username, so switching between the two does not escape the lockout.
    """
    credentials = credentials or {}
    data = getattr(request, "data", None) or getattr(request, "POST", {})
    typed = credentials.get("username") or credentials.get("email") or data.get("username") or data.get("login")
    if not typed or "@" not in typed:
        return typed
    User = get_user_model()  # noqa: N806
    accounts = list(User._default_manager.filter(email__iexact=typed).values_list(User.USERNAME_FIELD, flat=True)[:2])
    return accounts[0] if len(accounts) == 1 else typed.lower()


def _attempt(request, credentials) -> AccessAttempt | None:
    username = get_client_username(request, credentials)
    return (AccessAttempt.objects.filter(username=username, ip_address=getattr(request, "axes_ip_address", None))
            .order_by("-attempt_time").first())


def vrij_op(request, credentials) -> dt.datetime:
    """When the lockout ends: axes counts the cool-off from the last failed try."""
    attempt, cool_off = _attempt(request, credentials), get_cool_off(request) or dt.timedelta(0)
    return (attempt.attempt_time if attempt else timezone.now()) + cool_off


def locked_out(request, credentials) -> LockedOut:
    """The refusal for a locked-out login, saying when to try again."""
    tot = vrij_op(request, credentials)
    wait = max(int((tot - timezone.now()).total_seconds()), 1)
    tijd = timezone.localtime(tot).strftime("%H:%M")
    return LockedOut(
        f"Er is te vaak een verkeerd wachtwoord gebruikt. Inloggen is daarom tijdelijk geblokkeerd. "
        f"Probeer het na {tijd} opnieuw.",
        f"Too many failed login attempts. Logging in is blocked for now. Try again after {tijd}.",
        code="tijdelijk_geblokkeerd", wait=wait,
    )


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE, for the admin's login and the faces' (/account/login/): a page of our own in the look
    of each. (The token endpoint raises `locked_out()` itself: axes marks the DRF request it was given, which this
    middleware hook does not see.)"""
    refusal = locked_out(request, credentials)
    admin = getattr(request.resolver_match, "app_name", "") == "admin"
    template = "access/geblokkeerd.html" if admin else "access/geblokkeerd_web.html"
    response = render(request, template, {"nl": refusal.nl, "en": refusal.en}, status=refusal.status_code)
    response["Retry-After"] = str(refusal.wait)
    return response


@receiver(user_locked_out)
def record_lockout(sender, request, username, ip_address, **kwargs):
    """One audit record when a lockout begins (axes signals again on every refused try during it)."""
    credentials = getattr(request, "axes_credentials", None)
    if getattr(request, "axes_failures_since_start", None) != get_failure_limit(request, credentials):
        return
    User = get_user_model()  # noqa: N806
    gebruiker = User._default_manager.filter(**{User.USERNAME_FIELD: username}).first()
    tot = timezone.localtime(vrij_op(request, credentials))
    with transaction.atomic():
        audit.record(
            gebruiker or _attempt(request, credentials), AuditRecord.Actie.HANDELING, handeling="inloggen_geblokkeerd",
            toelichting=f"Na {request.axes_failures_since_start} mislukte pogingen is inloggen als {username!r} "
                        f"vanaf {ip_address} geblokkeerd tot {tot:%H:%M}.",
        )
