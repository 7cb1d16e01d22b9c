"""`Authorization: Token <key>` checked against the hashed, expiring tokens."""
import datetime as dt

from django.utils import timezone
from rest_framework import authentication

from subsidies.api.exceptions import AuthenticationRefused

from .models import ApiToken, sleutel_hash

# How stale `laatst_gebruikt_op` may be: at most one write a minute per token keeps authentication cheap.
GEBRUIK_BIJWERKEN_NA = dt.timedelta(minutes=1)

REFUSALS = {
    "token_ongeldig": ("Dit token kennen wij niet. Vraag een nieuw token aan via /api/token/.",
                       "This token is not known. Request a new one at /api/token/."),
    "token_ingetrokken": ("Dit token is ingetrokken. Vraag een nieuw token aan via /api/token/.",
                          "This token has been revoked. Request a new one at /api/token/."),
    "token_verlopen": ("Dit token is verlopen. Vraag een nieuw token aan via /api/token/.",
                       "This token has expired. Request a new one at /api/token/."),
    "account_niet_actief": ("Uw account is niet actief. Neem contact op met de gemeente.",
                            "Your account is not active. Please contact the municipality."),
}


def refused(code: str) -> AuthenticationRefused:
    return AuthenticationRefused(*REFUSALS[code], code=code)


class TokenAuthentication(authentication.TokenAuthentication):
    """Expired and revoked tokens answer 401 with a code of their own, so a client knows to ask for a new one."""

    def authenticate_credentials(self, key):
        token = ApiToken.objects.select_related("gebruiker").filter(sleutel_hash=sleutel_hash(key)).first()
        nu = timezone.now()
        if token is None:
            raise refused("token_ongeldig")
        if token.ingetrokken_op is not None:
            raise refused("token_ingetrokken")
        if token.verloopt_op <= nu:
            raise refused("token_verlopen")
        if not token.gebruiker.is_active:
            raise refused("account_niet_actief")
        if token.laatst_gebruikt_op is None or nu - token.laatst_gebruikt_op >= GEBRUIK_BIJWERKEN_NA:
            ApiToken.objects.filter(pk=token.pk).update(laatst_gebruikt_op=nu)
        return token.gebruiker, token
