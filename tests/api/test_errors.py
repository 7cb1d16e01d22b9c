"""Every refusal has one shape — a stable code plus a Dutch and an English message — and changes nothing.

A client (the portal, a workbench, a script) shows the message and branches on the code; an auditor relies on a
refused request leaving no trace in the data. Nothing a client sends may make the server answer 500.
"""
import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from subsidies.models import Aanvraag, Organisatie
from subsidies.rollen import Rol
from tests.api import assert_error, client_for
from tests.conftest import database_state
from tests.factories import AanvraagFactory, OrganisatieFactory, breng_naar, maak_gebruiker
from workflows.models import AuditRecord
from workflows.transitions import perform

VANDAAG = timezone.localdate


def _ingediend(concept, aanvrager):
    return perform(concept, "indienen", aanvrager)


# (description, who, method, path, payload, status, code); paths are formatted with the objects below.
REFUSALS = [
    ("invalid transition", "aanvrager", "post", "/api/aanvragen/{ingediend}/acties/indienen/", {}, 409,
     "overgang_niet_toegestaan"),
    ("failed condition: the aanvulling term still runs", "behandelaar", "post",
     "/api/aanvragen/{aanvulling}/acties/buiten_behandeling_stellen/", {}, 409, "aanvullingstermijn_loopt"),
    ("failed condition: no award proposed", "beslisser", "post", "/api/aanvragen/{geweigerd_voorstel}/acties/verlenen/",
     {}, 409, "geen_voorstel_verlenen"),
    ("forbidden: an applicant cannot take their own request", "aanvrager", "post",
     "/api/aanvragen/{ingediend}/acties/in_behandeling_nemen/", {}, 403, "geen_toestemming"),
    ("forbidden: auditors change nothing", "auditor", "patch", "/api/aanvragen/{concept}/", {"titel": "Anders"},
     403, "geen_toestemming"),
    ("unknown object", "behandelaar", "get", "/api/aanvragen/987654/", None, 404, "niet_gevonden"),
    ("another organisation's request is unknown", "buitenstaander", "post",
     "/api/aanvragen/{concept}/acties/indienen/", {}, 404, "niet_gevonden"),
    ("unknown action", "behandelaar", "post", "/api/aanvragen/{ingediend}/acties/goedkeuren/", {}, 400,
     "onbekende_actie"),
    ("unknown action that is an attribute", "behandelaar", "post", "/api/aanvragen/{ingediend}/acties/save/", {},
     400, "onbekende_actie"),
    ("a field the action does not take", "behandelaar", "post",
     "/api/aanvragen/{ingediend}/acties/in_behandeling_nemen/", {"bedrag": "10.00"}, 400, "ongeldige_invoer"),
    ("bad input for an action", "behandelaar", "post", "/api/aanvragen/{in_behandeling}/acties/aanvulling_vragen/",
     {"reden": "Begroting ontbreekt.", "termijn_tot": "morgen"}, 400, "ongeldige_invoer"),
    ("a deadline beyond any calendar", "behandelaar", "post",
     "/api/aanvragen/{in_behandeling}/acties/aanvulling_vragen/",
     {"reden": "Begroting ontbreekt.", "termijn_tot": "9999-12-31"}, 400, "termijn_ongeldig"),
    ("a paper request received in year 1", "behandelaar", "post", "/api/aanvragen/{concept}/acties/indienen/",
     {"ontvangen_op": "0001-01-01"}, 400, "datum_ongeldig"),
    ("an amount that is not a number", "behandelaar", "post",
     "/api/aanvragen/{in_beoordeling}/acties/besluit_voorstellen/",
     {"uitkomst": "verlenen", "bedrag": "12,000.00", "reden": "Past."}, 400, "ongeldige_invoer"),
    ("an amount with too many digits", "behandelaar", "post",
     "/api/aanvragen/{in_beoordeling}/acties/besluit_voorstellen/",
     {"uitkomst": "verlenen", "bedrag": "1" * 20, "reden": "Past."}, 400, "ongeldige_invoer"),
    ("editing a submitted request", "aanvrager", "patch", "/api/aanvragen/{ingediend}/", {"titel": "Anders"}, 409,
     "niet_meer_wijzigbaar"),
    ("a year 0 filter", "behandelaar", "get", "/api/aanvragen/?boekjaar=0", None, 400, "ongeldige_invoer"),
    ("a page far beyond the last", "behandelaar", "get", "/api/aanvragen/?page=99999999999999999999", None, 404,
     "niet_gevonden"),
    ("not logged in", "anoniem", "get", "/api/aanvragen/", None, 401, "niet_ingelogd"),
    ("method not offered", "behandelaar", "delete", "/api/aanvragen/{concept}/", None, 405,
     "methode_niet_toegestaan"),
]


