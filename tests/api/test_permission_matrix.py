"""Who may call what: every API action against every role, as one table.

Columns: anonymous, an aanvrager who is a member of the organisation (lid), an aanvrager of another organisation
(ander), behandelaar, beslisser, auditor, beheerder. An applicant never learns that another organisation's data
exists (404, absent from lists); an auditor reads everything and changes nothing; an anonymous caller is asked to
log in (401) except for the public regelingen. A completeness test keeps the table in step with the schema.
"""
import datetime as dt
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone
from drf_spectacular.generators import SchemaGenerator
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from subsidies.rollen import Rol
from tests.api import assert_error, client_for
from tests.factories import AanvraagFactory, OrganisatieFactory, PlafondFactory, breng_naar, maak_gebruiker
from workflows.models import AuditRecord
from workflows.transitions import perform

ROLES = ("anoniem", "lid", "ander", "behandelaar", "beslisser", "auditor", "beheerder")
VANDAAG = timezone.localdate
JAAR = VANDAAG().year

ORGANISATIE = {"naam": "Speeltuinvereniging De Wilg", "rechtsvorm": "vereniging", "kvk_nummer": "40123456",
               "iban": "NL91ABNA0417164300", "postcode": "9741 AB", "plaats": "Groningen"}
AANVRAAG = {"titel": "Zomerfeest", "omschrijving": "Een middag voor de hele buurt.", "gevraagd_bedrag": "2500.00",
            "periode_van": f"{JAAR}-06-01", "periode_tot": f"{JAAR}-06-30"}

