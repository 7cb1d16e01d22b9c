"""The multi-year path through the API: what a portal, a workbench, a beheerder and an auditor do with it.

One structural request from draft to its second boekjaar with the clock moving on; the council's budget years
(beheerder only, audited); the meerjarenraming that adds up in a constant number of queries; every malformed new
field answered with a 400 that changes nothing; and the admin as the beheerder's face on tranches.
"""
import datetime as dt
from decimal import Decimal

import pytest

from subsidies.models import Begrotingsjaar, Budget, Jaartranche, Verplichting
from subsidies.rollen import Rol
from tests.api import assert_error, client_for, meerjarig
from tests.conftest import database_state
from tests.factories import (
    BegrotingspostFactory, BudgetFactory, FondsbronFactory, OrganisatieFactory, UserFactory, maak_gebruiker,
    meerjarige_regeling,
)
from workflows.models import AuditRecord
from workflows.transitions import perform

JAAR = meerjarig.JAAR


def _act(client, resource: str, pk: int, actie: str, **data) -> dict:
    response = client.post(f"/api/{resource}/{pk}/acties/{actie}/", data, format="json")
    assert response.status_code == 200, (actie, response.content)
    return response.json()


def _ok(response, status: int = 200):
    assert response.status_code == status, response.content
    return response.json()


