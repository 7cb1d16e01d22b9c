"""Answering an aanvulling in the portal: the question and its term, words and documents, then one send."""
import datetime as dt

import pytest

from subsidies.models import Aanvraag, Document
from subsidies.rollen import Rol
from subsidies.services.documenten import voeg_document_toe
from tests.bestanden import EXE, PDF_MET_JAVASCRIPT, pdf, upload
from tests.factories import AanvraagFactory, OrganisatieFactory, breng_naar, maak_gebruiker
from workflows.models import AuditRecord, Bericht
from workflows.transitions import perform

pytestmark = pytest.mark.django_db
DAG = dt.date(2026, 3, 2)  # a Monday
TERMIJN = dt.date(2026, 3, 16)


@pytest.fixture
def gevraagd(vandaag, organisatie, aanvrager, behandelaar):
    """A request of the aanvrager's organisation, submitted with one document, and an aanvulling asked at 10:00."""
    vandaag(DAG, 9)
    aanvraag = AanvraagFactory(organisatie=organisatie, titel="Koffieochtend Selwerd")
    voeg_document_toe(aanvraag, bestand=upload("begroting.pdf", pdf()), omschrijving="Begroting", user=aanvrager)
    aanvraag = breng_naar(aanvraag, "in_behandeling", aanvrager=aanvrager, behandelaar=behandelaar)
    vandaag(DAG, 10)
    aanvraag = perform(aanvraag, "aanvulling_vragen", behandelaar, reden="Stuur de offerte van de zaal mee.",
                       termijn_tot=TERMIJN)
    vandaag(DAG, 11)
    return aanvraag


def url(aanvraag):
    return f"/portaal/aanvragen/{aanvraag.pk}/aanvulling/"


def test_the_page_says_what_is_asked_by_when_and_what_suspension_means(client, aanvrager, gevraagd):
    client.force_login(aanvrager)
    html = client.get(url(gevraagd)).content.decode()
    assert "Stuur de offerte van de zaal mee." in html
    assert "Stuur uw antwoord uiterlijk op maandag 16 maart 2026." in html
    assert "Tot u antwoordt, staat de termijn voor ons besluit stil." in html


def test_an_answer_with_a_document_puts_the_request_back_and_tells_the_officer(client, aanvrager, behandelaar,
                                                                               gevraagd):
    client.force_login(aanvrager)
    response = client.post(url(gevraagd), {"antwoord": "Hierbij de offerte.", "actie": "toevoegen",
                                           "omschrijving": "Offerte zaal", "bestand": upload("offerte.pdf", pdf())})
    assert response.status_code == 302
    assert client.get(url(gevraagd)).context["form"]["antwoord"].value() == "Hierbij de offerte."  # kept

    response = client.post(url(gevraagd), {"antwoord": "Hierbij de offerte.", "actie": "versturen"}, follow=True)
    gevraagd.refresh_from_db()
    assert gevraagd.status == Aanvraag.Status.IN_BEHANDELING
    assert "Wij hebben uw antwoord ontvangen op 2 maart 2026." in response.content.decode()
    assert gevraagd.aanvullingen.get().ontvangen_op == DAG
    assert AuditRecord.objects.filter(handeling="aanvulling_ontvangen", toelichting="Hierbij de offerte.").exists()
    assert Bericht.objects.filter(aan=behandelaar.email, sleutel__startswith="aanvulling-binnen").exists()
    assert set(gevraagd.documenten.values_list("omschrijving", flat=True)) == {"Begroting", "Offerte zaal"}


def test_a_double_send_acts_once(client, aanvrager, gevraagd):
    client.force_login(aanvrager)
    data = {"antwoord": "De offerte komt per post.", "actie": "versturen"}
    client.post(url(gevraagd), data)
    response = client.post(url(gevraagd), data, follow=True)
    assert response.status_code == 200
    assert "Wij hebben uw antwoord ontvangen" in response.content.decode()
    assert AuditRecord.objects.filter(handeling="aanvulling_ontvangen").count() == 1


def test_a_refused_upload_shows_its_reason_beside_the_file_and_keeps_the_answer(client, aanvrager, gevraagd):
    client.force_login(aanvrager)
    for naam, data, reden in [("offerte.pdf", PDF_MET_JAVASCRIPT, "JavaScript"),
                              ("offerte.exe", EXE, "Dit soort bestand kunnen wij niet aannemen")]:
        response = client.post(url(gevraagd), {"antwoord": "Mijn uitleg, lang getypt.", "actie": "toevoegen",
                                               "bestand": upload(naam, data)})
        assert response.status_code == 200
        form = response.context["form"]
        assert any(reden in fout for fout in form.errors["bestand"]), form.errors
        assert form["antwoord"].value() == "Mijn uitleg, lang getypt."
    assert gevraagd.documenten.count() == 1  # only the one it was submitted with
    gevraagd.refresh_from_db()
    assert gevraagd.status == Aanvraag.Status.AANVULLING_GEVRAAGD


