"""The user's e-mail settings in the portal: language, and at once or a daily digest; the next message follows them."""
import pytest

from tests.factories import AanvraagFactory
from tests.web.html import lees
from workflows.models import Bericht, Berichtvoorkeur
from workflows.transitions import perform

pytestmark = pytest.mark.django_db
URL = "/portaal/instellingen/"


def test_only_a_logged_in_user_has_settings(client):
    assert client.get(URL).status_code == 302


def test_the_choice_is_saved_and_the_next_message_follows_it(client, aanvrager, organisatie):
    client.force_login(aanvrager)
    pagina = lees(client.get(URL).content.decode())
    assert pagina.een("h1").tekst == "Instellingen voor e-mails"
    assert "checked" in pagina.een("input", name="taal", value="nl").attrs  # the page's language

    antwoord = client.post(URL, {"taal": "en", "bezorging": "dagelijks"})
    assert antwoord.status_code == 302
    voorkeur = Berichtvoorkeur.objects.get(user=aanvrager)
    assert (voorkeur.taal, voorkeur.bezorging) == ("en", "dagelijks")
    assert "Uw keuze is bewaard." in client.get(URL).content.decode()

    aanvraag = perform(AanvraagFactory(organisatie=organisatie), "indienen", aanvrager)
    ontvangst = Bericht.objects.get(sleutel=f"ontvangst-{aanvraag.pk}:{aanvrager.email}")
    assert ontvangst.taal == "en" and ontvangst.onderwerp.startswith("We have received your application")


def test_a_choice_that_does_not_exist_is_refused_and_changes_nothing(client, aanvrager):
    client.force_login(aanvrager)
    antwoord = client.post(URL, {"taal": "de", "bezorging": "direct"})
    assert antwoord.status_code == 400
    assert lees(antwoord.content.decode()).een(id="id_taal_error") is not None
    assert not Berichtvoorkeur.objects.exists()


def test_the_page_in_english(client, aanvrager):
    client.force_login(aanvrager)
    client.cookies["django_language"] = "en"
    pagina = lees(client.get(URL).content.decode())
    assert pagina.een("h1").tekst == "E-mail settings"
    assert "Once a day: an overview of all messages" in pagina.een("main").tekst