# --- one structural request, from draft to its second year ------------------------------------------------
def test_multi_year_request_from_draft_through_two_boekjaren(organisatie, aanvrager, behandelaar, beheerder,
                                                              vandaag):
    vandaag(dt.date(2027, 9, 1))
    regeling = meerjarige_regeling(2028, 3)
    beslisser = maak_gebruiker(Rol.BESLISSER)
    portal, werkbank, beheer = client_for(aanvrager), client_for(behandelaar), client_for(beheerder)
    auditor = client_for(UserFactory(rollen=[Rol.AUDITOR]))

    # The applicant drafts a three-year request with a meerjarenbegroting and a werkplan for the first year.
    concept = _ok(portal.post("/api/aanvragen/", {
        "regeling": regeling.pk, "organisatie": organisatie.pk, "titel": "Huiskamer van de wijk",
        "omschrijving": "Een dagelijkse inloop voor ouderen die alleen wonen.", "gevraagd_bedrag": "270000.00",
        "periode_van": "2028-01-01", "periode_tot": "2030-12-31", "werkplan": "Inloop op werkdagen, huisbezoeken.",
        "jaarbedragen": [{"boekjaar": 2028, "gevraagd_bedrag": "90000.00"},
                         {"boekjaar": 2029, "gevraagd_bedrag": "90000.00"}],
    }, format="json"), 201)
    pk = concept["id"]
    assert [(j["boekjaar"], j["gevraagd_bedrag"], j["voorstel_bedrag"]) for j in concept["jaarbedragen"]] == [
        (2028, "90000.00", None), (2029, "90000.00", None)]

    # Editing another field keeps the yearly amounts; a submission that does not add up keeps the whole draft.
    _ok(portal.patch(f"/api/aanvragen/{pk}/", {"titel": "De Huiskamer"}, format="json"))
    body = assert_error(portal.post(f"/api/aanvragen/{pk}/acties/indienen/", {}, format="json"), 400,
                        "meerjarenbegroting_onvolledig")
    assert body["details"]["velden"] == ["jaarbedragen"]
    draft = _ok(portal.get(f"/api/aanvragen/{pk}/"))
    assert (draft["titel"], len(draft["jaarbedragen"]), draft["status"]) == ("De Huiskamer", 2, "concept")
    jaarbedragen = [{"boekjaar": jaar, "gevraagd_bedrag": "90000.00"} for jaar in (2028, 2029, 2030)]
    assert len(_ok(portal.patch(f"/api/aanvragen/{pk}/", {"jaarbedragen": jaarbedragen},
                                format="json"))["jaarbedragen"]) == 3
    ingediend = _act(portal, "aanvragen", pk, "indienen")
    assert (ingediend["status"], ingediend["na_aanvraagtermijn"]) == ("ingediend", False)

    # The officer proposes lower for the first year, with indexation, quarterly advances and a reserve.
    _act(werkbank, "aanvragen", pk, "in_behandeling_nemen")
    _act(werkbank, "aanvragen", pk, "volledig_verklaren")
    voorwaarden = {"indexeren": True, "voorschotschema": "kwartaal", "egalisatiereserve": True}
    voorstel = _act(werkbank, "aanvragen", pk, "besluit_voorstellen", uitkomst="verlenen",
                    reden="Past binnen de nota; het eerste jaar is een opstartjaar.", voorwaarden=voorwaarden,
                    jaarbedragen={"2028": "85000.00", "2029": "90000.00", "2030": "90000.00"})
    assert voorstel["voorstel_bedrag"] == "265000.00"
    assert voorstel["voorstel_voorwaarden"] == voorwaarden
    assert [j["voorstel_bedrag"] for j in voorstel["jaarbedragen"]] == ["85000.00", "90000.00", "90000.00"]
    assert _act(client_for(beslisser), "aanvragen", pk, "verlenen")["status"] == "verleend"

    # One subsidie, three tranches, all under the begrotingsvoorbehoud until the council adopts each year's budget.
    subsidie = _ok(portal.get("/api/subsidies/", {"aanvraag": pk}))["results"][0]
    sid = subsidie["id"]
    assert {k: subsidie[k] for k in ("structureel", "eerste_boekjaar", "laatste_boekjaar", "indexeren",
                                     "voorschotschema", "egalisatiereserve", "reserve_saldo", "beeindiging")} == {
        "structureel": True, "eerste_boekjaar": 2028, "laatste_boekjaar": 2030, "indexeren": True,
        "voorschotschema": "kwartaal", "egalisatiereserve": True, "reserve_saldo": "0.00", "beeindiging": None}
    assert [(t["boekjaar"], t["bedrag"], t["status"], t["voorwaardelijk"]) for t in subsidie["tranches"]] == [
        (2028, "85000.00", "gepland", True), (2029, "90000.00", "gepland", True), (2030, "90000.00", "gepland", True)]
    tranches = _ok(portal.get("/api/tranches/", {"subsidie": sid}))["results"]
    ids = {t["boekjaar"]: t["id"] for t in tranches}
    assert [t["publieke_status"]["nl"] for t in tranches] == ["Gepland, onder voorbehoud van de begroting"] * 3

    # The beheerder records the council's budget 2028; the day after, the officer confirms the first year, whose
    # werkplan came with the request, and approves it.
    _ok(beheer.post("/api/begrotingsjaren/", {"boekjaar": 2028, "vastgesteld_op": "2027-11-09"}, format="json"), 201)
    vandaag(dt.date(2027, 11, 10))
    assert _act(werkbank, "tranches", ids[2028], "definitief_maken")["status"] == "werkplan_ingediend"
    assert _ok(portal.get(f"/api/tranches/{ids[2028]}/acties/")) == []  # nothing for the applicant to do now
    assert _act(werkbank, "tranches", ids[2028], "werkplan_goedkeuren")["status"] == "lopend"

    # The payment run plans the first quarter's advance once, however often it runs.
    vandaag(dt.date(2028, 1, 2))
    run = _ok(werkbank.post("/api/betalingen/betaalrun/", {}, format="json"))
    assert run["aantal"] == 1
    assert [(b["subsidie"], b["soort"], b["bedrag"], b["gepland_op"]) for b in run["betalingen"]] == [
        (sid, "voorschot", "21250.00", "2028-01-01")]
    assert _ok(werkbank.post("/api/betalingen/betaalrun/", {"peildatum": "2028-01-02"}, format="json"))["aantal"] == 0
    _act(werkbank, "betalingen", run["betalingen"][0]["id"], "uitvoeren")

    # Budget 2029 with 2.5% compensation: that year is indexed when it becomes definitive.
    _ok(beheer.post("/api/begrotingsjaren/", {"boekjaar": 2029, "vastgesteld_op": "2028-11-08"}, format="json"), 201)
    _ok(beheer.patch("/api/begrotingsjaren/2029/", {"indexatie_percentage": "2.50"}, format="json"))
    vandaag(dt.date(2028, 12, 10))
    assert _act(werkbank, "tranches", ids[2029], "definitief_maken")["bedrag"] == "92250.00"
    werkplan = _act(portal, "tranches", ids[2029], "werkplan_indienen", werkplan="Inloop en een mantelzorgcafé.",
                    doelen=meerjarig.DOELEN)
    assert (werkplan["status"], werkplan["doelen"]) == ("werkplan_ingediend", meerjarig.DOELEN)
    _act(werkbank, "tranches", ids[2029], "werkplan_goedkeuren")

    # What next years' budgets are already promised: 2030 is still conditional.
    raming = _ok(auditor.get("/api/begroting/meerjarenraming/",
                             {"vanaf": 2028, "begrotingspost": regeling.begrotingspost_id}))
    assert [(r["boekjaar"], r["begroting_vastgesteld"], r["definitief_verplicht"], r["voorwaardelijk_verplicht"])
            for r in raming[:3]] == [(2028, True, "85000.00", "0.00"), (2029, True, "92250.00", "0.00"),
                                     (2030, False, "0.00", "90000.00")]

    # The report on 2028 came in; costs stayed € 5,000 under the subsidy, which goes to the reserve (Awb 4:72).
    vandaag(dt.date(2029, 2, 1))
    _act(portal, "tranches", ids[2028], "jaarverantwoording_indienen", activiteitenverslag="230 inloopdagen.",
         werkelijke_kosten="80000.00", eigen_inkomsten="0.00", resultaten=meerjarig.RESULTATEN)
    vastgesteld = _act(werkbank, "tranches", ids[2028], "vaststellen")
    assert (vastgesteld["status"], vastgesteld["vastgesteld_bedrag"]) == ("vastgesteld", "85000.00")
    reserve = _ok(portal.get(f"/api/subsidies/{sid}/reserve/"))
    assert reserve["saldo"] == "5000.00"
    assert [(m["boekjaar"], m["soort"], m["bedrag"], m["saldo_na"]) for m in reserve["mutaties"]] == [
        (2028, "dotatie", "5000.00", "5000.00")]
    assert _ok(portal.get(f"/api/subsidies/{sid}/"))["reserve_saldo"] == "5000.00"

    # Past the deadline for the 2029 report the officer's queue shows it as late.
    vandaag(dt.date(2030, 7, 15))
    te_laat = _ok(werkbank.get("/api/tranches/", {"te_laat": "true", "subsidie": sid}))["results"]
    assert [(t["boekjaar"], t["te_laat"]) for t in te_laat] == [(2029, True)]
    assert [t["boekjaar"] for t in _ok(werkbank.get("/api/tranches/", {"te_laat": "false", "subsidie": sid}))[
        "results"]] == [2028, 2030]

    # The auditor reads each year's story from the trail.
    trail = _ok(auditor.get("/api/audittrail/", {"object_type": "subsidies.jaartranche", "object_id": ids[2028],
                                                 "actie": "overgang"}))["results"]
    assert [(r["handeling"], r["naar_status"]) for r in trail] == [
        ("definitief_maken", "werkplan_ingediend"), ("werkplan_goedkeuren", "lopend"),
        ("jaarverantwoording_indienen", "verantwoord"), ("vaststellen", "vastgesteld")]


