"""The OpenAPI schema is valid and complete, and no request a client can build from it makes the server fail.

Two bounded, derandomized fuzzers, both asserting the absence of a 5xx answer, no network:
- schemathesis against the WSGI application: per operation positive and negative data plus the schema's boundary
  cases, sent with a staff token; every answer must also match the schema. Path ids mostly point at real objects in all kinds of states, so filters,
  validation and transitions run for real instead of stopping at a 404.
- Hypothesis per action: bodies made of exactly the parameters that transition takes, edge values included.
"""
import datetime as dt
import inspect
import itertools
from dataclasses import dataclass, field
from decimal import Decimal

import pytest
import schemathesis
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rest_framework import serializers as drf_serializers
from rest_framework.test import APIClient
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from access.services import uitgeven
from config.wsgi import application
from subsidies.api.serializers import TransitieSerializer
from subsidies.models import Aanvraag, Begrotingsjaar, Beschikking, Betaling, Bezwaar, Jaartranche, Subsidie
from subsidies.rollen import Rol
from subsidies.services import bezwaren
from tests.api import meerjarig
from tests.factories import (
    AanvraagFactory, BegrotingsjaarFactory, OrganisatieFactory, UserFactory, breng_naar, maak_gebruiker,
    met_twee_stappen,
)
from workflows import termijnen
from workflows.transitions import perform

JAAR = meerjarig.JAAR

SCHEMA_URL = "/api/schema/?format=json"
CONFIG = schemathesis.Config.from_dict({
    "generation": {"mode": "all", "max-examples": 12, "deterministic": True, "database": "none"},
    "phases": {"coverage": {"generation": {"mode": "positive"}}, "stateful": {"enabled": False}},
    "suppress-health-check": ["all"],
})
schema = schemathesis.openapi.from_wsgi(SCHEMA_URL, application, config=CONFIG)


def test_schema_generation_has_no_warnings_or_errors(tmp_path):
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yaml"))
    assert "/api/aanvragen/{id}/acties/{actie}/" in (tmp_path / "schema.yaml").read_text()


@pytest.mark.django_db
def test_schema_and_docs_are_served(client):
    response = client.get(SCHEMA_URL)
    assert response.status_code == 200
    document = response.json()
    assert document["openapi"].startswith("3.")
    assert {"/api/aanvragen/", "/api/begroting/", "/api/audittrail/"} <= set(document["paths"])
    assert client.get("/api/docs/").status_code == 200


def test_actions_are_documented_per_resource():
    """A client can discover every action by name from the schema."""
    parameters = schema.raw_schema["paths"]["/api/subsidies/{id}/acties/{actie}/"]["post"]["parameters"]
    actie = next(p for p in parameters if p["name"] == "actie")
    assert {"verantwoording_indienen", "vaststellen", "intrekken"} <= set(actie["schema"]["enum"])


@dataclass
class Fuzzbed:
    token: str
    ids: dict[str, list]
    draws: itertools.count = field(default_factory=itertools.count)

    def existing(self, value, resource: str):
        """Four in five generated ids become a real object's id, taking each object in turn; the rest stay."""
        known, draw = self.ids.get(resource, []), next(self.draws)
        is_id = isinstance(value, int) and not isinstance(value, bool) or isinstance(value, str) and value.isdigit()
        return known[draw % len(known)] if is_id and known and draw % 5 != 4 else value


