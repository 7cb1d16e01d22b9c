"""Malformed input on the multi-year path: a 400 in the one error shape that changes nothing, never a 500.

Every new action parameter, the draft's meerjarenbegroting, werkplan and continuation. The objects are built once
for this module (a structural subsidie with its tranches, requests in review) and every test runs in a savepoint.
"""
import pytest
from django.db import transaction

from subsidies.rollen import Rol
from tests.api import assert_error, client_for, meerjarig
from tests.conftest import database_state
from tests.factories import OrganisatieFactory, maak_gebruiker
from workflows.transitions import perform

JAAR = meerjarig.JAAR


def _ok(response, status: int = 200):
    assert response.status_code == status, response.content
    return response.json()


@pytest.fixture(scope="module")
def _wereld_module(django_db_setup, django_db_blocker):
    """Built once for this module in a transaction rolled back at the end; each test runs in a savepoint."""
    with django_db_blocker.unblock(), transaction.atomic():
        lid, buitenstaander = maak_gebruiker(Rol.AANVRAGER), maak_gebruiker(Rol.AANVRAGER)
        organisatie, vreemd = OrganisatieFactory(leden=[lid]), OrganisatieFactory(leden=[buitenstaander])
        actors = {"aanvrager": lid, "behandelaar": maak_gebruiker(Rol.BEHANDELAAR),
                  "beslisser": maak_gebruiker(Rol.BESLISSER)}
        regeling = meerjarig.regeling()
        subsidie = meerjarig.subsidie(regeling, organisatie, range(JAAR - 2, JAAR + 2), actors=actors)
        vorige = meerjarig.subsidie(regeling, vreemd, [JAAR - 1, JAAR], actors={**actors, "aanvrager": None})
        voortzetting = perform(
            meerjarig.aanvraag(regeling, organisatie, [JAAR + 2, JAAR + 3], "in_beoordeling", actors=actors,
                               voortzetting_van=subsidie),
            "besluit_voorstellen", actors["behandelaar"], uitkomst="weigeren", reden="Het beleid verschuift.")
        objecten = {
            "concept": meerjarig.aanvraag(regeling, organisatie, [JAAR + 1, JAAR + 2]),
            "in_beoordeling": meerjarig.aanvraag(regeling, organisatie, [JAAR + 1, JAAR + 2], "in_beoordeling",
                                                 actors=actors),
            "definitief": meerjarig.tranche(subsidie, JAAR, "definitief", actors=actors),
            "lopend": meerjarig.tranche(subsidie, JAAR - 1, "lopend", actors=actors),
            "subsidie": subsidie, "vreemde_subsidie": vorige, "voortzetting": voortzetting,
        }
        yield {name: obj.pk for name, obj in objecten.items()}, {**actors, "buitenstaander": buitenstaander}
        transaction.set_rollback(True)


@pytest.fixture
def wereld(_wereld_module, db):
    return _wereld_module


def _lang(n: int) -> str:
    return "x" * n


