"""A newcomer registers, verifies the address with the code from the mail and lands in the portal; a forgotten
password is replaced through the link in a mail. Neither journey reveals whether an address has an account."""
import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail

from subsidies.rollen import Rol

from .conftest import WACHTWOORD, ingelogd

pytestmark = pytest.mark.django_db
NIEUW = "Wachtwoord-voor-Selwerd-2026"


def registreer(client, email="bram@moestuin.example.org"):
    return client.post("/account/signup/", {"email": email, "password1": NIEUW, "password2": NIEUW})


def code_uit(bericht) -> str:
    return re.search(r"Dit is uw code:\n\n(\S+)\n", bericht.body).group(1)


def test_register_verify_with_the_code_and_land_in_the_portal(client):
    page = client.get("/account/signup/").content.decode()
    assert "Maak een account" in page and "U krijgt een e-mail met een code" in page

    response = registreer(client)
    assert response["Location"] == "/account/confirm-email/"
    assert ingelogd(client) is None  # not before the address is verified

    (bericht,) = mail.outbox
    assert bericht.to == ["bram@moestuin.example.org"]
    assert bericht.subject == "Gemeente Groningen: Uw code om uw e-mailadres te bevestigen"
    assert bericht.body.startswith("Beste meneer, mevrouw,")
    assert "De code werkt 15 minuten." in bericht.body
    assert not bericht.alternatives  # plain text only
    code = code_uit(bericht)
    assert re.fullmatch(r"\d{6}", code)  # six digits: easy to type on a phone

    pagina = client.get("/account/confirm-email/").content.decode()
    assert "Vul de code uit de e-mail in" in pagina and "bram@moestuin.example.org" in pagina
    veld = re.search(r'<input[^>]* name="code"[^>]*>', pagina).group()
    assert 'inputmode="numeric"' in veld and 'autocomplete="one-time-code"' in veld  # a phone's number pad

    fout = client.post("/account/confirm-email/", {"code": "VERKEERD"})
    assert "Deze code klopt niet" in fout.content.decode()

    response = client.post("/account/confirm-email/", {"code": code})
    assert response["Location"] == "/portaal/"
    user = get_user_model().objects.get(email="bram@moestuin.example.org")
    assert ingelogd(client) == user
    assert EmailAddress.objects.get(user=user).verified
    assert user.groups.filter(name=Rol.AANVRAGER).exists()  # whoever registers applies for subsidies


def test_registering_a_known_address_looks_the_same_and_mails_the_owner(client, anouk):
    response = registreer(client, "anouk@buurtkamer.example.org")
    assert response["Location"] == "/account/confirm-email/"  # as for a new address
    assert get_user_model().objects.filter(email__iexact="anouk@buurtkamer.example.org").count() == 1
    (bericht,) = mail.outbox
    assert bericht.to == ["anouk@buurtkamer.example.org"] and "/account/password/reset/" in bericht.body


def test_two_different_passwords_keep_the_address_and_say_why(client):
    response = client.post("/account/signup/", {"email": "bram@moestuin.example.org", "password1": NIEUW,
                                                "password2": NIEUW + "x"})
    assert response.status_code == 200
    assert response.context["form"].errors["password2"]
    assert 'value="bram@moestuin.example.org"' in response.content.decode()
    assert not mail.outbox


def test_forgotten_password_is_replaced_through_the_link_in_the_mail(client, anouk):
    assert "U krijgt een e-mail met een link" in client.get("/account/password/reset/").content.decode()
    response = client.post("/account/password/reset/", {"email": "anouk@buurtkamer.example.org"})
    assert response["Location"] == "/account/password/reset/done/"
    assert "Kijk in uw e-mail" in client.get(response["Location"]).content.decode()
    (bericht,) = mail.outbox
    assert bericht.subject == "Gemeente Groningen: Kies een nieuw wachtwoord"
    link = re.search(r"http://testserver(/account/password/reset/key/\S+/)", bericht.body).group(1)

    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200 and "Kies een nieuw wachtwoord" in form_page.content.decode()
    form_url = form_page.redirect_chain[-1][0] if form_page.redirect_chain else link
    response = client.post(form_url, {"password1": NIEUW, "password2": NIEUW})
    assert response["Location"] == "/account/password/reset/key/done/"
    assert "Uw wachtwoord is gewijzigd" in client.get(response["Location"]).content.decode()

    assert client.post("/account/login/", {"login": "anouk", "password": WACHTWOORD}).status_code == 200
    assert client.post("/account/login/", {"login": "anouk", "password": NIEUW})["Location"] == "/portaal/"


def test_a_reset_for_an_unknown_address_looks_the_same(client):
    response = client.post("/account/password/reset/", {"email": "niemand@example.org"})
    assert response["Location"] == "/account/password/reset/done/"
    (bericht,) = mail.outbox  # the address's owner hears that it has no account here; the page says nothing
    assert "geen account" in bericht.body


def test_too_many_reset_requests_for_one_address_are_refused_in_plain_words(client, anouk):
    for _ in range(5):  # ACCOUNT_RATE_LIMITS["reset_password"]: 5 a minute per address
        client.post("/account/password/reset/", {"email": "anouk@buurtkamer.example.org"})
    response = client.post("/account/password/reset/", {"email": "anouk@buurtkamer.example.org"})
    assert response.status_code == 429
    assert "U doet te veel pogingen achter elkaar" in response.content.decode()
    assert len(mail.outbox) == 5