def test_ending_after_three_years_shows_the_notice_term_and_the_phase_out(organisatie, aanvrager, behandelaar,
                                                                          beslisser):
    actors = {"aanvrager": aanvrager, "behandelaar": behandelaar, "beslisser": maak_gebruiker(Rol.BESLISSER)}
    subsidie = meerjarig.subsidie(meerjarig.regeling(), organisatie, range(JAAR - 2, JAAR + 2), actors=actors)

    beeindigd = _act(client_for(beslisser), "subsidies", subsidie.pk, "beeindigen", grond="4:51",
                     einde_boekjaar=JAAR + 2, reden="Het beleid verschuift naar de wijkteams.")

    assert {k: beeindigd["beeindiging"][k] for k in ("grond", "laatste_boekjaar", "gesubsidieerde_jaren",
                                                     "compensatie")} == {
        "grond": "4:51", "laatste_boekjaar": JAAR + 2, "gesubsidieerde_jaren": 3, "compensatie": "0.00"}
    assert beeindigd["laatste_boekjaar"] == JAAR + 2
    afbouw = _ok(client_for(aanvrager).get("/api/tranches/", {"subsidie": subsidie.pk, "afbouw": "true"}))["results"]
    assert [(t["boekjaar"], t["bedrag"], t["afbouw"]) for t in afbouw] == [(JAAR + 2, "50000.00", True)]