def _bouw_fuzzbed() -> tuple[str, dict[str, list]]:
    """A staff member's token, and objects in many states for the generated requests to hit."""
    staff = met_twee_stappen(UserFactory(rollen=[Rol.BEHANDELAAR, Rol.BESLISSER, Rol.AUDITOR, Rol.BEHEERDER]))
    aanvrager, behandelaar, beslisser = (maak_gebruiker(rol) for rol in (Rol.AANVRAGER, Rol.BEHANDELAAR, Rol.BESLISSER))
    organisatie = OrganisatieFactory(leden=[aanvrager])
    regeling = AanvraagFactory().regeling
    actors = {"aanvrager": aanvrager, "behandelaar": behandelaar, "beslisser": beslisser}

    def aanvraag(status=None, **fields):
        nieuw = AanvraagFactory(organisatie=organisatie, regeling=regeling, **fields)
        return breng_naar(nieuw, status, **actors) if status else nieuw

    aanvragen = [aanvraag(), aanvraag(titel="", gevraagd_bedrag=None)]
    aanvragen += [aanvraag(status)
                  for status in ("ingediend", "in_behandeling", "in_beoordeling", "besluit_voorgesteld")]
    aanvragen.append(perform(aanvraag("in_behandeling"), "aanvulling_vragen", behandelaar, reden="Begroting mist.",
                             termijn_tot=timezone.localdate() + dt.timedelta(days=14)))
    klein, groot = aanvraag("verleend", gevraagd_bedrag=Decimal("4000")), aanvraag("verleend")
    aanvragen += [klein, groot]
    perform(groot.subsidie, "voorschot_betalen", behandelaar, bedrag=Decimal("6000"))
    betaling = groot.subsidie.betalingen.get()
    perform(betaling, "uitvoeren", behandelaar)
    perform(groot.subsidie, "voorschot_betalen", behandelaar, bedrag=Decimal("1000"))
    gevraagd = perform(aanvraag("verleend").subsidie, "verantwoording_vragen", behandelaar,
                       uiterlijk=timezone.localdate() + dt.timedelta(days=30))
    ingediend = perform(perform(aanvraag("verleend").subsidie, "verantwoording_vragen", behandelaar,
                                uiterlijk=timezone.localdate() + dt.timedelta(days=30)),
                        "verantwoording_indienen", aanvrager, activiteitenverslag="Gedaan.",
                        werkelijke_kosten=Decimal("11000"))
    subsidies = [klein.subsidie, groot.subsidie, gevraagd, ingediend]
    aanvragen, subsidies = _meerjarig(organisatie, actors, aanvragen, subsidies)
    bezwaren = _bezwaren(aanvraag, aanvrager, actors)
    ids = {
        "aanvragen": [a.pk for a in aanvragen],
        "organisaties": [organisatie.pk],
        "subsidies": [s.pk for s in subsidies],
        "betalingen": list(Betaling.objects.values_list("pk", flat=True)),
        "beschikkingen": list(Beschikking.objects.values_list("pk", flat=True)),
        "regelingen": [regeling.pk],
        "tranches": list(Jaartranche.objects.values_list("pk", flat=True)),
        "begrotingsjaren": list(Begrotingsjaar.objects.values_list("boekjaar", flat=True)),
        "bezwaren": [b.pk for b in bezwaren],
    }
    return uitgeven(staff)[1], ids


def _bezwaren(aanvraag, aanvrager, actors) -> list:
    """Objections against refusals, ingediend, in behandeling and at their hearing."""
    uit = []
    for stappen in ([], ["in_behandeling_nemen"], ["in_behandeling_nemen", "hoorzitting_plannen"]):
        geweigerd = perform(perform(aanvraag("in_beoordeling"), "besluit_voorstellen", actors["behandelaar"],
                                    uitkomst="weigeren", reden="Past niet."), "weigeren", actors["beslisser"])
        bezwaar = bezwaren.dien_in(geweigerd.beschikkingen.get(), aanvrager, gronden="Oneens.")
        for stap in stappen:
            extra = {"hoorzitting_op": termijnen.volgende_werkdag(timezone.localdate() + dt.timedelta(days=7))} \
                if stap == "hoorzitting_plannen" else {}
            bezwaar = perform(bezwaar, stap, actors["behandelaar"], **extra)
        uit.append(bezwaar)
    return uit


