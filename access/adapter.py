"""allauth's account adapter with our own words where the message matters most: allauth's Dutch says "jij",
the faces speak to people as "u" at B1 level (ACCOUNT_ADAPTER)."""
from allauth.account.adapter import DefaultAccountAdapter
from django.utils.translation import gettext_lazy as _

VERKEERD = _("Het e-mailadres (of de gebruikersnaam) of het wachtwoord klopt niet. Kijk goed wat u heeft getypt.")


class AccountAdapter(DefaultAccountAdapter):
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