@pytest.fixture
def wereld(concept, aanvrager, behandelaar, beslisser, auditor):
    """Requests in the states the refusals need, and every actor by name."""
    def nieuw(status):
        return breng_naar(AanvraagFactory(organisatie=concept.organisatie), status, aanvrager=aanvrager,
                          behandelaar=behandelaar, beslisser=beslisser)

    aanvulling = perform(nieuw("in_behandeling"), "aanvulling_vragen", behandelaar, reden="Begroting ontbreekt.",
                         termijn_tot=VANDAAG() + dt.timedelta(days=14))
    geweigerd_voorstel = perform(nieuw("in_beoordeling"), "besluit_voorstellen", behandelaar, uitkomst="weigeren",
                                 reden="Past niet in de regeling.")
    objecten = {
        "concept": concept, "ingediend": nieuw("ingediend"), "in_behandeling": nieuw("in_behandeling"),
        "in_beoordeling": nieuw("in_beoordeling"), "aanvulling": aanvulling, "geweigerd_voorstel": geweigerd_voorstel,
    }
    buitenstaander = maak_gebruiker(Rol.AANVRAGER)
    OrganisatieFactory(leden=[buitenstaander])
    actors = {"aanvrager": aanvrager, "behandelaar": behandelaar, "beslisser": beslisser, "auditor": auditor,
              "buitenstaander": buitenstaander, "anoniem": None}
    return {name: obj.pk for name, obj in objecten.items()}, actors


@pytest.mark.parametrize(("description", "who", "method", "path", "payload", "status", "code"), REFUSALS,
                         ids=[row[0] for row in REFUSALS])
def test_refusal_has_the_error_shape_and_changes_nothing(wereld, description, who, method, path, payload, status,
                                                         code):
    ids, actors = wereld
    before = database_state()
    response = getattr(client_for(actors[who]), method)(path.format(**ids), payload, format="json")
    assert_error(response, status, code)
    assert database_state() == before, "a refused request changed the data"


def test_invalid_transition_names_the_current_status(concept, aanvrager):
    ingediend = _ingediend(concept, aanvrager)
    body = assert_error(client_for(aanvrager).post(f"/api/aanvragen/{ingediend.pk}/acties/indienen/", format="json"),
                        409, "overgang_niet_toegestaan")
    assert "ingediend" in body["message"]["nl"] and "ingediend" in body["message"]["en"]
    assert body["details"] == {"status": "ingediend", "actie": "indienen"}


def test_bad_organisation_input_answers_per_field_in_both_languages(aanvrager):
    response = client_for(aanvrager).post("/api/organisaties/", {
        "naam": "Stichting Buurtkracht", "rechtsvorm": "stichting", "kvk_nummer": "1234", "iban": "NL00BANK0123456789",
        "postcode": "9711",
    }, format="json")
    body = assert_error(response, 400, "ongeldige_invoer")
    assert set(body["details"]) == {"kvk_nummer", "iban", "postcode"}
    assert "KvK" in body["details"]["kvk_nummer"][0] and "IBAN" in body["details"]["iban"][0]
    assert not Organisatie.objects.filter(naam="Stichting Buurtkracht").exists()


def test_partial_draft_keeps_everything_typed_and_submit_lists_what_is_missing(organisatie, aanvrager):
    client = client_for(aanvrager)
    regeling = AanvraagFactory().regeling
    created = client.post("/api/aanvragen/", {"regeling": regeling.pk, "organisatie": organisatie.pk,
                                              "titel": "Koffieochtend"}, format="json")
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    patched = client.patch(f"/api/aanvragen/{pk}/", {"omschrijving": "Elke dinsdag in het buurthuis."},
                           format="json")
    assert patched.status_code == 200
    assert patched.json()["titel"] == "Koffieochtend"

    before = database_state()
    body = assert_error(client.post(f"/api/aanvragen/{pk}/acties/indienen/", format="json"), 400,
                        "aanvraag_onvolledig")
    assert body["details"]["velden"] == ["gevraagd_bedrag", "periode_van", "periode_tot"]
    assert "bewaard" in body["message"]["nl"] and "saved" in body["message"]["en"]
    assert database_state() == before
    draft = client.get(f"/api/aanvragen/{pk}/").json()
    assert (draft["status"], draft["titel"], draft["omschrijving"]) == (
        "concept", "Koffieochtend", "Elke dinsdag in het buurthuis.")


def test_editing_a_submitted_request_is_refused_and_keeps_the_submitted_text(concept, aanvrager):
    ingediend = _ingediend(concept, aanvrager)
    records = AuditRecord.objects.count()
    assert_error(client_for(aanvrager).patch(f"/api/aanvragen/{ingediend.pk}/", {"titel": "Iets anders"},
                                             format="json"), 409, "niet_meer_wijzigbaar")
    ingediend.refresh_from_db()
    assert ingediend.titel == concept.titel and ingediend.status == Aanvraag.Status.INGEDIEND
    assert AuditRecord.objects.count() == records