# --- the council's budget years -----------------------------------------------------------------------------
def test_only_a_beheerder_records_budget_years_and_every_change_is_in_the_trail(beheerder, behandelaar, auditor):
    nieuw = {"boekjaar": JAAR + 1, "vastgesteld_op": f"{JAAR}-11-12", "indexatie_percentage": "2.40"}
    for user in (behandelaar, auditor):
        assert_error(client_for(user).post("/api/begrotingsjaren/", nieuw, format="json"), 403, "geen_toestemming")
    assert not Begrotingsjaar.objects.exists()

    beheer = client_for(beheerder)
    assert _ok(beheer.post("/api/begrotingsjaren/", nieuw, format="json"), 201) == nieuw
    gewijzigd = {**nieuw, "indexatie_percentage": "2.60"}
    _ok(beheer.put(f"/api/begrotingsjaren/{JAAR + 1}/", gewijzigd, format="json"))
    assert _ok(client_for(auditor).get("/api/begrotingsjaren/"))["results"] == [gewijzigd]

    records = AuditRecord.objects.filter(object_type__model="begrotingsjaar").order_by("volgnummer")
    assert [(r.actie, r.actor) for r in records] == [("aangemaakt", beheerder), ("gewijzigd", beheerder)]
    assert records.last().wijzigingen == {"indexatie_percentage": ["2.40", "2.60"]}


@pytest.mark.parametrize(("method", "payload", "field"), [
    ("post", {"boekjaar": JAAR + 1}, "boekjaar"),  # exists already
    ("post", {"boekjaar": 1899}, "boekjaar"),
    ("post", {"boekjaar": JAAR + 2, "vastgesteld_op": f"{JAAR + 3}-01-05"}, "vastgesteld_op"),
    ("post", {"boekjaar": JAAR + 2, "indexatie_percentage": "-100.00"}, "indexatie_percentage"),
    ("post", {"boekjaar": JAAR + 2, "indexatie_percentage": "veel"}, "indexatie_percentage"),
    ("put", {"boekjaar": JAAR + 4}, "boekjaar"),  # a budget year keeps its year
])
def test_malformed_budget_year_is_refused_per_field(beheerder, method, payload, field):
    Begrotingsjaar.objects.create(boekjaar=JAAR + 1)
    before = database_state()
    path = "/api/begrotingsjaren/" + (f"{JAAR + 1}/" if method == "put" else "")
    body = assert_error(getattr(client_for(beheerder), method)(path, payload, format="json"), 400, "ongeldige_invoer")
    assert set(body["details"]) == {field}
    assert database_state() == before


# --- the meerjarenraming ------------------------------------------------------------------------------------
RAMINGJAREN = range(JAAR - 2, JAAR + 5)