# name, method, path as in the schema, object for {id}, actie, payload, expected per role (in ROLES order)
MATRIX = [
    ("regelingen list", "get", "/api/regelingen/", None, None, None, "200 200 200 200 200 200 200"),
    ("regelingen retrieve", "get", "/api/regelingen/{id}/", "regeling", None, None, "200 200 200 200 200 200 200"),
    ("regelingen create", "post", "/api/regelingen/", None, None, {"code": "nieuw"}, "403 403 403 403 403 403 403"),
    ("regelingen update", "put", "/api/regelingen/{id}/", "regeling", None, {"code": "x"},
     "403 403 403 403 403 403 403"),

    ("organisaties list", "get", "/api/organisaties/", None, None, None, "401 200 200 200 200 200 200"),
    ("organisaties retrieve", "get", "/api/organisaties/{id}/", "organisatie", None, None,
     "401 200 404 200 200 200 200"),
    ("organisaties create", "post", "/api/organisaties/", None, None, ORGANISATIE, "401 201 201 201 201 403 201"),
    ("organisaties update", "put", "/api/organisaties/{id}/", "organisatie", None, ORGANISATIE,
     "401 200 404 200 200 403 200"),
    ("organisaties partial update", "patch", "/api/organisaties/{id}/", "organisatie", None,
     {"telefoon": "050 123 4567"}, "401 200 404 200 200 403 200"),

    ("aanvragen list", "get", "/api/aanvragen/", None, None, None, "401 200 200 200 200 200 200"),
    ("aanvragen create concept", "post", "/api/aanvragen/", None, None, "nieuwe_aanvraag",
     "401 201 400 201 201 403 201"),
    ("aanvragen retrieve", "get", "/api/aanvragen/{id}/", "concept", None, None, "401 200 404 200 200 200 200"),
    ("aanvragen update concept", "put", "/api/aanvragen/{id}/", "concept", None, "nieuwe_aanvraag",
     "401 200 404 200 200 403 200"),
    ("aanvragen partial update concept", "patch", "/api/aanvragen/{id}/", "concept", None, {"titel": "Anders"},
     "401 200 404 200 200 403 200"),
    ("aanvragen GET acties", "get", "/api/aanvragen/{id}/acties/", "concept", None, None,
     "401 200 404 200 200 200 200"),
    ("aanvragen GET documenten", "get", "/api/aanvragen/{id}/documenten/", "concept", None, None,
     "401 200 404 200 200 200 200"),
    ("aanvragen POST documenten", "post", "/api/aanvragen/{id}/documenten/", "concept", None, "document",
     "401 201 404 201 201 403 403"),
    ("aanvragen indienen", "post", "/api/aanvragen/{id}/acties/{actie}/", "concept", "indienen", {},
     "401 200 404 200 200 403 403"),
    ("aanvragen intrekken", "post", "/api/aanvragen/{id}/acties/{actie}/", "ingediend", "intrekken", {},
     "401 200 404 403 403 403 403"),
    ("aanvragen in_behandeling_nemen", "post", "/api/aanvragen/{id}/acties/{actie}/", "ingediend",
     "in_behandeling_nemen", {}, "401 403 404 200 200 403 403"),
    ("aanvragen beslistermijn_verdagen", "post", "/api/aanvragen/{id}/acties/{actie}/", "ingediend",
     "beslistermijn_verdagen", {"weken": 4, "reden": "Advies van de wijkraad nodig."}, "401 403 404 200 200 403 403"),
    ("aanvragen aanvulling_vragen", "post", "/api/aanvragen/{id}/acties/{actie}/", "in_behandeling",
     "aanvulling_vragen", {"reden": "Stuur de begroting.", "termijn_tot": str(VANDAAG() + dt.timedelta(days=14))},
     "401 403 404 200 200 403 403"),
    ("aanvragen aanvulling_ontvangen", "post", "/api/aanvragen/{id}/acties/{actie}/", "aanvulling",
     "aanvulling_ontvangen", {}, "401 200 404 200 200 403 403"),
    ("aanvragen buiten_behandeling_stellen (term still running)", "post", "/api/aanvragen/{id}/acties/{actie}/",
     "aanvulling", "buiten_behandeling_stellen", {}, "401 403 404 409 409 403 403"),
    ("aanvragen volledig_verklaren", "post", "/api/aanvragen/{id}/acties/{actie}/", "in_behandeling",
     "volledig_verklaren", {}, "401 403 404 200 200 403 403"),
    ("aanvragen besluit_voorstellen", "post", "/api/aanvragen/{id}/acties/{actie}/", "in_beoordeling",
     "besluit_voorstellen", {"uitkomst": "verlenen", "reden": "Past."}, "401 403 404 200 200 403 403"),
    ("aanvragen voorstel_terugsturen", "post", "/api/aanvragen/{id}/acties/{actie}/", "voorstel",
     "voorstel_terugsturen", {"reden": "Bedrag opnieuw bekijken."}, "401 403 404 200 200 403 403"),
    ("aanvragen verlenen", "post", "/api/aanvragen/{id}/acties/{actie}/", "voorstel", "verlenen", {},
     "401 403 404 200 200 403 403"),
    ("aanvragen verlenen above the four-eyes threshold", "post", "/api/aanvragen/{id}/acties/{actie}/",
     "voorstel_groot", "verlenen", {}, "401 403 404 403 200 403 403"),
    ("aanvragen weigeren", "post", "/api/aanvragen/{id}/acties/{actie}/", "voorstel_weigeren", "weigeren", {},
     "401 403 404 200 200 403 403"),

    ("subsidies list", "get", "/api/subsidies/", None, None, None, "401 200 200 200 200 200 200"),
    ("subsidies retrieve", "get", "/api/subsidies/{id}/", "subsidie", None, None, "401 200 404 200 200 200 200"),
    ("subsidies create", "post", "/api/subsidies/", None, None, {}, "401 405 405 405 405 403 405"),
    ("subsidies update", "put", "/api/subsidies/{id}/", "subsidie", None, {}, "401 405 405 405 405 403 405"),
    ("subsidies GET acties", "get", "/api/subsidies/{id}/acties/", "subsidie", None, None,
     "401 200 404 200 200 200 200"),
    ("subsidies voorschot_betalen", "post", "/api/subsidies/{id}/acties/{actie}/", "subsidie", "voorschot_betalen",
     {"bedrag": "1000.00"}, "401 403 404 200 200 403 403"),
    ("subsidies verantwoording_vragen", "post", "/api/subsidies/{id}/acties/{actie}/", "subsidie",
     "verantwoording_vragen", {"uiterlijk": str(VANDAAG() + dt.timedelta(days=90))}, "401 403 404 200 200 403 403"),
    ("subsidies verantwoording_indienen", "post", "/api/subsidies/{id}/acties/{actie}/", "subsidie_gevraagd",
     "verantwoording_indienen", {"activiteitenverslag": "Gedaan.", "werkelijke_kosten": "12000.00"},
     "401 200 404 200 200 403 403"),
    ("subsidies verantwoording_terugsturen", "post", "/api/subsidies/{id}/acties/{actie}/", "subsidie_ingediend",
     "verantwoording_terugsturen", {"reden": "De kosten ontbreken."}, "401 403 404 200 200 403 403"),
    ("subsidies vaststellen", "post", "/api/subsidies/{id}/acties/{actie}/", "subsidie_ingediend", "vaststellen",
     {}, "401 403 404 200 200 403 403"),
    ("subsidies direct_vaststellen (amount too high)", "post", "/api/subsidies/{id}/acties/{actie}/", "subsidie",
     "direct_vaststellen", {}, "401 403 404 409 409 403 403"),
    ("subsidies verrekening_plannen", "post", "/api/subsidies/{id}/acties/{actie}/", "subsidie_saldo_open",
     "verrekening_plannen", {}, "401 403 404 200 200 403 403"),
    ("subsidies afsluiten", "post", "/api/subsidies/{id}/acties/{actie}/", "subsidie_verrekend", "afsluiten", {},
     "401 403 404 200 200 403 403"),
    ("subsidies intrekken", "post", "/api/subsidies/{id}/acties/{actie}/", "subsidie", "intrekken",
     {"reden": "Activiteit gaat niet door."}, "401 403 404 403 200 403 403"),

    ("betalingen list", "get", "/api/betalingen/", None, None, None, "401 200 200 200 200 200 200"),
    ("betalingen retrieve", "get", "/api/betalingen/{id}/", "betaling", None, None, "401 200 404 200 200 200 200"),
    ("betalingen create", "post", "/api/betalingen/", None, None, {}, "401 405 405 405 405 403 405"),
    ("betalingen update", "put", "/api/betalingen/{id}/", "betaling", None, {}, "401 405 405 405 405 403 405"),
    ("betalingen GET acties", "get", "/api/betalingen/{id}/acties/", "betaling", None, None,
     "401 200 404 200 200 200 200"),
    ("betalingen uitvoeren", "post", "/api/betalingen/{id}/acties/{actie}/", "betaling", "uitvoeren", {},
     "401 403 404 200 200 403 403"),
    ("betalingen annuleren", "post", "/api/betalingen/{id}/acties/{actie}/", "betaling", "annuleren",
     {"reden": "Dubbel."}, "401 403 404 200 200 403 403"),

    ("beschikkingen list", "get", "/api/beschikkingen/", None, None, None, "401 200 200 200 200 200 200"),
    ("beschikkingen retrieve", "get", "/api/beschikkingen/{id}/", "beschikking", None, None,
     "401 200 404 200 200 200 200"),
    ("beschikkingen create", "post", "/api/beschikkingen/", None, None, {}, "401 405 405 405 405 403 405"),
    ("beschikkingen update", "put", "/api/beschikkingen/{id}/", "beschikking", None, {},
     "401 405 405 405 405 403 405"),

    ("begroting list", "get", "/api/begroting/", None, None, None, "401 403 403 200 200 200 200"),
    ("begroting create", "post", "/api/begroting/", None, None, {}, "401 403 403 403 403 403 403"),

    ("audittrail list", "get", "/api/audittrail/", None, None, None, "401 403 403 403 403 200 200"),
    ("audittrail retrieve", "get", "/api/audittrail/{volgnummer}/", "auditrecord", None, None,
     "401 403 403 403 403 200 200"),
    ("audittrail create", "post", "/api/audittrail/", None, None, {}, "401 403 403 403 403 403 403"),
    ("audittrail update", "put", "/api/audittrail/{volgnummer}/", "auditrecord", None, {},
     "401 403 403 403 403 403 403"),
]