MALFORMED_ACTIONS = [
    # (target, actie, payload, code); the behandelaar acts, except where the beslisser must
    ("in_beoordeling", "besluit_voorstellen", {"jaarbedragen": "veel"}, "ongeldige_invoer"),
    ("in_beoordeling", "besluit_voorstellen", {"jaarbedragen": {str(JAAR + 1): "-5.00"}}, "ongeldige_invoer"),
    ("in_beoordeling", "besluit_voorstellen", {"jaarbedragen": {"volgend jaar": "5.00"}}, "ongeldige_invoer"),
    ("in_beoordeling", "besluit_voorstellen", {"jaarbedragen": {"20270": "5.00"}}, "ongeldige_invoer"),
    ("in_beoordeling", "besluit_voorstellen", {"jaarbedragen": {str(JAAR + 1): "1" * 20}}, "ongeldige_invoer"),
    ("in_beoordeling", "besluit_voorstellen", {"jaarbedragen": {str(JAAR + 5): "5.00"}}, "jaarbedragen_ongeldig"),
    ("in_beoordeling", "besluit_voorstellen", {"voorwaarden": "ja"}, "ongeldige_invoer"),
    ("in_beoordeling", "besluit_voorstellen", {"voorwaarden": {"indexeren": "misschien"}}, "ongeldige_invoer"),
    ("in_beoordeling", "besluit_voorstellen", {"voorwaarden": {"voorschotschema": "wekelijks"}}, "ongeldige_invoer"),
    ("in_beoordeling", "besluit_voorstellen", {"voorwaarden": {"indexatie": True}}, "ongeldige_invoer"),
    ("definitief", "werkplan_indienen", {"werkplan": "Plan.", "doelen": "veel"}, "ongeldige_invoer"),
    ("definitief", "werkplan_indienen", {"werkplan": "Plan.", "doelen": [1, 2]}, "ongeldige_invoer"),
    ("definitief", "werkplan_indienen", {"werkplan": "Plan.", "doelen": [{"doel": "x", "budget": 5}]},
     "ongeldige_invoer"),
    ("definitief", "werkplan_indienen", {"werkplan": "Plan.", "doelen": [{"doel": "x"}] * 51}, "ongeldige_invoer"),
    ("definitief", "werkplan_indienen", {"werkplan": "Plan.", "doelen": [{"kernactiviteit": "Inloop"}]},
     "doelen_ongeldig"),
    ("definitief", "werkplan_indienen", {"werkplan": _lang(20001)}, "ongeldige_invoer"),
    ("definitief", "werkplan_indienen", {"werkplan": "  "}, "werkplan_leeg"),
    ("lopend", "jaarverantwoording_indienen", {"activiteitenverslag": "Gedaan.", "werkelijke_kosten": "10.00",
                                               "eigen_inkomsten": "-1.00"}, "ongeldige_invoer"),
    ("lopend", "jaarverantwoording_indienen", {"activiteitenverslag": "Gedaan.", "werkelijke_kosten": "10.00",
                                               "resultaten": {"doel": "x"}}, "ongeldige_invoer"),
    ("lopend", "jaarverantwoording_indienen", {"activiteitenverslag": "Gedaan.", "werkelijke_kosten": "10.00",
                                               "resultaten": [{"score": 5}]}, "ongeldige_invoer"),
    ("subsidie", "beeindigen", {"grond": "4:52", "einde_boekjaar": JAAR + 1, "reden": "Beleid."}, "ongeldige_invoer"),
    ("subsidie", "beeindigen", {"grond": "4:51", "einde_boekjaar": "volgend jaar", "reden": "Beleid."},
     "ongeldige_invoer"),
    ("subsidie", "beeindigen", {"grond": "4:51", "einde_boekjaar": 3000, "reden": "Beleid."}, "ongeldige_invoer"),
    ("subsidie", "beeindigen", {"grond": "4:51", "einde_boekjaar": JAAR, "reden": "Beleid."}, "opzegtermijn_te_kort"),
    ("subsidie", "beeindigen", {"grond": "4:51", "einde_boekjaar": JAAR + 2, "reden": "Beleid.",
                                "afbouw": {str(JAAR + 2): "-1.00"}}, "ongeldige_invoer"),
    ("subsidie", "beeindigen", {"grond": "4:51", "einde_boekjaar": JAAR + 2, "reden": "Beleid.",
                                "afbouw": [str(JAAR + 2)]}, "ongeldige_invoer"),
    ("subsidie", "beeindigen", {"grond": "4:50", "einde_boekjaar": JAAR, "reden": "Beleid.",
                                "compensatie": "-0.01"}, "ongeldige_invoer"),
    ("subsidie", "beeindigen", {"grond": "4:50", "einde_boekjaar": JAAR, "reden": "Beleid.",
                                "compensatie": "veel"}, "ongeldige_invoer"),
    ("voortzetting", "weigeren", {"einde_boekjaar": 1899}, "ongeldige_invoer"),
    ("voortzetting", "weigeren", {}, "opzegtermijn_verplicht"),
]
RESOURCE = {"in_beoordeling": "aanvragen", "voortzetting": "aanvragen", "subsidie": "subsidies",
            "definitief": "tranches", "lopend": "tranches"}


@pytest.mark.parametrize(("target", "actie", "payload", "code"), MALFORMED_ACTIONS,
                         ids=[f"{actie}-{i}" for i, (_, actie, _, _) in enumerate(MALFORMED_ACTIONS)])
