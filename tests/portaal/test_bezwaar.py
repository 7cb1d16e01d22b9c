"""Objecting in the portal (issue 11): from the request page per decision "Bezwaar maken" while the term runs (and
after it, with the Awb 6:11 explanation), a form in plain words with the date we decide by, the objection's page and
status on the request page and in the overview, withdrawing it. Others get 404."""
import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from subsidies.models import Bezwaar
from subsidies.services import bezwaren
from tests import bestanden
from workflows.transitions import perform

pytestmark = pytest.mark.django_db


@pytest.fixture
def weigering(portaal, client):
    client.force_login(portaal.aanvrager)
    return portaal.geweigerd.beschikkingen.get()


def pagina(client, naam, *args, **kwargs) -> str:
    antwoord = client.get(reverse(f"portaal:{naam}", args=args), **kwargs)
    assert antwoord.status_code == 200, antwoord.status_code
    return antwoord.content.decode()


def test_the_request_page_offers_an_objection_while_the_term_runs(weigering, client):
    html = pagina(client, "aanvraag", weigering.aanvraag_id)
    assert reverse("portaal:bezwaar_maken", args=[weigering.pk]) in html
    assert "Bezwaar maken" in html and f"{weigering.bezwaartermijn_tot.day} " in html


def test_the_form_says_what_a_bezwaar_is_and_when_we_decide(weigering, client):
    html = pagina(client, "bezwaar_maken", weigering.pk)
    voorbeeld = Bezwaar(beschikking=weigering, ontvangen_op=dt.date.today())
    voorbeeld.bereken_termijnen()
    assert "Wat is bezwaar maken?" in html and "Wat gebeurt er daarna?" in html
    assert f"Wij beslissen uiterlijk op {voorbeeld.uiterste_beslisdatum.day} " in html
    assert "De termijn voor bezwaar is voorbij" not in html
    assert "style=" not in html and "<script>" not in html  # the CSP allows neither