class World:
    """The actors, and objects in the states the table needs — each built on first use only."""

    def __init__(self):
        self.users = {role: maak_gebruiker(role) for role in (Rol.BEHANDELAAR, Rol.BESLISSER, Rol.AUDITOR,
                                                               Rol.BEHEERDER)}
        self.users.update(lid=maak_gebruiker(Rol.AANVRAGER), ander=maak_gebruiker(Rol.AANVRAGER), anoniem=None)
        self.organisatie = OrganisatieFactory(leden=[self.users["lid"]])
        OrganisatieFactory(leden=[self.users["ander"]])
        self.regeling = PlafondFactory().regeling
        # colleagues who walk requests forward, so the acting behandelaar/beslisser is never the proposer
        self.collega = {"aanvrager": self.users["lid"], "behandelaar": maak_gebruiker(Rol.BEHANDELAAR),
                        "beslisser": maak_gebruiker(Rol.BESLISSER)}
        self._cache = {}

    def get(self, name: str):
        if name not in self._cache:
            self._cache[name] = getattr(self, f"_{name}")() if hasattr(self, f"_{name}") else getattr(self, name)
        return self._cache[name]

    def aanvraag(self, status=None, **fields):
        aanvraag = AanvraagFactory(organisatie=self.organisatie, regeling=self.regeling, **fields)
        return breng_naar(aanvraag, status, **self.collega) if status else aanvraag

    def _nieuwe_aanvraag(self):
        return {"regeling": self.regeling.pk, "organisatie": self.organisatie.pk, **AANVRAAG}

    def _document(self):
        return {"omschrijving": "Begroting", "bestand": SimpleUploadedFile("begroting.pdf", b"%PDF-1.4 demo")}

    def _concept(self):
        return self.aanvraag()

    def _ingediend(self):
        return self.aanvraag("ingediend")

    def _in_behandeling(self):
        return self.aanvraag("in_behandeling")

    def _aanvulling(self):
        return perform(self.aanvraag("in_behandeling"), "aanvulling_vragen", self.collega["behandelaar"],
                       reden="Stuur de begroting.", termijn_tot=VANDAAG() + dt.timedelta(days=14))

    def _in_beoordeling(self):
        return self.aanvraag("in_beoordeling")

    def _voorstel(self):
        return self.aanvraag("besluit_voorgesteld")

    def _voorstel_groot(self):
        return self.aanvraag("besluit_voorgesteld", gevraagd_bedrag=Decimal("30000.00"))

    def _voorstel_weigeren(self):
        return perform(self.aanvraag("in_beoordeling"), "besluit_voorstellen", self.collega["behandelaar"],
                       uitkomst="weigeren", reden="Past niet in de regeling.")

    def _subsidie(self):
        return self.aanvraag("verleend").subsidie

    def _subsidie_gevraagd(self):
        return perform(self.get("subsidie"), "verantwoording_vragen", self.collega["behandelaar"],
                       uiterlijk=VANDAAG() + dt.timedelta(days=90))

    def _subsidie_ingediend(self):
        return perform(self.get("subsidie_gevraagd"), "verantwoording_indienen", self.users["lid"],
                       activiteitenverslag="Gedaan.", werkelijke_kosten=Decimal("12000.00"))

    def _subsidie_verrekend(self):
        """Small, so settled at verlening; its saldo payment is made, so it can be closed."""
        subsidie = self.aanvraag("verleend", gevraagd_bedrag=Decimal("4000.00")).subsidie
        perform(subsidie.betalingen.get(), "uitvoeren", self.collega["behandelaar"])
        return subsidie

    def _subsidie_saldo_open(self):
        """Settled, but its saldo payment was cancelled: the settlement has to be planned again."""
        subsidie = self.aanvraag("verleend", gevraagd_bedrag=Decimal("4000.00")).subsidie
        perform(subsidie.betalingen.get(), "annuleren", self.collega["behandelaar"], reden="Verkeerd rekeningnummer.")
        return subsidie

    def _betaling(self):
        subsidie = perform(self.get("subsidie"), "voorschot_betalen", self.collega["behandelaar"],
                           bedrag=Decimal("3000.00"))
        return subsidie.betalingen.get()

    def _beschikking(self):
        return self.get("voorstel_weigeren") and perform(self.get("voorstel_weigeren"), "weigeren",
                                                         self.collega["behandelaar"]).beschikkingen.get()

    def _auditrecord(self):
        return AuditRecord.objects.filter(object_id=str(self.organisatie.pk)).first()


