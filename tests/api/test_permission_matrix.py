"""Who may call what: every API action against every role, as one table.

Columns: anonymous, an aanvrager who is a member of the organisation (lid), an aanvrager of another organisation
(ander), behandelaar, beslisser, auditor, beheerder. An applicant never learns that another organisation's data
exists (404, absent from lists); an auditor reads everything and changes nothing; an anonymous caller is asked to
log in (401) except for the public regelingen. A completeness test keeps the table in step with the schema.
The table itself is data: tests/api/matrix.py, which gathers the families' rows from tests/<app>/matrix.py.
"""
import datetime as dt
from decimal import Decimal

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from drf_spectacular.generators import SchemaGenerator
from rest_framework.test import APIClient

from access.services import uitgeven
from subsidies.models import Belangenverklaring
from subsidies.rollen import Rol
from subsidies.services import bezwaren
from subsidies.services.dwangsom import bewaak_dwangsommen
from subsidies.services.documenten import voeg_document_toe, voeg_verantwoordingsdocument_toe
from tests.accommodaties import matrix as accommodaties_matrix
from tests import bestanden
from tests.api import assert_error, client_for, meerjarig
from tests.api.matrix import JAAR, MATRIX, ROLES, VANDAAG
from tests.conftest import AMSTERDAM
from tests.bewonersorganisaties import matrix as bewonersorganisaties_matrix
from tests.factories import (
    AanvraagFactory, BegrotingsjaarFactory, OrganisatieFactory, PlafondFactory, breng_naar, maak_gebruiker,
)
from tests.initiatieven import matrix as initiatieven_matrix
from workflows import termijnen
from workflows.models import AuditRecord
from workflows.transitions import perform

