"""The request page once we are late (Awb 4:17): what the person can do, sending the ingebrekestelling with a
confirmation page, then its date and, once running, the amount so far. The request was received on Monday
7 September 2026; its decision term ended on Monday 2 November."""
from datetime import date

import pytest
from django.urls import reverse

from subsidies.models import Ingebrekestelling
from subsidies.rollen import Rol
from subsidies.tasks import bewaak_dwangsommen
from tests.factories import AanvraagFactory, breng_naar, maak_gebruiker
from workflows.transitions import perform

pytestmark = pytest.mark.django_db


@pytest.fixture
def aanvraag(organisatie, aanvrager, behandelaar, vandaag):
    vandaag(date(2026, 9, 7))
    return breng_naar(AanvraagFactory(organisatie=organisatie, titel="Taalcafé"), "in_behandeling",
                      aanvrager=aanvrager, behandelaar=behandelaar)


def pagina(client, aanvraag) -> str:
    antwoord = client.get(reverse("portaal:aanvraag", args=[aanvraag.pk]))
    assert antwoord.status_code == 200
    return antwoord.content.decode()


def test_nothing_is_said_while_the_term_runs(client, aanvraag, aanvrager, vandaag):
    vandaag(date(2026, 11, 2))
    client.force_login(aanvrager)
    assert "Wij zijn te laat" not in pagina(client, aanvraag)
    antwoord = client.get(reverse("portaal:ingebrekestelling", args=[aanvraag.pk]))
    assert "U kunt nu geen ingebrekestelling sturen." in antwoord.content.decode()
    assert "<form" not in antwoord.content.decode().split("<main")[1]


def test_the_person_sends_it_and_follows_the_dwangsom(client, aanvraag, aanvrager, behandelaar, vandaag,
                                                      django_assert_max_num_queries):
    vandaag(date(2026, 11, 3))
    client.force_login(aanvrager)
    html = pagina(client, aanvraag)
    assert "Wij zijn te laat met beslissen" in html and "(ingebrekestelling)" in html
    assert reverse("portaal:ingebrekestelling", args=[aanvraag.pk]) in html

    bevestigen = client.get(reverse("portaal:ingebrekestelling", args=[aanvraag.pk])).content.decode()
    assert "Ja, stuur mijn ingebrekestelling" in bevestigen and "€ 1.442" in bevestigen
    antwoord = client.post(reverse("portaal:ingebrekestelling", args=[aanvraag.pk]), {"reden": "Graag snel."},
                           follow=True)
    html = antwoord.content.decode()
    assert "Wij hebben uw ingebrekestelling ontvangen. U krijgt een bevestiging per e-mail." in html
    assert "Wij hebben uw ingebrekestelling ontvangen op 3 november 2026." in html
    assert "vanaf 18 november 2026 de dwangsom" in html
    assert Ingebrekestelling.objects.get().wijze == "portaal"

    again = client.post(reverse("portaal:ingebrekestelling", args=[aanvraag.pk]), {"reden": ""})
    assert again.status_code == 409 and "al een ingebrekestelling" in again.content.decode()

    vandaag(date(2026, 11, 20))  # the third day; the page computes it whether or not the job ran
    client.force_login(aanvrager)  # idle sessions expire while the clock jumps
    with django_assert_max_num_queries(20):
        html = pagina(client, aanvraag)
    assert "sinds 18 november 2026 de dwangsom: tot nu toe 3 dagen, samen € 69,00" in html

    bewaak_dwangsommen()
    for actie, params in [("volledig_verklaren", {}), ("besluit_voorstellen", {"uitkomst": "weigeren",
                                                                               "reden": "Past niet."})]:
        aanvraag = perform(aanvraag, actie, behandelaar, **params)
    vandaag(date(2026, 11, 25))
    aanvraag = perform(aanvraag, "weigeren", maak_gebruiker(Rol.BESLISSER))
    client.force_login(aanvrager)
    html = pagina(client, aanvraag)
    assert "liep van 18 november 2026 tot en met 24 november 2026: 7 dagen, samen € 161,00" in html
    assert "Uiterlijk op 8 december 2026 krijgt u ons besluit over het bedrag." in html

    vandaag(date(2026, 11, 26))
    bewaak_dwangsommen()
    perform(Ingebrekestelling.objects.get(), "dwangsom_vaststellen", behandelaar)
    client.force_login(aanvrager)
    html = pagina(client, aanvraag)
    assert "vastgesteld op € 161,00" in html
    assert "Geld omdat wij te laat beslisten (dwangsom)" in html  # the beschikking in the list of decisions


def test_in_english(client, aanvraag, aanvrager, vandaag):
    vandaag(date(2026, 11, 3))
    client.force_login(aanvrager)
    client.cookies["django_language"] = "en"
    html = pagina(client, aanvraag)
    assert "We are late with our decision" in html and "Send a notice of default" in html