def _call(client, method: str, path: str, payload):
    """One request whose effects are rolled back, so every role meets the same world."""
    files = [value for value in (payload or {}).values() if hasattr(value, "seek")] if isinstance(payload, dict) else []
    for upload in files:
        upload.seek(0)  # every role sends the same file again
    with transaction.atomic():
        response = getattr(client, method)(path, payload, format="multipart" if files else "json")
        transaction.set_rollback(True)
    return response


@pytest.mark.parametrize(("name", "method", "path", "obj", "actie", "payload", "expected"), MATRIX,
                         ids=[row[0] for row in MATRIX])
def test_permission_matrix(db, name, method, path, obj, actie, payload, expected):
    world = World()
    target = world.get(obj) if obj else None
    url = path.format(id=getattr(target, "pk", None), volgnummer=getattr(target, "volgnummer", None), actie=actie)
    body = world.get(payload) if isinstance(payload, str) else payload
    client = APIClient()
    actual = {}
    for role in ROLES:
        client.force_authenticate(world.users[role])
        actual[role] = _call(client, method, url, body)
    for response in actual.values():
        if response.status_code >= 400:
            assert_error(response, response.status_code)
    assert {role: r.status_code for role, r in actual.items()} == dict(zip(ROLES, map(int, expected.split())))


