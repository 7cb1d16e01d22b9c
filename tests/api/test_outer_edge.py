"""The API's outer edge: whatever an outside client sends, the answer is JSON in our error shape, and the published
schema tells the truth about what comes back. And the API's documentation works on a closed network."""
import json
import re
from urllib.parse import urlparse

import pytest
from django.test import Client
from rest_framework.test import APIClient

from subsidies.models import Organisatie
from tests.api import assert_error, client_for
from tests.factories import OrganisatieFactory

DIEP = "[" * 1000 + "]" * 1000


# --- finding 11: crashes and HTML answers ----------------------------------------------------------------------------
def test_json_nested_a_thousand_levels_deep_is_refused_at_the_anonymous_token_endpoint(db):
    response = APIClient().generic("POST", "/api/token/", DIEP, content_type="application/json")
    body = assert_error(response, 400, "te_diep_genest")
    assert "64" in body["message"]["nl"] and "64" in body["message"]["en"]


def test_json_nested_too_deep_is_refused_on_an_api_endpoint(concept, aanvrager):
    client = client_for(aanvrager)
    url = f"/api/aanvragen/{concept.pk}/"
    assert_error(client.generic("PATCH", url, DIEP, content_type="application/json"), 400, "te_diep_genest")
    diep_object = '{"titel": ' + '{"a": ' * 65 + "1" + "}" * 65 + "}"
    assert_error(client.generic("PATCH", url, diep_object, content_type="application/json"), 400, "te_diep_genest")
    concept.refresh_from_db()
    assert concept.titel != "1"


def test_a_body_of_three_megabytes_answers_in_the_json_shape(concept, aanvrager):
    groot = json.dumps({"titel": "x", "omschrijving": "x" * 3_000_000})
    response = client_for(aanvrager).generic("PATCH", f"/api/aanvragen/{concept.pk}/", groot,
                                             content_type="application/json")
    assert_error(response, 413, "te_groot")
    form = APIClient().post("/api/token/", {"username": "x", "password": "y" * 3_000_000})
    assert_error(form, 413, "te_groot")


@pytest.mark.parametrize(("path", "extra", "status", "code"), [
    ("/api/bestaat-niet/", {}, 404, "niet_gevonden"),
    ("/api/regelingen/", {"HTTP_HOST": "onbekend.example"}, 400, "ongeldig_verzoek"),
])
def test_django_error_pages_under_api_are_json(db, path, extra, status, code):
    assert_error(Client().get(path, **extra), status, code)


def test_django_error_pages_elsewhere_stay_html(db):
    response = Client().get("/bestaat-niet/")
    assert response.status_code == 404 and response["Content-Type"].startswith("text/html")


def test_a_crash_under_api_answers_500_in_the_json_shape(db, monkeypatch):
    from subsidies.api.viewsets import RegelingViewSet

    def crash(*args, **kwargs):
        raise RuntimeError("een fout in de code")

    monkeypatch.setattr(RegelingViewSet, "list", crash)
    client = Client(raise_request_exception=False)
    assert_error(client.get("/api/regelingen/"), 500, "serverfout")


# --- finding 11: responses that broke the published schema ---------------------------------------------------------
@pytest.fixture
def schema(db):
    return APIClient().get("/api/schema/?format=json").json()


def velden(schema, naam):
    return schema["components"]["schemas"][naam]["properties"]


def test_an_unassigned_request_in_the_queue_matches_the_schema(schema, concept, behandelaar):
    rij = client_for(behandelaar).get("/api/aanvragen/").json()["results"][0]
    assert rij["behandelaar_naam"] is None
    assert velden(schema, "AanvraagList")["behandelaar_naam"].get("nullable") is True


def test_a_request_without_a_proposal_matches_the_schema(schema, concept, behandelaar):
    assert client_for(behandelaar).get(f"/api/aanvragen/{concept.pk}/").json()["voorstel_uitkomst"] == ""
    toegestaan = set()
    for keuze in velden(schema, "Aanvraag")["voorstel_uitkomst"].get("oneOf", []):
        toegestaan |= set(schema["components"]["schemas"][keuze["$ref"].rsplit("/", 1)[1]]["enum"])
    assert "" in toegestaan


def test_an_email_address_with_an_international_domain_is_stored_and_shown_in_ascii(aanvrager):
    response = client_for(aanvrager).post("/api/organisaties/", {
        "naam": "Stichting Büchertausch", "rechtsvorm": "stichting", "kvk_nummer": "40123456",
        "iban": "NL91ABNA0417164300", "email": "info@bücher.example",
    }, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["email"] == "info@xn--bcher-kva.example"
    assert Organisatie.objects.get(naam="Stichting Büchertausch").email == "info@xn--bcher-kva.example"


def test_every_door_stores_the_ascii_domain(db):
    """The model's clean(), which the admin and the API both run."""
    from initiatieven.models import Gebiedsteam
    from subsidies.models import Contactpersoon

    organisatie = OrganisatieFactory(email="post@Bücher.example")
    contact = Contactpersoon(organisatie=organisatie, naam="Jan", email="jan@straße.example")
    team = Gebiedsteam(naam="Team", email="team@größe.example")
    for obj in (organisatie, contact, team):
        obj.clean()
    assert (organisatie.email, contact.email, team.email) == (
        "post@xn--bcher-kva.example", "jan@strasse.example", "team@xn--grsse-kua.example")


# --- finding 8: Swagger UI on a closed network -------------------------------------------------------------------
def test_the_api_docs_load_nothing_from_outside_and_declare_their_language(db):
    client = Client()
    response = client.get("/api/docs/")
    assert response.status_code == 200
    page = response.content.decode()
    assert re.search(r'<html lang="nl">', page)
    assets = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert assets, page
    assert not [url for url in assets if urlparse(url).netloc], "the page loads from another host"
    assert not re.search(r"https?://", page.replace("http://www.w3.org", "")), "an external address in the page"
    assert "<style" not in page and "<script>" not in page, "inline code: a Content-Security-Policy would block it"
    for url in assets:
        asset = client.get(url)
        assert asset.status_code == 200, url
        asset.close()
