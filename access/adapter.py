"""allauth, our way: our own words where the message matters most (allauth's Dutch says "jij"; the faces speak
to people as "u", at B1 level), and every newcomer an aanvrager."""
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.signals import user_signed_up
from django.contrib.auth.models import Group
from django.dispatch import receiver
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from subsidies.rollen import Rol

from .tweestaps import mist_twee_stappen, moet_twee_stappen

VERKEERD = _("Het e-mailadres (of de gebruikersnaam) of het wachtwoord klopt niet. Kijk goed wat u heeft getypt.")


class AccountAdapter(DefaultAccountAdapter):
    """ACCOUNT_ADAPTER."""

    error_messages = {
        **DefaultAccountAdapter.error_messages,
        # One message whether the address exists or not: the page reveals nothing about who has an account.
        "email_password_mismatch": VERKEERD,
        "username_password_mismatch": VERKEERD,
        "too_many_login_attempts": _("U heeft te vaak een verkeerd wachtwoord gebruikt. Probeer het later opnieuw."),
        "rate_limited": _("U doet te veel pogingen achter elkaar. Wacht even en probeer het dan opnieuw."),
        "incorrect_code": _("Deze code klopt niet. Kijk goed in de e-mail en typ de code opnieuw."),
        "unverified_primary_email": _("U moet eerst uw e-mailadres bevestigen."),
    }

    def get_login_redirect_url(self, request):
        """Where a login lands when `next` names no page (allauth follows `next` before asking this): staff
        without a second step at its set-up, staff with admin access in the admin, other staff at the API (their
        workbench does not exist yet), applicants in the portal (LOGIN_REDIRECT_URL)."""
        user = request.user
        if mist_twee_stappen(user):
            return reverse("mfa_activate_totp")
        if user.is_staff:
            return reverse("admin:index")
        if moet_twee_stappen(user):
            return reverse("api-docs")
        return super().get_login_redirect_url(request)


@receiver(user_signed_up)
def nieuwe_aanvrager(sender, request, user, **kwargs):
    """Whoever makes an account, by the form or through OpenID Connect, is an aanvrager; staff roles are given in
    the admin."""
    user.groups.add(Group.objects.get_or_create(name=Rol.AANVRAGER)[0])