def test_the_matrix_covers_every_operation_and_action_in_the_schema():
    schema = SchemaGenerator().get_schema(request=None, public=True)
    in_schema = set()
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            acties = next((p["schema"]["enum"] for p in operation.get("parameters", [])
                           if (p["in"], p["name"]) == ("path", "actie")), [None])
            in_schema |= {(method, path, actie) for actie in acties}
    in_matrix = {(method, path, actie) for _, method, path, _, actie, _, _ in MATRIX}
    in_matrix |= {("patch", path, None) for _, method, path, _, _, _, _ in MATRIX if method == "put"
                  and path.startswith(("/api/regelingen", "/api/subsidies", "/api/betalingen", "/api/beschikkingen",
                                       "/api/audittrail"))}
    assert in_schema - in_matrix == {("post", "/api/token/", None)}


def test_auditor_is_refused_every_write_in_the_schema(db):
    """Not only the table: any operation that is not a read answers 403 to an auditor, whatever it is."""
    world = World()
    ids = {"id": world.get("concept").pk, "volgnummer": world.get("auditrecord").volgnummer, "actie": "indienen"}
    schema = SchemaGenerator().get_schema(request=None, public=True)
    writes = [(method, path) for path, operations in schema["paths"].items() for method in operations
              if method not in ("get", "head", "options") and path != "/api/token/"]
    assert len(writes) >= 9
    client = client_for(world.users[Rol.AUDITOR])
    for method, path in writes:
        response = _call(client, method, path.format(**ids), {})
        assert_error(response, 403, "geen_toestemming")


LIJSTEN = ["organisaties", "aanvragen", "subsidies", "betalingen", "beschikkingen"]


@pytest.mark.parametrize("resource", LIJSTEN)
def test_lists_show_applicants_only_their_own_organisations_data(db, resource):
    world = World()
    eigen = world.get("betaling")  # builds a request, subsidie, betaling and beschikking of the lid's organisation
    vreemd = OrganisatieFactory()
    AanvraagFactory(organisatie=vreemd)
    subsidie = breng_naar(AanvraagFactory(organisatie=vreemd), "verleend").subsidie
    perform(subsidie, "voorschot_betalen", world.collega["behandelaar"], bedrag=Decimal("500.00"))
    assert eigen.subsidie.aanvraag.organisatie == world.organisatie

    client = APIClient()

    def ids(role):
        client.force_authenticate(world.users[role])
        response = client.get(f"/api/{resource}/", {"page_size": 200})
        assert response.status_code == 200
        return {row["id"] for row in response.json()["results"]}

    alles, van_lid = ids(Rol.BEHANDELAAR), ids("lid")
    assert van_lid and van_lid < alles
    assert ids("ander").isdisjoint(van_lid)
    assert ids(Rol.AUDITOR) == ids(Rol.BEHEERDER) == alles


def test_token_authentication(db):
    world = World()
    token = Token.objects.create(user=world.users[Rol.BEHANDELAAR])
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    assert client.get("/api/begroting/").status_code == 200
    client.credentials(HTTP_AUTHORIZATION="Token onzin")
    assert_error(client.get("/api/begroting/"), 401, "niet_ingelogd")
    anonymous = APIClient().get("/api/begroting/")
    assert_error(anonymous, 401, "niet_ingelogd")
    assert anonymous["WWW-Authenticate"] == "Token"


def test_token_is_issued_for_username_and_password(db):
    user = maak_gebruiker(Rol.AANVRAGER, username="marleen")
    user.set_password("een-lang-wachtwoord")
    user.save()
    response = APIClient().post("/api/token/", {"username": "marleen", "password": "een-lang-wachtwoord"},
                                format="json")
    assert response.status_code == 200
    assert response.json()["token"] == Token.objects.get(user=user).key
    assert_error(APIClient().post("/api/token/", {"username": "marleen", "password": "fout"}, format="json"), 400)


def test_session_authentication_needs_the_csrf_token_for_writes(db):
    world = World()
    concept = world.get("concept")
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(world.users["lid"])
    assert client.get(f"/api/aanvragen/{concept.pk}/").status_code == 200
    url = f"/api/aanvragen/{concept.pk}/"
    assert_error(client.patch(url, {"titel": "Zonder token"}, format="json"), 403, "geen_toestemming")
    csrf = client.get("/admin/login/").cookies["csrftoken"].value
    response = client.patch(url, {"titel": "Met token"}, format="json", HTTP_X_CSRFTOKEN=csrf)
    assert response.status_code == 200 and response.json()["titel"] == "Met token"
