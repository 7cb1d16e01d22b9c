"""Login through OpenID Connect, switched on by configuration, end to end against a provider the test starts.

The Django test client plays the browser on our side; `requests` follows the redirect to the provider and back,
as the person's browser would. allauth fetches the discovery document, the token, the keys and the userinfo from
the provider over real HTTP.
"""
import environ
import pytest
import requests
from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount
from django.contrib.auth import get_user_model

from access.oidc import apps_uit_omgeving
from subsidies.rollen import Rol

from .conftest import ingelogd
from .oidc_provider import OIDCTestProvider

pytestmark = pytest.mark.django_db
User = get_user_model()
START = "/account/oidc/digid/login/"


def configureer(settings, monkeypatch, provider):
    """As production does: from the OIDC_* environment variables (read through the settings' own function)."""
    for naam, waarde in {"OIDC_SERVER_URL": provider.url, "OIDC_CLIENT_ID": provider.client_id,
                         "OIDC_CLIENT_SECRET": provider.secret, "OIDC_NAAM": "DigiD",
                         "OIDC_PROVIDER_ID": "digid"}.items():
        monkeypatch.setenv(naam, waarde)
    settings.SOCIALACCOUNT_PROVIDERS = {"openid_connect": {
        **settings.SOCIALACCOUNT_PROVIDERS["openid_connect"], "APPS": apps_uit_omgeving(environ.Env())}}


@pytest.fixture
def provider(request, settings, monkeypatch):
    with OIDCTestProvider(**getattr(request, "param", {})) as provider:
        configureer(settings, monkeypatch, provider)
        yield provider


def naar_provider_en_terug(client, provider) -> str:
    """Press the button, let the provider log the person in, and return the callback our site is sent back to."""
    response = client.post(START)
    assert response.status_code == 302 and response["Location"].startswith(f"{provider.url}/authorize?")
    terug = requests.get(response["Location"], allow_redirects=False, timeout=5)
    assert terug.status_code == 302 and terug.headers["Location"].startswith("http://testserver/")
    return terug.headers["Location"].removeprefix("http://testserver")


def test_without_configuration_there_is_no_button(client, settings, monkeypatch):
    monkeypatch.delenv("OIDC_SERVER_URL", raising=False)
    assert apps_uit_omgeving(environ.Env()) == []
    settings.SOCIALACCOUNT_PROVIDERS = {"openid_connect": {
        **settings.SOCIALACCOUNT_PROVIDERS["openid_connect"], "APPS": apps_uit_omgeving(environ.Env())}}
    page = client.get("/account/login/").content.decode()
    assert "Inloggen met" not in page and "/account/oidc/" not in page


def test_the_login_page_offers_the_configured_provider(client, provider):
    page = client.get("/account/login/").content.decode()
    assert f'<form method="post" action="{START}?process=login">' in page and "Inloggen met DigiD" in page


def test_first_login_creates_the_person_who_lands_in_the_portal(client, provider):
    callback = naar_provider_en_terug(client, provider)
    assert callback.startswith("/account/oidc/digid/login/callback/?code=")
    response = client.get(callback)
    assert response.status_code == 302 and response["Location"] == "/portaal/"

    user = User.objects.get(email="sanne@example.org")
    assert ingelogd(client) == user
    assert (user.first_name, user.last_name) == ("Sanne", "de Vries")
    assert user.groups.filter(name=Rol.AANVRAGER).exists()
    assert EmailAddress.objects.get(user=user).verified  # the provider said email_verified
    assert SocialAccount.objects.get(user=user).uid == "digid-123456789"
    assert client.get("/portaal/").status_code == 200
    # The code was exchanged, the signature checked against the provider's keys, the person's details fetched.
    assert {"/authorize", "/token", "/jwks", "/userinfo"} <= set(provider.verzoeken)

    client.post("/account/logout/")
    client.get(naar_provider_en_terug(client, provider))  # the second time: the same person, no new account
    assert ingelogd(client) == user and User.objects.filter(email="sanne@example.org").count() == 1


@pytest.mark.parametrize("provider", [{"persoon": {"sub": "digid-42", "email": "kees@example.org",
                                                    "email_verified": False}}], indirect=True)
def test_an_address_the_provider_did_not_verify_must_be_verified_here(client, provider):
    response = client.get(naar_provider_en_terug(client, provider))
    assert response["Location"] == "/account/confirm-email/"
    assert ingelogd(client) is None
    assert not EmailAddress.objects.get(email="kees@example.org").verified


@pytest.mark.parametrize("fout", ["handtekening", "nonce"])
def test_a_forged_id_token_is_refused_and_nobody_is_logged_in(client, settings, monkeypatch, fout):
    with OIDCTestProvider(fout=fout) as provider:
        configureer(settings, monkeypatch, provider)
        response = client.get(naar_provider_en_terug(client, provider))
    assert response.status_code == 401
    page = response.content.decode()
    assert "utrecht-heading-1" in page and "Inloggen is niet gelukt" in page
    assert ingelogd(client) is None
    assert not User.objects.filter(email="sanne@example.org").exists()