def _meerjarig(organisatie, actors, aanvragen, subsidies):
    """Two structural subsidies from two years ago up to next year with their tranches in every state; next year's
    budget adopted yesterday (the voorbehoud can be invoked); a multi-year request in review, a continuation proposed
    to be refused, and one subsidie ended with a phase-out."""
    regeling = meerjarig.regeling()
    jaren = range(JAAR - 2, JAAR + 2)
    eerste, tweede, derde = (meerjarig.subsidie(regeling, organisatie, jaren, actors=actors) for _ in range(3))
    BegrotingsjaarFactory(boekjaar=JAAR + 1, vastgesteld_op=timezone.localdate() - dt.timedelta(days=1))
    for subsidie, statussen in ((eerste, ["vastgesteld", "verantwoord", "werkplan_ingediend"]),
                                (tweede, ["lopend", "lopend", "definitief"])):
        for jaar, status in zip(jaren, statussen, strict=False):
            meerjarig.tranche(subsidie, jaar, status, actors=actors)
    perform(derde, "beeindigen", actors["beslisser"], grond="4:51", einde_boekjaar=JAAR + 2,
            reden="Het beleid verschuift.")
    in_beoordeling = meerjarig.aanvraag(regeling, organisatie, [JAAR + 1, JAAR + 2], "in_beoordeling", actors=actors)
    voortzetting = perform(
        meerjarig.aanvraag(regeling, organisatie, [JAAR + 2, JAAR + 3], "in_beoordeling", actors=actors,
                           voortzetting_van=tweede),
        "besluit_voorstellen", actors["behandelaar"], uitkomst="weigeren", reden="Het beleid verschuift.")
    return [*aanvragen, in_beoordeling, voortzetting], [*subsidies, eerste, tweede, derde]


@pytest.fixture(scope="module")
def _fuzz_data(django_db_setup, django_db_blocker):
    """Built once per module in a transaction rolled back at the end; every test runs in a savepoint inside it,
    so each operation's fuzzing starts from the same objects."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield _bouw_fuzzbed()
        transaction.set_rollback(True)


@pytest.fixture
def fuzzbed(_fuzz_data, db):
    token, ids = _fuzz_data
    return Fuzzbed(token, ids)


@pytest.fixture
def wsgi_keeps_test_transaction():
    """Django closes 'old' connections around each WSGI request, which would end the test's transaction."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


REFERENCES = {"regeling": "regelingen", "organisatie": "organisaties", "aanvraag": "aanvragen", "subsidie": "subsidies",
              "voortzetting_van": "subsidies", "beschikking": "beschikkingen"}


def point_at_existing(case, bed: Fuzzbed) -> None:
    """Let generated requests reach real objects: the path's id and references in the body."""
    for key in ("id", "boekjaar"):
        if case.path_parameters and key in case.path_parameters:
            case.path_parameters[key] = bed.existing(case.path_parameters[key], case.path.split("/")[2])
    if isinstance(case.body, dict):
        for name, resource in REFERENCES.items():
            if name in case.body:
                case.body[name] = bed.existing(case.body[name], resource)


@schema.parametrize()
def test_no_operation_answers_with_a_server_error(case, fuzzbed, wsgi_keeps_test_transaction):
    """No 5xx, and every answer the schema describes has the shape the schema gives."""
    point_at_existing(case, fuzzbed)
    response = case.call(headers={"Authorization": f"Token {fuzzbed.token}"})
    case.validate_response(response, checks=[not_a_server_error, response_schema_conformance])


# --- the actions, fuzzed with their own parameters ------------------------------------------------------------
# Schemathesis sees one request body for all actions of a resource, so it rarely builds a body an action accepts.
# Here every action gets bodies made of exactly the parameters its transition takes, with values from the whole
# range the API accepts (year 1 to 9999, amounts up to twelve digits), against objects in the states it starts from.
LIFECYCLES = {"aanvragen": Aanvraag, "subsidies": Subsidie, "betalingen": Betaling, "tranches": Jaartranche,
              "bezwaren": Bezwaar}