def test_malformed_json_and_unsupported_media_type(concept, aanvrager):
    client = client_for(aanvrager)
    url = f"/api/aanvragen/{concept.pk}/"
    body = assert_error(client.generic("PATCH", url, "{titel:", content_type="application/json"), 400,
                        "onleesbare_invoer")
    assert "geldige JSON" in body["message"]["nl"] and "valid JSON" in body["message"]["en"]
    body = assert_error(client.generic("PATCH", url, "<titel/>", content_type="application/xml"), 415,
                        "mediatype_niet_ondersteund")
    assert "application/xml" in body["message"]["nl"] and "application/xml" in body["message"]["en"]


# (who, method, path, body, status, code): one of each kind of error the framework raises.
FRAMEWORK_ERRORS = [
    ("aanvrager", "patch", "/api/aanvragen/{concept}/", "{titel:", 400, "onleesbare_invoer"),
    (None, "get", "/api/aanvragen/", None, 401, "niet_ingelogd"),
    ("auditor", "patch", "/api/aanvragen/{concept}/", {"titel": "Anders"}, 403, "geen_toestemming"),
    ("behandelaar", "get", "/api/aanvragen/987654/", None, 404, "niet_gevonden"),
    ("behandelaar", "get", "/api/aanvragen/?page=9", None, 404, "niet_gevonden"),
    ("behandelaar", "delete", "/api/aanvragen/{concept}/", None, 405, "methode_niet_toegestaan"),
    ("aanvrager", "post", "/api/organisaties/", {"naam": ""}, 400, "ongeldige_invoer"),
]


@pytest.mark.parametrize(("who", "method", "path", "body", "status", "code"), FRAMEWORK_ERRORS,
                         ids=[f"{row[4]}-{row[5]}" for row in FRAMEWORK_ERRORS])
def test_framework_errors_speak_with_one_voice_whatever_the_language(concept, aanvrager, behandelaar, auditor, who,
                                                                     method, path, body, status, code):
    """Our own Dutch (formal "u") and English, the same whatever the client's Accept-Language — never DRF's
    translation into one of the two, with the informal "je" of its Dutch texts."""
    user = {"aanvrager": aanvrager, "behandelaar": behandelaar, "auditor": auditor, None: None}[who]
    url, answers = path.format(concept=concept.pk), []
    for language in ("nl", "en"):
        content = {"data": body, "content_type": "application/json"} if isinstance(body, str) else {"data": body,
                                                                                                     "format": "json"}
        response = getattr(client_for(user), method)(url, **content, HTTP_ACCEPT_LANGUAGE=language)
        answers.append(assert_error(response, status, code))
    assert answers[0] == answers[1]
    nl, en = answers[0]["message"]["nl"], answers[0]["message"]["en"]
    assert nl != en and not {"je", "jij", "jouw"} & set(nl.lower().replace(".", " ").split())


@pytest.mark.parametrize("language", ["nl", "en"])
def test_standard_field_errors_are_in_both_languages(aanvrager, language):
    """DRF's own field texts (required, blank, max_length, invalid choice, …) in the house style, by their code."""
    response = client_for(aanvrager).post("/api/organisaties/", {
        "naam": "x" * 201, "rechtsvorm": "bv", "iban": "", "plaats": None,
    }, format="json", HTTP_ACCEPT_LANGUAGE=language)
    details = assert_error(response, 400, "ongeldige_invoer")["details"]
    assert details == {
        "naam": ["Gebruik hoogstens 200 tekens. / Use at most 200 characters."],
        "rechtsvorm": ["Kies een van de toegestane waarden. / Choose one of the allowed values."],
        "iban": ["Dit veld mag niet leeg zijn. / This field may not be blank."],
        "plaats": ["Dit veld mag niet leeg (null) zijn. / This field may not be null."],
    }


def test_form_encoded_action_takes_only_the_fields_sent(concept, aanvrager, behandelaar, beslisser):
    """A form has no 'absent' checkbox: an unsent boolean must not count as a field the action does not take."""
    subsidie = breng_naar(concept, "verleend", aanvrager=aanvrager, behandelaar=behandelaar,
                          beslisser=beslisser).subsidie
    perform(subsidie, "voorschot_betalen", behandelaar, bedrag=Decimal("1000.00"))
    betaling = subsidie.betalingen.get()
    response = client_for(behandelaar).post(f"/api/betalingen/{betaling.pk}/acties/annuleren/",
                                            {"reden": "Dubbel ingevoerd."}, format="multipart")
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "geannuleerd"


def test_an_oversized_request_id_is_not_a_server_error(concept, aanvrager):
    """The X-Request-ID header is the client's: too long or odd, it is replaced instead of breaking the write."""
    response = client_for(aanvrager).patch(f"/api/aanvragen/{concept.pk}/", {"titel": "Nieuwe titel"}, format="json",
                            HTTP_X_REQUEST_ID="x" * 300)
    assert response.status_code == 200, response.content
    record = AuditRecord.objects.filter(object_id=str(concept.pk), actie="gewijzigd").latest("volgnummer")
    assert record.request_id and len(record.request_id) <= 64
    assert response["X-Request-ID"] == record.request_id