AANVRAAG = {"titel": "Zomerfeest", "omschrijving": "Een middag voor de hele buurt.", "gevraagd_bedrag": "2500.00",
            "periode_van": f"{JAAR}-06-01", "periode_tot": f"{JAAR}-06-30"}


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
        return {"omschrijving": "Begroting", "bestand": SimpleUploadedFile("begroting.pdf", bestanden.pdf())}

    def _opgeslagen_document(self):
        return voeg_document_toe(self.aanvraag(), user=self.users["lid"], **self.get("document"))

    def _verantwoordingsdocument(self):
        return voeg_verantwoordingsdocument_toe(self.get("subsidie_gevraagd"), user=self.users["lid"],
                                                **self.get("document"))

    def _concept(self):
        return self.aanvraag()

    def _ingediend(self):
        return self.aanvraag("ingediend")

    def _in_behandeling(self):
        return self.aanvraag("in_behandeling")

    def _aanvulling(self):
        return perform(self.aanvraag("in_behandeling"), "aanvulling_vragen", self.collega["behandelaar"],
                       reden="Stuur de begroting.", termijn_tot=VANDAAG() + dt.timedelta(days=14))

    def _aanvullingsverzoek(self):
        """The aanvulling itself (its letter), not the request it was asked on."""
        return self.get("aanvulling").aanvullingen.get()

    def _in_beoordeling(self):
        return self.aanvraag("in_beoordeling")

    def _voorstel(self):
        return self.aanvraag("besluit_voorgesteld")

    def _voorstel_groot(self):
        return self.aanvraag("besluit_voorgesteld", gevraagd_bedrag=Decimal("30000.00"))

    def _voorstel_weigeren(self):
        return perform(self.aanvraag("in_beoordeling"), "besluit_voorstellen", self.collega["behandelaar"],
                       uitkomst="weigeren", reden="Past niet in de regeling.")

    def _voorstel_weigeren_groot(self):
        return perform(self.aanvraag("in_beoordeling", gevraagd_bedrag=Decimal("30000.00")), "besluit_voorstellen",
                       self.collega["behandelaar"], uitkomst="weigeren", reden="Past niet in de regeling.")

    def _subsidie(self):
        return self.aanvraag("verleend").subsidie

    def _belangenverklaring(self):
        return Belangenverklaring.objects.create(medewerker=self.users[Rol.BEHANDELAAR],
                                                 organisatie=OrganisatieFactory(), toelichting="Bestuurslid")

    def _nieuwe_belangenverklaring(self):
        return {"organisatie": OrganisatieFactory().pk, "toelichting": "Mijn broer zit in het bestuur."}

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

    def _bezwaar(self):
        return bezwaren.dien_in(self.get("beschikking"), self.users["lid"], gronden="Wij zijn het niet eens.")

    def _bezwaar_in_behandeling(self):
        return perform(self.get("bezwaar"), "in_behandeling_nemen", self.collega["behandelaar"])

    def _nieuw_bezwaar(self):
        return {"beschikking": self.get("beschikking").pk, "gronden": "Wij zijn het niet eens."}

    def _hoorzitting(self):
        return {"hoorzitting_op": str(termijnen.volgende_werkdag(VANDAAG() + dt.timedelta(days=7)))}

    def _aanvraag_geweigerd(self):
        return self.get("beschikking").aanvraag

    def _auditrecord(self):
        return AuditRecord.objects.filter(object_id=str(self.organisatie.pk)).first()

    # --- the multi-year path: a structural subsidie from two years ago up to next year, and requests ----------
    def _meerjarige_regeling(self):
        return meerjarig.regeling()

    def _meerjarig(self):
        return meerjarig.subsidie(self.get("meerjarige_regeling"), self.organisatie, range(JAAR - 2, JAAR + 2),
                                  actors=self.collega)

    def _meerjarig_afgerond(self):
        """Two years: the first settled, the second lapsed, so the whole can be settled."""
        subsidie = meerjarig.subsidie(self.get("meerjarige_regeling"), self.organisatie, [JAAR - 2, JAAR - 1],
                                      actors=self.collega)
        meerjarig.tranche(subsidie, JAAR - 2, "vastgesteld", actors=self.collega)
        perform(subsidie.tranches.get(boekjaar=JAAR - 1), "vervallen", self.collega["behandelaar"],
                reden="De activiteit is gestopt.")
        return subsidie

    def _tranche(self, boekjaar: int, status: str = "gepland"):
        return meerjarig.tranche(self.get("meerjarig"), boekjaar, status, actors=self.collega)

    def _tranche_gepland(self):
        return self._tranche(JAAR + 1)

    def _tranche_te_bevestigen(self):
        return self._tranche(JAAR)

    def _tranche_voorbehoud(self):
        """Next year's budget was adopted yesterday: the begrotingsvoorbehoud can still be invoked (Awb 4:34)."""
        BegrotingsjaarFactory(boekjaar=JAAR + 1, vastgesteld_op=VANDAAG() - dt.timedelta(days=1))
        return self._tranche(JAAR + 1)

    def _tranche_definitief(self):
        return self._tranche(JAAR, "definitief")

    def _tranche_werkplan(self):
        return self._tranche(JAAR, "werkplan_ingediend")

    def _tranche_lopend(self):
        return self._tranche(JAAR - 1, "lopend")

    def _tranche_verantwoord(self):
        return self._tranche(JAAR - 1, "verantwoord")

    def _meerjarig_in_beoordeling(self):
        return meerjarig.aanvraag(self.get("meerjarige_regeling"), self.organisatie, [JAAR + 1, JAAR + 2],
                                  "in_beoordeling", actors=self.collega)

    def _meerjarig_voorstel(self):
        return perform(self.get("meerjarig_in_beoordeling"), "besluit_voorstellen", self.collega["behandelaar"],
                       uitkomst="verlenen", reden="Past binnen de regeling.")

    def _voortzetting_weigeren(self):
        """A request to continue the structural subsidie after its last year, proposed to be refused."""
        vorige = self.get("meerjarig")
        aanvraag = meerjarig.aanvraag(vorige.regeling, self.organisatie, [JAAR + 2, JAAR + 3], "in_beoordeling",
                                      actors=self.collega, voortzetting_van=vorige)
        return perform(aanvraag, "besluit_voorstellen", self.collega["behandelaar"], uitkomst="weigeren",
                       reden="Het beleid verschuift naar de wijkteams.")

    def _nieuwe_meerjarige_aanvraag(self):
        return {**self.get("nieuwe_aanvraag"), "regeling": self.get("meerjarige_regeling").pk,
                "periode_van": f"{JAAR + 2}-01-01", "periode_tot": f"{JAAR + 3}-12-31", "gevraagd_bedrag": "200000.00",
                "werkplan": "Inloop en huisbezoeken.", "voortzetting_van": self.get("meerjarig").pk,
                "jaarbedragen": [{"boekjaar": JAAR + 2, "gevraagd_bedrag": "100000.00"},
                                 {"boekjaar": JAAR + 3, "gevraagd_bedrag": "100000.00"}]}

    # --- the accommodation families (tests/accommodaties/matrix.py) ------------------------------------------
    def _accommodatie(self):
        return accommodaties_matrix.accommodatie(self)

    def _nieuwe_accommodatie(self):
        return accommodaties_matrix.nieuwe_accommodatie(self)

    def _begroting_concept(self):
        return accommodaties_matrix.begroting(self)

    def _begroting_ingediend(self):
        return accommodaties_matrix.begroting(self, "ingediend")

    def _nieuwe_exploitatiebegroting(self):
        return accommodaties_matrix.nieuwe_exploitatiebegroting(self)

    def _onderhoudspost(self):
        return accommodaties_matrix.onderhoudspost(self)

    def _nieuwe_onderhoudspost(self):
        return accommodaties_matrix.nieuwe_onderhoudspost(self)

    def _accommodatiegegevens(self):
        return accommodaties_matrix.accommodatiegegevens(self)

    def _nieuwe_accommodatiegegevens(self):
        return accommodaties_matrix.nieuwe_accommodatiegegevens(self)

    def _bewonersorganisatie(self):
        return bewonersorganisaties_matrix.bewonersorganisatie(self)

    def _nieuwe_bewonersorganisatie(self):
        return bewonersorganisaties_matrix.nieuwe_bewonersorganisatie(self)

    def _bewonersorganisatie_gewijzigd(self):
        return bewonersorganisaties_matrix.bewonersorganisatie_gewijzigd(self)

    # --- the initiatieven family (tests/initiatieven/matrix.py) ----------------------------------------------
    def _initiatief_regeling(self):
        return initiatieven_matrix.regeling(self)

    def _initiatief(self):
        return initiatieven_matrix.initiatief(self)

    def _nieuw_initiatief(self):
        return initiatieven_matrix.nieuw_initiatief(self)

    def _initiatief_gewijzigd(self):
        return initiatieven_matrix.initiatief_gewijzigd(self)

    def _initiatief_in_behandeling(self):
        return initiatieven_matrix.in_behandeling(self)

    def _gebiedsteam(self):
        return initiatieven_matrix.gebiedsteam(self)

    def _adviesaanvraag(self):
        return initiatieven_matrix.adviesaanvraag(self)

    def _adviesaanvraag_verlopen(self):
        return initiatieven_matrix.adviesaanvraag(self, verlopen=True)

    def _nieuwe_adviesaanvraag(self):
        return initiatieven_matrix.nieuwe_adviesaanvraag(self)

    def _adviseurs_vraag(self):
        return {"aanvraag": self.get("initiatief_in_behandeling").pk}

    def _bereik_subsidie(self):
        return initiatieven_matrix.bereik_subsidie(self)

    def _nieuw_bereik(self):
        return initiatieven_matrix.nieuw_bereik(self)

    def _bereik(self):
        return initiatieven_matrix.bereik(self)

    def _begrotingsjaar(self):
        return BegrotingsjaarFactory(boekjaar=JAAR + 1, vastgesteld_op=None)

    # --- not deciding on time (Awb 4:17): requests received in the past, built on the days they happened -------
    def _op(self, dagen_geleden: int):
        dag = VANDAAG() - dt.timedelta(days=dagen_geleden)
        return time_machine.travel(dt.datetime.combine(dag, dt.time(10), tzinfo=AMSTERDAM), tick=False)

    def _te_laat(self):
        """In behandeling since 70 days ago: its eight weeks have passed."""
        with self._op(70):
            return self.aanvraag("in_behandeling")

    def _ingebrekestelling(self):
        """Received 20 days ago, on a request received 90 days ago: the dwangsom is due to start."""
        with self._op(90):
            aanvraag = self.aanvraag("in_behandeling")
        with self._op(20):
            perform(aanvraag, "in_gebreke_stellen", self.users["lid"])
        return aanvraag.ingebrekestellingen.get()

    def _ingebrekestelling_gestopt(self):
        """Received 70 days ago: its 42 days have run, and the daily job stopped it."""
        with self._op(150):
            aanvraag = self.aanvraag("in_behandeling")
        with self._op(70):
            perform(aanvraag, "in_gebreke_stellen", self.users["lid"])
        bewaak_dwangsommen()
        return aanvraag.ingebrekestellingen.get()

    def _dwangsombetaling(self):
        ingebrekestelling = perform(self.get("ingebrekestelling_gestopt"), "dwangsom_vaststellen",
                                    self.collega["behandelaar"])
        return ingebrekestelling.betaling


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
    url = path.format(id=getattr(target, "pk", None), volgnummer=getattr(target, "volgnummer", None),
                      boekjaar=getattr(target, "boekjaar", None), actie=actie)
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
                                       "/api/audittrail", "/api/tranches"))}
    assert in_schema - in_matrix == {("post", "/api/token/", None)}