ACTIONS = sorted({(resource, t.name) for resource, model in LIFECYCLES.items()
                  for t in model._meta.get_field("status").get_all_transitions(model)})


def _values(serializer_field):
    """Hypothesis values for one TransitieSerializer field, across everything its type admits, edges included.

    Nested objects, lists and {boekjaar: bedrag} maps are built from their own fields, with now and then a value of
    the wrong shape; years lie around now (where the rules bite) or just outside what the API accepts.
    """
    verkeerd = st.sampled_from([None, "", "x", 1, [], {}])
    if isinstance(serializer_field, drf_serializers.ListSerializer):
        return st.one_of(st.lists(_values(serializer_field.child), max_size=3), verkeerd)
    if isinstance(serializer_field, drf_serializers.Serializer):
        velden = {name: _values(field) for name, field in serializer_field.fields.items()}
        return st.one_of(st.fixed_dictionaries({}, optional=velden), verkeerd)
    if isinstance(serializer_field, drf_serializers.DictField):
        jaren = st.one_of(st.integers(JAAR - 3, JAAR + 6).map(str), st.sampled_from(["0", "1899", "3000", "twee"]))
        return st.one_of(st.dictionaries(jaren, _values(serializer_field.child), max_size=4), verkeerd)
    if isinstance(serializer_field, drf_serializers.DateField):
        edges = st.sampled_from([dt.date.min, dt.date.max, timezone.localdate()])
        return st.one_of(edges, st.dates()).map(dt.date.isoformat)
    if isinstance(serializer_field, drf_serializers.DecimalField):
        edges = st.sampled_from([Decimal("0"), Decimal("-0.01"), Decimal("999999999999.99")])
        return st.one_of(edges, st.decimals(min_value=-10**12, max_value=10**12, places=2, allow_nan=False)).map(str)
    if isinstance(serializer_field, drf_serializers.ChoiceField):
        return st.sampled_from(list(serializer_field.choices))
    if isinstance(serializer_field, drf_serializers.BooleanField):
        return st.booleans()
    if isinstance(serializer_field, drf_serializers.IntegerField):  # weeks, or a year
        return st.one_of(st.integers(min_value=-3, max_value=60), st.integers(JAAR - 3, JAAR + 8),
                         st.sampled_from([1899, 2999, 3000]))
    return st.one_of(st.just(""), st.text(min_size=1, max_size=30))


def _bodies(model, actie: str):
    method = inspect.unwrap(getattr(model, actie))
    names = set(inspect.signature(method).parameters) - {"self", "user"}
    fields = TransitieSerializer().fields
    return st.fixed_dictionaries({}, optional={name: _values(fields[name]) for name in sorted(names)})


def _targets(model, actie: str, ids: list) -> list:
    sources = {t.source for t in model._meta.get_field("status").get_all_transitions(model) if t.name == actie}
    in_state = list(model.objects.filter(pk__in=ids, status__in=sources).values_list("pk", flat=True))
    return in_state or ids


@pytest.fixture
def staff_client(fuzzbed):
    """One client for all examples of a test: a new test client costs more than the request itself."""
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {fuzzbed.token}")
    return client


@pytest.mark.parametrize(("resource", "actie"), ACTIONS, ids=[f"{r}.{a}" for r, a in ACTIONS])
@settings(max_examples=20, derandomize=True, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_no_action_answers_with_a_server_error(fuzzbed, staff_client, resource, actie, data):
    model = LIFECYCLES[resource]
    pk = data.draw(st.sampled_from(_targets(model, actie, fuzzbed.ids[resource])), label="id")
    body = data.draw(_bodies(model, actie), label="body")
    with transaction.atomic():  # every example meets the same objects
        response = staff_client.post(f"/api/{resource}/{pk}/acties/{actie}/", body, format="json")
        transaction.set_rollback(True)
    assert response.status_code < 500