def test_malformed_action_input_is_a_400_that_changes_nothing(wereld, target, actie, payload, code):
    ids, actors = wereld
    acting = actors["beslisser"] if actie in ("beeindigen", "weigeren") else actors["behandelaar"]
    payload = {"uitkomst": "verlenen", "reden": "Past.", **payload} if actie == "besluit_voorstellen" else payload
    before = database_state()
    response = client_for(acting).post(f"/api/{RESOURCE[target]}/{ids[target]}/acties/{actie}/", payload,
                                       format="json")
    body = assert_error(response, 400, code)
    if code == "ongeldige_invoer":
        assert body["details"], body
    assert database_state() == before


MALFORMED_DRAFTS = [
    ("jaarbedragen", {"jaarbedragen": [{"boekjaar": JAAR + 1, "gevraagd_bedrag": "10.00"},
                                       {"boekjaar": JAAR + 1, "gevraagd_bedrag": "20.00"}]}),
    ("jaarbedragen", {"jaarbedragen": [{"boekjaar": JAAR + 1, "gevraagd_bedrag": "0.00"}]}),
    ("jaarbedragen", {"jaarbedragen": [{"boekjaar": 1066, "gevraagd_bedrag": "10.00"}]}),
    ("jaarbedragen", {"jaarbedragen": {str(JAAR + 1): "10.00"}}),
    ("jaarbedragen", {"jaarbedragen": [{"boekjaar": JAAR + 1 + i, "gevraagd_bedrag": "1.00"} for i in range(21)]}),
    ("werkplan", {"werkplan": _lang(20001)}),
    ("voortzetting_van", {"voortzetting_van": "vreemde_subsidie"}),
    ("voortzetting_van", {"voortzetting_van": 987654}),
    ("na_aanvraagtermijn", {"na_aanvraagtermijn": True, "titel": _lang(201)}),  # read-only: only titel is refused
]


@pytest.mark.parametrize("who", ["aanvrager", "behandelaar"])
@pytest.mark.parametrize(("field", "payload"), MALFORMED_DRAFTS, ids=[f"{f}-{i}" for i, (f, _) in
                                                                        enumerate(MALFORMED_DRAFTS)])
def test_malformed_draft_is_refused_per_field_and_keeps_what_was_typed(wereld, who, field, payload):
    ids, actors = wereld
    payload = {k: ids.get(v, v) if isinstance(v, str) else v for k, v in payload.items()}
    before = database_state()
    body = assert_error(client_for(actors[who]).patch(f"/api/aanvragen/{ids['concept']}/", payload, format="json"),
                        400, "ongeldige_invoer")
    assert set(body["details"]) == ({"titel"} if field == "na_aanvraagtermijn" else {field})
    assert database_state() == before


def test_a_continuation_must_continue_the_own_organisations_subsidie(wereld):
    """An applicant cannot tell another organisation's subsidie from none; an officer is told why."""
    ids, actors = wereld
    url = f"/api/aanvragen/{ids['concept']}/"
    for who, tekst in (("aanvrager", "eigen organisatie"), ("behandelaar", "dezelfde organisatie")):
        body = assert_error(client_for(actors[who]).patch(url, {"voortzetting_van": ids["vreemde_subsidie"]},
                                                          format="json"), 400, "ongeldige_invoer")
        assert tekst in body["details"]["voortzetting_van"][0] and "organisation" in body["details"][
            "voortzetting_van"][0]
    eigen = _ok(client_for(actors["aanvrager"]).patch(url, {"voortzetting_van": ids["subsidie"]}, format="json"))
    assert eigen["voortzetting_van"] == ids["subsidie"]
    assert_error(client_for(actors["buitenstaander"]).patch(url, {"titel": "x"}, format="json"), 404)


def test_jaarbedragen_left_out_stay_and_sent_ones_replace(wereld):
    ids, actors = wereld
    client, url = client_for(actors["aanvrager"]), f"/api/aanvragen/{ids['concept']}/"
    voor = _ok(client.get(url))["jaarbedragen"]
    assert _ok(client.patch(url, {"titel": "Nieuwe titel", "werkplan": "Nieuw plan."}, format="json"))[
        "jaarbedragen"] == voor
    nieuw = [{"boekjaar": JAAR + 1, "gevraagd_bedrag": "50000.00"}]
    assert [(j["boekjaar"], j["gevraagd_bedrag"]) for j in _ok(client.patch(url, {"jaarbedragen": nieuw},
                                                                            format="json"))["jaarbedragen"]] == [
        (JAAR + 1, "50000.00")]
