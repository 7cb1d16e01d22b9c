"""Staff log in in two steps (access.tweestaps) and each login lands in the person's own place."""
import time

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from rest_framework.test import APIClient

from subsidies.rollen import Rol
from tests.factories import TOTP_GEHEIM, maak_gebruiker

from .conftest import WACHTWOORD, account

pytestmark = pytest.mark.django_db
LOGIN = "/account/login/"
ACTIVEREN = "/account/2fa/totp/activate/"


def medewerker(rol=Rol.BEHEERDER, *, twee_stappen: bool, is_staff=True):
    user = maak_gebruiker(rol, username=f"{rol}-medewerker", email=f"{rol}@gemeente.example.org",
                          twee_stappen=twee_stappen, is_staff=is_staff)
    user.set_password(WACHTWOORD)
    user.save()
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def inloggen(client, user, **extra):
    return client.post(LOGIN + extra.pop("query", ""), {"login": user.username, "password": WACHTWOORD, **extra})


def code() -> str:
    """The code the authenticator app shows now for TOTP_GEHEIM."""
    return format_hotp_value(hotp_value(TOTP_GEHEIM, int(time.time()) // 30))


def test_staff_without_a_second_step_are_sent_to_set_it_up_and_cannot_reach_the_admin(client):
    beheerder = medewerker(twee_stappen=False)
    response = inloggen(client, beheerder)
    assert response.status_code == 302 and response["Location"] == ACTIVEREN
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"] == ACTIVEREN
    assert client.get("/admin/subsidies/aanvraag/").status_code == 302
    assert "Stel eerst inloggen in twee stappen in" in client.get(ACTIVEREN, follow=True).content.decode()


def test_staff_without_a_second_step_may_read_but_not_write_through_the_api(client):
    behandelaar = medewerker(Rol.BEHANDELAAR, twee_stappen=False, is_staff=False)
    token = APIClient().post("/api/token/", {"username": behandelaar.username, "password": WACHTWOORD},
                             format="json").json()["token"]
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert api.get("/api/aanvragen/").status_code == 200
    response = api.post("/api/organisaties/", {"naam": "Stichting Test"}, format="json")
    assert response.status_code == 403 and response.json()["code"] == "twee_stappen_nodig"
    assert "twee stappen" in response.json()["message"]["nl"]
    assert api.post("/api/token/intrekken/").status_code == 204  # closing a door is never refused


def test_staff_with_a_second_step_type_the_code_and_land_in_the_admin(client):
    beheerder = medewerker(twee_stappen=True)
    response = inloggen(client, beheerder)
    assert response.status_code == 302 and response["Location"] == "/account/2fa/authenticate/"
    assert client.get("/admin/").status_code == 302  # not logged in before the code
    response = client.post("/account/2fa/authenticate/", {"code": code()})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_the_admin_s_own_password_login_is_asked_the_code_before_the_admin_opens(client):
    beheerder = medewerker(twee_stappen=True)
    client.post("/admin/login/", {"username": beheerder.username, "password": WACHTWOORD})
    response = client.get("/admin/subsidies/aanvraag/")
    assert response.status_code == 302
    assert response["Location"].startswith("/account/2fa/reauthenticate/?next=%2Fadmin%2Fsubsidies%2Faanvraag%2F")
    assert client.post(response["Location"], {"code": code()})["Location"] == "/admin/subsidies/aanvraag/"
    assert client.get("/admin/").status_code == 200


def test_officers_without_admin_access_land_at_the_api(client):
    behandelaar = medewerker(Rol.BEHANDELAAR, twee_stappen=True, is_staff=False)
    inloggen(client, behandelaar)
    response = client.post("/account/2fa/authenticate/", {"code": code()})
    assert response["Location"] == "/api/docs/"


def test_applicants_land_in_the_portal_and_are_not_made_to_set_up_a_second_step(client):
    anouk = account("anouk@buurtkamer.example.org")
    response = inloggen(client, anouk)
    assert response.status_code == 302 and response["Location"] == "/portaal/"
    assert client.get("/portaal/").status_code == 200


def test_next_wins_over_the_own_place(client):
    beheerder = medewerker(twee_stappen=True)
    inloggen(client, beheerder, query="?next=/portaal/keuzehulp/")
    response = client.post("/account/2fa/authenticate/", {"code": code()})
    assert response["Location"] == "/portaal/keuzehulp/"