def test_a_document_added_for_the_answer_can_be_removed_before_sending_but_not_a_submitted_one(
        client, aanvrager, gevraagd):
    client.force_login(aanvrager)
    client.post(url(gevraagd), {"actie": "toevoegen", "omschrijving": "Verkeerde offerte",
                                "bestand": upload("fout.pdf", pdf())})
    nieuw = Document.objects.get(omschrijving="Verkeerde offerte")
    ingediend = Document.objects.get(omschrijving="Begroting")
    html = client.get(url(gevraagd)).content.decode()
    assert "Verkeerde offerte" in html and "Begroting" not in html

    assert client.post(url(gevraagd), {"verwijder": ingediend.pk, "antwoord": "x"}).status_code == 404
    response = client.post(url(gevraagd), {"verwijder": nieuw.pk, "antwoord": "Bijna klaar"})
    assert response.status_code == 302
    assert not Document.objects.filter(pk=nieuw.pk).exists() and Document.objects.filter(pk=ingediend.pk).exists()
    assert client.get(url(gevraagd)).context["form"]["antwoord"].value() == "Bijna klaar"


def test_sending_nothing_is_refused_beside_the_answer(client, aanvrager, gevraagd):
    client.force_login(aanvrager)
    response = client.post(url(gevraagd), {"antwoord": "  ", "actie": "versturen"})
    assert "antwoord" in response.context["form"].errors
    gevraagd.refresh_from_db()
    assert gevraagd.status == Aanvraag.Status.AANVULLING_GEVRAAGD


def test_after_the_deadline_the_page_says_so_and_a_late_answer_still_reaches_us(client, aanvrager, gevraagd,
                                                                                vandaag):
    vandaag(dt.date(2026, 3, 18))
    client.force_login(aanvrager)
    html = client.get(url(gevraagd)).content.decode()
    assert "De termijn is voorbij. U kon antwoorden tot en met 16 maart 2026." in html
    assert "buiten behandeling stellen" in html
    client.post(url(gevraagd), {"antwoord": "Sorry, te laat: de offerte.", "actie": "versturen"})
    gevraagd.refresh_from_db()
    assert gevraagd.status == Aanvraag.Status.IN_BEHANDELING


def test_once_the_officer_went_on_without_it_the_page_no_longer_takes_an_answer(client, aanvrager, behandelaar,
                                                                                gevraagd, vandaag):
    vandaag(dt.date(2026, 3, 18))
    perform(gevraagd, "verder_zonder_aanvulling", behandelaar)
    client.force_login(aanvrager)
    response = client.post(url(gevraagd), {"antwoord": "Te laat", "actie": "versturen"}, follow=True)
    assert "Wij hebben geen antwoord ontvangen." in response.content.decode()
    assert not AuditRecord.objects.filter(handeling="aanvulling_ontvangen").exists()


def test_in_english(client, aanvrager, gevraagd):
    client.force_login(aanvrager)
    client.cookies["django_language"] = "en"
    html = client.get(url(gevraagd)).content.decode()
    assert "Until you answer, the term for our decision is on hold." in html


@pytest.mark.parametrize("wie, verwacht", [("lid", 200), ("ander", 404), ("anoniem", 302)])
def test_only_members_of_the_organisation_see_it(client, gevraagd, wie, verwacht):
    if wie == "lid":
        lid = maak_gebruiker(Rol.AANVRAGER, username="tweede-lid")
        gevraagd.organisatie.leden.add(lid)
        client.force_login(lid)
    elif wie == "ander":
        ander = maak_gebruiker(Rol.AANVRAGER, username="ander")
        OrganisatieFactory(leden=[ander])  # a member of another organisation
        client.force_login(ander)
    response = client.get(url(gevraagd))
    assert response.status_code == verwacht
    if wie == "anoniem":
        assert "login" in response["Location"]
    # a member's answer is sent (and redirected to the result); anyone else changes nothing
    assert client.post(url(gevraagd), {"antwoord": "x", "actie": "versturen"}).status_code == (
        302 if wie == "lid" else verwacht)
    gevraagd.refresh_from_db()
    assert gevraagd.status == (Aanvraag.Status.IN_BEHANDELING if wie == "lid" else Aanvraag.Status.AANVULLING_GEVRAAGD)


def test_realistic_page_in_few_queries(client, aanvrager, organisatie, gevraagd, django_assert_max_num_queries):
    for n in range(3):
        client.force_login(aanvrager)
        client.post(url(gevraagd), {"actie": "toevoegen", "omschrijving": f"Bijlage {n}",
                                    "bestand": upload(f"b{n}.pdf", pdf())})
    for _ in range(5):
        breng_naar(AanvraagFactory(organisatie=organisatie), "ingediend", aanvrager=aanvrager)
    with django_assert_max_num_queries(20):
        assert client.get(url(gevraagd)).status_code == 200



def bestandveld_en_knop(html: str) -> tuple[str, str]:
    """The label of the page's file field and the text of the button that adds the file."""
    from tests.web.html import lees

    pagina = lees(html)
    bestand = next(pagina.alle("input", type="file"))
    return pagina.een("label", for_=bestand.attrs["id"]).tekst, pagina.een("button", value="toevoegen").tekst


def test_the_file_field_and_the_button_that_adds_it_have_different_names(client, aanvrager, gevraagd):
    """WCAG 2.4.6: a screen reader lists "Bestand" (the field) and "Document toevoegen" (the button), not twice
    the same name for two different controls."""
    client.force_login(aanvrager)
    label, knop = bestandveld_en_knop(client.get(url(gevraagd)).content.decode())
    assert label.startswith("Bestand") and knop == "Document toevoegen"
