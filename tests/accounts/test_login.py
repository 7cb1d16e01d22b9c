"""The one login page every face shares (/account/login/): by email address or username, what a wrong password
says, an unverified address, logging out, and the lockout of django-axes on top of allauth's rate limits."""
import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from workflows.models import AuditRecord

from .conftest import WACHTWOORD, account, ingelogd

pytestmark = pytest.mark.django_db
LOGIN = "/account/login/"


def login(client, login, password=WACHTWOORD, **extra):
    return client.post(LOGIN, {"login": login, "password": password, **extra})


def test_the_login_page_is_ours_in_dutch_with_utrecht_markup(client):
    page = client.get(LOGIN).content.decode()
    assert '<h1 class="utrecht-heading-1">Inloggen</h1>' in page
    assert re.search(r'<label[^>]* for="id_login"[^>]*>\s*E-mailadres of gebruikersnaam', page)
    assert "placeholder" not in page
    assert "utrecht-button utrecht-button--primary-action" in page
    assert 'href="/account/signup/"' in page and "Maak een account" in page
    assert 'href="/account/password/reset/"' in page  # beside the password field
    # A Content-Security-Policy forbids inline script and style: scripts come from static files only.
    assert not re.search(r"\sstyle=|<style|<script(?![^>]*\ssrc=)", page)
    assert "demo-" not in page  # the demo logins are in the README, not on the page


def test_log_in_with_email_address_lands_in_the_portal(client, anouk):
    response = login(client, "anouk@buurtkamer.example.org")
    assert response.status_code == 302 and response["Location"] == "/portaal/"
    assert "U bent ingelogd." in client.get("/portaal/").content.decode()
    assert ingelogd(client) == anouk


def test_log_in_with_username(client, anouk):
    assert login(client, "anouk")["Location"] == "/portaal/"
    assert ingelogd(client) == anouk


def test_wrong_password_says_so_and_reveals_nothing_about_the_address(client, anouk):
    wrong = login(client, "anouk@buurtkamer.example.org", "verkeerd-wachtwoord")
    unknown = login(client, "niemand@example.org", "verkeerd-wachtwoord")
    assert wrong.status_code == unknown.status_code == 200
    fout = wrong.context["form"].non_field_errors()
    assert fout and list(fout) == list(unknown.context["form"].non_field_errors())
    assert "klopt niet" in fout[0]
    assert ingelogd(client) is None


def test_an_unverified_address_is_asked_to_verify_first(client):
    account("nieuw@example.org", verified=False)
    response = login(client, "nieuw@example.org")
    assert response["Location"] == "/account/confirm-email/"
    page = client.get(response["Location"]).content.decode()
    assert "Vul de code uit de e-mail in" in page
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["nieuw@example.org"]
    assert ingelogd(client) is None
    assert not EmailAddress.objects.get(email="nieuw@example.org").verified


def test_logging_out_takes_a_post(client, anouk):
    client.force_login(anouk)
    assert "Wilt u uitloggen?" in client.get("/account/logout/").content.decode()  # a GET only asks
    assert ingelogd(client) == anouk
    response = client.post("/account/logout/", follow=True)
    assert "U bent uitgelogd." in response.content.decode()
    assert ingelogd(client) is None


def test_five_wrong_passwords_lock_the_account_out_and_the_trail_says_so(client, anouk, settings):
    assert settings.AXES_FAILURE_LIMIT == 5
    for _ in range(4):
        assert login(client, "anouk@buurtkamer.example.org", "verkeerd").status_code == 200
    # Typing the username instead of the address counts for the same account.
    locked = login(client, "anouk", "verkeerd")
    assert locked.status_code == 429
    page = locked.content.decode()
    assert '<h1 class="utrecht-heading-1">Inloggen is tijdelijk geblokkeerd</h1>' in page  # the faces' look
    assert "Inloggen is daarom tijdelijk geblokkeerd. Probeer het na" in page and locked["Retry-After"]
    record = AuditRecord.objects.get(handeling="inloggen_geblokkeerd")
    assert record.object_id == str(anouk.pk) and "'anouk'" in record.toelichting
    # Even the right password is refused now.
    assert login(client, "anouk@buurtkamer.example.org").status_code == 429
    assert ingelogd(client) is None


def test_the_admin_keeps_its_own_login(client, anouk):
    assert client.get("/admin/login/").status_code == 200
    assert client.get("/admin/")["Location"].startswith("/admin/login/")


def test_the_login_page_and_its_refusal_in_english(client, anouk, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(LOGIN).content.decode()
    assert '<h1 class="utrecht-heading-1">Log in</h1>' in page and "Create an account" in page
    wrong = login(client, "anouk", "verkeerd").content.decode()
    assert "The email address (or username) or the password is not correct." in wrong


@pytest.mark.parametrize("pagina", ["/account/email/", "/account/password/change/", "/account/2fa/",
                                    "/account/logout/"])
def test_the_account_pages_are_in_our_layout_with_a_way_out(client, anouk, pagina):
    login(client, "anouk")
    response = client.get(pagina)
    assert response.status_code == 200
    page = response.content.decode()
    assert page.count('class="utrecht-heading-1"') == 1 and 'href="/portaal/"' in page
    assert '<form method="post" action="/account/logout/">' in page
    assert "style=" not in page