def test_auditor_is_refused_every_write_in_the_schema(db):
    """Not only the table: any operation that is not a read answers 403 to an auditor, whatever it is."""
    world = World()
    ids = {"id": world.get("concept").pk, "volgnummer": world.get("auditrecord").volgnummer,
           "boekjaar": world.get("begrotingsjaar").boekjaar, "actie": "indienen"}
    schema = SchemaGenerator().get_schema(request=None, public=True)
    writes = [(method, path) for path, operations in schema["paths"].items() for method in operations
              if method not in ("get", "head", "options") and not path.startswith("/api/token/")]
    assert len(writes) >= 9
    client = client_for(world.users[Rol.AUDITOR])
    for method, path in writes:
        response = _call(client, method, path.format(**ids), {})
        assert_error(response, 403, "geen_toestemming")


LIJSTEN = ["organisaties", "aanvragen", "subsidies", "betalingen", "beschikkingen", "tranches"]


@pytest.mark.parametrize("resource", LIJSTEN)
def test_lists_show_applicants_only_their_own_organisations_data(db, resource):
    world = World()
    eigen = world.get("betaling")  # builds a request, subsidie, betaling and beschikking of the lid's organisation
    vreemd = OrganisatieFactory()
    AanvraagFactory(organisatie=vreemd)
    subsidie = breng_naar(AanvraagFactory(organisatie=vreemd), "verleend").subsidie
    perform(subsidie, "voorschot_betalen", world.collega["behandelaar"], bedrag=Decimal("500.00"))
    assert eigen.subsidie.aanvraag.organisatie == world.organisatie
    if resource == "tranches":
        world.get("meerjarig")
        meerjarig.subsidie(world.get("meerjarige_regeling"), vreemd, [JAAR, JAAR + 1],
                           actors={**world.collega, "aanvrager": None})

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
    _, token = uitgeven(world.users[Rol.BEHANDELAAR])
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert client.get("/api/begroting/").status_code == 200
    client.credentials(HTTP_AUTHORIZATION="Token onzin")
    assert_error(client.get("/api/begroting/"), 401, "token_ongeldig")
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
    token = response.json()["token"]
    assert user.api_tokens.get().prefix == token[:8]
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert client.get("/api/organisaties/").status_code == 200
    assert_error(APIClient().post("/api/token/", {"username": "marleen", "password": "fout"}, format="json"), 400,
                 "inloggegevens_onjuist")


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