def _raming_wereld(subsidies: int):
    """Two begrotingsposten × two fondsbronnen over seven years, and structural subsidies from two years ago to next
    year on the first post: the years up to now definitive, next year still conditional."""
    posten = [BegrotingspostFactory() for _ in range(2)]
    bronnen = [FondsbronFactory(), FondsbronFactory(code="spuk", naam="SPUK", soort="spuk")]
    for post in posten:
        for bron in bronnen:
            for jaar in RAMINGJAREN:
                BudgetFactory(begrotingspost=post, fondsbron=bron, boekjaar=jaar, bedrag=Decimal("2000000.00"))
    regeling = meerjarige_regeling(JAAR - 2, 4, begrotingspost=posten[0], fondsbron=bronnen[0],
                                   aanvraag_uiterlijk_dag=31, aanvraag_uiterlijk_maand=12)
    actors = {"aanvrager": None, "behandelaar": maak_gebruiker(Rol.BEHANDELAAR),
              "beslisser": maak_gebruiker(Rol.BESLISSER)}
    for _ in range(subsidies):
        subsidie = meerjarig.subsidie(regeling, OrganisatieFactory(), range(JAAR - 2, JAAR + 2), actors=actors)
        for tranche in subsidie.tranches.filter(boekjaar__lte=JAAR):
            perform(tranche, "definitief_maken", actors["behandelaar"])
    return posten, bronnen


@pytest.mark.parametrize("subsidies", [1, 4])
def test_meerjarenraming_adds_up_in_a_constant_number_of_queries(behandelaar, subsidies,
                                                                  django_assert_max_num_queries):
    posten, bronnen = _raming_wereld(subsidies)
    client = client_for(behandelaar)
    with django_assert_max_num_queries(2):  # the user's roles, and the raming
        rows = _ok(client.get("/api/begroting/meerjarenraming/", {"vanaf": JAAR - 1}))

    assert len(rows) == 2 * 2 * 6 and {r["boekjaar"] for r in rows} == set(RAMINGJAREN[1:])
    assert {r["gebied"] for r in rows} == {None}  # no area budgets here
    assert [(r["begrotingspost"], r["fondsbron"], r["boekjaar"]) for r in rows] == sorted(
        (r["begrotingspost"], r["fondsbron"], r["boekjaar"]) for r in rows)
    for row in rows:
        verplichtingen = Verplichting.objects.filter(budget_id=row["id"])
        assert Decimal(row["definitief_verplicht"]) == sum(
            v.bedrag for v in verplichtingen if not v.voorwaardelijk)
        assert Decimal(row["voorwaardelijk_verplicht"]) == sum(v.bedrag for v in verplichtingen if v.voorwaardelijk)
        assert Decimal(row["vrij"]) + Decimal(row["definitief_verplicht"]) + Decimal(
            row["voorwaardelijk_verplicht"]) == Decimal(row["raming"]) == Budget.objects.get(pk=row["id"]).bedrag
        assert row["begroting_vastgesteld"] is (row["boekjaar"] <= JAAR)
    per_jaar = {r["boekjaar"]: r for r in rows if r["begrotingspost"] == posten[0].naam
                and r["fondsbron"] == bronnen[0].naam}
    per_subsidie = meerjarig.BEDRAG * subsidies
    assert (per_jaar[JAAR]["definitief_verplicht"], per_jaar[JAAR]["voorwaardelijk_verplicht"]) == (
        str(per_subsidie), "0.00")
    assert (per_jaar[JAAR + 1]["definitief_verplicht"], per_jaar[JAAR + 1]["voorwaardelijk_verplicht"]) == (
        "0.00", str(per_subsidie))
    assert per_jaar[JAAR + 2]["vrij"] == per_jaar[JAAR + 2]["raming"]

    assert {r["boekjaar"] for r in _ok(client.get("/api/begroting/meerjarenraming/"))} == set(RAMINGJAREN[2:])
    assert_error(client.get("/api/begroting/meerjarenraming/", {"vanaf": "volgend jaar"}), 400, "ongeldige_invoer")


