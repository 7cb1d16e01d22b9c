"""The account pages speak to people as "u": allauth's own Dutch says "je", "jij" and "jouw"; our catalogue
(access/locale/nl) overrides every such text, and wins because `access` comes before allauth in INSTALLED_APPS."""
import re

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from .conftest import WACHTWOORD

pytestmark = pytest.mark.django_db
JE = re.compile(r"\b(je|jij|jou|jouw|jezelf)\b", re.IGNORECASE)

OPENBAAR = ["/account/login/", "/account/signup/", "/account/password/reset/", "/account/password/reset/done/",
            "/account/3rdparty/login/cancelled/", "/account/3rdparty/login/error/"]
INGELOGD = ["/account/email/", "/account/password/change/", "/account/reauthenticate/", "/account/2fa/",
            "/account/2fa/totp/activate/", "/account/3rdparty/", "/account/logout/"]
MET_TWEE_STAPPEN = ["/account/2fa/", "/account/2fa/totp/deactivate/", "/account/2fa/reauthenticate/",
                    "/account/2fa/recovery-codes/generate/"]


def tekst(html: str) -> str:
    """What a person reads or hears: the text between the tags, and the placeholders and labels of attributes."""
    attributen = re.findall(r'(?:placeholder|aria-label|title|value)="([^"]*)"', html)
    return " ".join([re.sub(r"<[^>]+>", " ", html), *attributen])


def bekijk(client, url) -> str:
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="nl", follow=True)
    assert response.status_code in (200, 401), url  # the OIDC error page answers 401
    return tekst(response.content.decode())


def geen_je(client, urls):
    gevonden = {url: JE.findall(bekijk(client, url)) for url in urls}
    assert not any(gevonden.values()), gevonden


def test_the_public_account_pages_say_u(client):
    geen_je(client, OPENBAAR)


def test_the_pages_of_a_logged_in_person_say_u(client, anouk):
    client.post("/account/login/", {"login": anouk.email, "password": WACHTWOORD})
    geen_je(client, INGELOGD)
    # allauth's own messages and form errors, too
    response = client.post("/account/reauthenticate/", {"password": "fout"}, HTTP_ACCEPT_LANGUAGE="nl")
    assert not JE.findall(tekst(response.content.decode()))
    response = client.post("/account/logout/", HTTP_ACCEPT_LANGUAGE="nl", follow=True)
    assert not JE.findall(tekst(response.content.decode()))


def test_the_two_step_pages_say_u(client, anouk):
    TOTP.activate(anouk, generate_totp_secret())
    client.force_login(anouk)
    geen_je(client, MET_TWEE_STAPPEN)


def test_the_override_wins_over_allauth_s_own_dutch():
    from django.utils import translation

    with translation.override("nl"):
        assert translation.gettext("Are you sure you want to sign out?") == "Weet u zeker dat u wilt uitloggen?"