def test_filing_with_a_document_shows_the_objection_everywhere(portaal, weigering, client):
    antwoord = client.post(reverse("portaal:bezwaar_maken", args=[weigering.pk]), {
        "gronden": "Onze kerstmarkt is juist voor eenzame ouderen.",
        "bestand": bestanden.upload("brief.pdf", bestanden.pdf())})
    bezwaar = Bezwaar.objects.get(beschikking=weigering)
    assert antwoord.status_code == 302 and antwoord.url == reverse("portaal:bezwaar", args=[bezwaar.pk])
    assert bezwaar.ingediend_door == portaal.aanvrager and bezwaar.gronden.startswith("Onze kerstmarkt")

    html = pagina(client, "bezwaar", bezwaar.pk)
    assert "Ontvangen" in html and "eenzame ouderen" in html
    assert f"{bezwaar.uiterste_beslisdatum.day} " in html
    document = bezwaar.documenten.get()
    assert reverse("portaal:bezwaardocument", args=[document.pk]) in html
    download = client.get(reverse("portaal:bezwaardocument", args=[document.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF")

    html = pagina(client, "aanvraag", weigering.aanvraag_id)
    assert reverse("portaal:bezwaar", args=[bezwaar.pk]) in html and bezwaar.nummer in html
    assert reverse("portaal:bezwaar_maken", args=[weigering.pk]) not in html  # one objection under way is enough
    assert "wij beslissen uiterlijk op" in html
    overzicht = pagina(client, "overzicht")
    assert 'Uw bezwaar over "Kerstmarkt": wij beslissen uiterlijk op' in overzicht
    # a second visit to the form goes to the objection under way
    assert client.get(reverse("portaal:bezwaar_maken", args=[weigering.pk])).url == reverse("portaal:bezwaar",
                                                                                            args=[bezwaar.pk])


def test_an_empty_objection_or_a_bad_file_files_nothing(weigering, client):
    antwoord = client.post(reverse("portaal:bezwaar_maken", args=[weigering.pk]), {"gronden": ""})
    assert antwoord.status_code == 400
    antwoord = client.post(reverse("portaal:bezwaar_maken", args=[weigering.pk]), {
        "gronden": "Oneens.", "bestand": bestanden.upload("virus.exe", b"MZ\x90\x00")})
    assert antwoord.status_code == 400
    assert not Bezwaar.objects.exists()


def test_after_the_term_the_form_explains_when_a_late_objection_is_still_considered(portaal, weigering, client,
                                                                                     time_machine):
    time_machine.move_to(dt.datetime.combine(weigering.bezwaartermijn_tot + dt.timedelta(days=3), dt.time(10),
                                             tzinfo=ZoneInfo("Europe/Amsterdam")))
    client.force_login(portaal.aanvrager)  # the session of six weeks ago has expired
    html = pagina(client, "aanvraag", weigering.aanvraag_id)
    assert "Te laat? Lees wanneer het toch kan" in html
    html = pagina(client, "bezwaar_maken", weigering.pk)
    assert "De termijn voor bezwaar is voorbij" in html and "verschoonbare termijnoverschrijding" in html
    client.post(reverse("portaal:bezwaar_maken", args=[weigering.pk]), {"gronden": "Ik was ziek."})
    assert Bezwaar.objects.get().tijdig is False


def test_the_applicant_withdraws_the_objection(weigering, client):
    bezwaar = bezwaren.dien_in(weigering, weigering.aanvraag.organisatie.leden.get(), gronden="Oneens.")
    assert "Waarom trekt u uw bezwaar in?" in pagina(client, "bezwaar_intrekken", bezwaar.pk)
    antwoord = client.post(reverse("portaal:bezwaar_intrekken", args=[bezwaar.pk]), {"reden": "Opgelost."})
    assert antwoord.status_code == 302
    bezwaar.refresh_from_db()
    assert bezwaar.status == "ingetrokken"
    assert "Ingetrokken" in pagina(client, "bezwaar", bezwaar.pk)
    assert "U kunt dit bezwaar niet intrekken." in pagina(client, "bezwaar_intrekken", bezwaar.pk)
    # after a withdrawal the applicant may object again within the term
    assert reverse("portaal:bezwaar_maken", args=[weigering.pk]) in pagina(client, "aanvraag", weigering.aanvraag_id)


def test_a_decision_on_bezwaar_points_to_the_court_and_a_hearing_is_a_task(portaal, weigering, client):
    bezwaar = bezwaren.dien_in(weigering, portaal.aanvrager, gronden="Oneens.")
    bezwaar = perform(bezwaar, "in_behandeling_nemen", portaal.behandelaar)
    hoorzitting = dt.date.today() + dt.timedelta(days=14)
    while hoorzitting.weekday() >= 5:
        hoorzitting += dt.timedelta(days=1)
    bezwaar = perform(bezwaar, "hoorzitting_plannen", portaal.behandelaar, hoorzitting_op=hoorzitting)
    assert 'Kom naar de hoorzitting over uw bezwaar ("Kerstmarkt")' in pagina(client, "overzicht")

    bezwaar = perform(bezwaar, "ongegrond_verklaren", portaal.behandelaar, reden="De regeling sluit markten uit.")
    html = pagina(client, "bezwaar", bezwaar.pk)
    assert "Het besluit blijft staan" in html and "rechtbank Noord-Nederland" in html
    html = pagina(client, "aanvraag", weigering.aanvraag_id)
    assert "Beslissing op uw bezwaar" in html and "Beroep bij de rechtbank kan tot en met" in html
    assert reverse("portaal:bezwaar_maken", args=[bezwaar.beslissing.pk]) not in html
    html = pagina(client, "bezwaar_maken", bezwaar.beslissing.pk)
    assert "Opnieuw bezwaar maken kan niet" in html and 'name="gronden"' not in html


def test_others_get_404(weigering, ander, client):
    bezwaar = bezwaren.dien_in(weigering, weigering.aanvraag.organisatie.leden.get(), gronden="Oneens.")
    client.force_login(ander.lid)
    for naam, pk in (("bezwaar_maken", weigering.pk), ("bezwaar", bezwaar.pk), ("bezwaar_intrekken", bezwaar.pk)):
        assert client.get(reverse(f"portaal:{naam}", args=[pk])).status_code == 404
    assert client.post(reverse("portaal:bezwaar_maken", args=[weigering.pk]), {"gronden": "x"}).status_code == 404
    assert Bezwaar.objects.count() == 1


def test_english_pages(weigering, client):
    html = pagina(client, "bezwaar_maken", weigering.pk, HTTP_ACCEPT_LANGUAGE="en")
    assert "What is an objection?" in html