@pytest.mark.parametrize("subsidies", [1, 4])
def test_tranche_and_subsidie_lists_run_a_constant_number_of_queries(behandelaar, subsidies,
                                                                     django_assert_max_num_queries):
    _raming_wereld(subsidies)
    client = client_for(behandelaar)
    with django_assert_max_num_queries(3):  # roles, count, the page with its subsidie, request and organisation
        assert _ok(client.get("/api/tranches/", {"page_size": 100}))["count"] == 4 * subsidies
    with django_assert_max_num_queries(6):  # roles, count, page, commitments, payments, tranches
        assert _ok(client.get("/api/subsidies/", {"page_size": 100}))["count"] == subsidies


@pytest.mark.parametrize("peildatum", ["morgen", "9999-12-31", str(dt.date(JAAR + 1, 1, 1))])
def test_payment_run_refuses_a_date_that_is_not_today_or_earlier(behandelaar, peildatum):
    before = database_state()
    body = assert_error(client_for(behandelaar).post("/api/betalingen/betaalrun/", {"peildatum": peildatum},
                                                     format="json"), 400, "ongeldige_invoer")
    assert set(body["details"]) == {"peildatum"}
    assert database_state() == before


# --- the admin: tranches change only through their transitions; budget years are edited there too ---------
def test_admin_confirms_a_tranche_through_its_transition(admin_client, behandelaar, organisatie, aanvrager):
    actors = {"aanvrager": aanvrager, "behandelaar": maak_gebruiker(Rol.BEHANDELAAR),
              "beslisser": maak_gebruiker(Rol.BESLISSER)}
    subsidie = meerjarig.subsidie(meerjarig.regeling(), organisatie, range(JAAR - 2, JAAR + 2), actors=actors)
    tranche, later = subsidie.tranches.get(boekjaar=JAAR), subsidie.tranches.get(boekjaar=JAAR + 1)

    page = admin_client.post("/admin/subsidies/jaartranche/", {
        "action": "actie_definitief_maken", "_selected_action": [tranche.pk, later.pk]}, follow=True).content.decode()

    assert "nog niet vastgesteld" in page  # next year's budget is not adopted: refused with its reason
    assert list(Jaartranche.objects.filter(pk__in=[tranche.pk, later.pk]).order_by("boekjaar")
                .values_list("status", flat=True)) == ["definitief", "gepland"]
    record = AuditRecord.objects.get(object_type__model="jaartranche", object_id=str(tranche.pk),
                                     handeling="definitief_maken")
    assert (record.van_status, record.naar_status, record.actor) == ("gepland", "definitief", behandelaar)
    form = admin_client.get(f"/admin/subsidies/jaartranche/{tranche.pk}/change/").content.decode()
    assert 'name="status"' not in form and 'name="bedrag"' not in form and 'name="verantwoording_uiterlijk"' in form
    assert admin_client.get("/admin/subsidies/jaartranche/add/").status_code == 403
    assert admin_client.get("/admin/subsidies/reservemutatie/add/").status_code == 403
    aanvraag = admin_client.get(f"/admin/subsidies/aanvraag/{subsidie.aanvraag_id}/change/").content.decode()
    assert "meerjarenbegroting" in aanvraag.lower()


def test_admin_edits_a_budget_year_in_the_trail(admin_client, behandelaar):
    response = admin_client.post("/admin/subsidies/begrotingsjaar/add/", {
        "boekjaar": JAAR + 1, "vastgesteld_op": f"{JAAR}-11-12", "indexatie_percentage": "2.10"})
    assert response.status_code == 302, response.content.decode()[:2000]
    record = AuditRecord.objects.get(object_type__model="begrotingsjaar")
    assert (record.actie, record.actor) == ("aangemaakt", behandelaar)
