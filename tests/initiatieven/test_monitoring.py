"""The council's figures: funded initiatives of a boekjaar with amounts and reach, per soort, gebied, theme and
dimension of positieve gezondheid — adding up, in a constant number of queries, for staff, auditors and beheerders."""
import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from initiatieven.models import Dimensie, Soort
from initiatieven.services.bereik import meld_bereik
from initiatieven.services.monitoring import CIJFERS, cijfers
from subsidies.rollen import Rol
from tests.api import assert_error, client_for
from tests.factories import AanvraagFactory, PlafondFactory, breng_naar, maak_gebruiker
from workflows.transitions import perform

from .factories import InitiatiefgroepFactory, bewonersinitiatief, maatschappelijk_initiatief

pytestmark = pytest.mark.django_db
JAAR = timezone.localdate().year
URL = "/api/monitoring/initiatieven/"
D = Decimal


@pytest.fixture
def gefinancierd(regeling, mi_regeling, oost, west, organisatie, aanvrager, beslisser):
    """Funded this year: two bewonersinitiatieven (Oost, West; settled at verlening) and a maatschappelijk
    initiatief without a gebied. Not counted: a withdrawn award, a refusal, next year's and another family's."""
    in_oost = bewonersinitiatief(regeling, InitiatiefgroepFactory(gebied=oost, leden=[aanvrager]), bedrag="1500.00")
    in_oost.initiatief.themas.add(*_themas("ouderen"))
    in_west = bewonersinitiatief(regeling, InitiatiefgroepFactory(gebied=west, leden=[aanvrager]), bedrag="2000.00")
    in_west.initiatief.themas.set(_themas("sport"))
    in_west.initiatief.dimensies.add(Dimensie.objects.get(code="lichaamsfuncties"))
    groot = maatschappelijk_initiatief(mi_regeling, organisatie)
    subsidies = [breng_naar(a, "verleend", aanvrager=aanvrager).subsidie for a in (in_oost, in_west, groot)]
    meld_bereik(subsidies[0], aanvrager, boekjaar=None, deelnemers=60, vrijwilligers=12)
    meld_bereik(subsidies[2], aanvrager, boekjaar=None, deelnemers=41, vrijwilligers=7)

    ingetrokken = breng_naar(maatschappelijk_initiatief(mi_regeling, organisatie), "verleend").subsidie
    perform(ingetrokken, "intrekken", beslisser, reden="De activiteit gaat niet door.")
    geweigerd = breng_naar(maatschappelijk_initiatief(mi_regeling, organisatie), "besluit_voorgesteld")
    perform(perform(geweigerd, "voorstel_terugsturen", beslisser, reden="Opnieuw bekijken."), "besluit_voorstellen",
            beslisser, uitkomst="weigeren", reden="Past niet.")
    PlafondFactory(regeling=mi_regeling, boekjaar=JAAR + 1)
    breng_naar(maatschappelijk_initiatief(mi_regeling, organisatie, periode_van=dt.date(JAAR + 1, 1, 1),
                                          periode_tot=dt.date(JAAR + 1, 6, 30)), "verleend")
    breng_naar(AanvraagFactory(organisatie=organisatie), "verleend")  # not an initiative
    return subsidies


def _themas(*codes):
    from initiatieven.models import Thema

    return list(Thema.objects.filter(code__in=codes))


def rij(rijen, code):
    return next(r for r in rijen if r["code"] == code)


def test_the_figures_of_a_boekjaar(gefinancierd, oost, west):
    uitkomst = cijfers(JAAR)

    assert uitkomst["totaal"] == {"aantal": 3, "verleend": D("23500.00"), "vastgesteld": D("3500.00"),
                                  "verwachte_deelnemers": 90, "deelnemers": 101, "vrijwilligers": 19, "met_bereik": 2}
    assert rij(uitkomst["per_soort"], Soort.BEWONERSINITIATIEF)["verleend"] == D("3500.00")
    assert rij(uitkomst["per_soort"], Soort.MAATSCHAPPELIJK)["deelnemers"] == 41
    assert rij(uitkomst["per_gebied"], oost.pk)["deelnemers"] == 60
    assert rij(uitkomst["per_gebied"], west.pk)["aantal"] == 1
    assert rij(uitkomst["per_gebied"], None) == {"code": None, "naam": "geen gebied (gemeentebreed)", "aantal": 1,
                                                 "verleend": D("20000.00"), "vastgesteld": D("0.00"),
                                                 "verwachte_deelnemers": 30, "deelnemers": 41, "vrijwilligers": 7,
                                                 "met_bereik": 1}
    per_thema = {r["code"]: (r["aantal"], r["verleend"]) for r in uitkomst["per_thema"] if r["aantal"]}
    assert per_thema == {"ontmoeting": (2, D("21500.00")), "ouderen": (1, D("1500.00")), "sport": (1, D("2000.00"))}
    per_dimensie = {r["code"]: r["aantal"] for r in uitkomst["per_dimensie"] if r["aantal"]}
    assert per_dimensie == {"meedoen": 3, "lichaamsfuncties": 1}


def test_every_gebied_theme_and_dimension_has_its_row_and_soort_and_gebied_add_up(gefinancierd):
    uitkomst = cijfers(JAAR)
    assert len(uitkomst["per_dimensie"]) == 6 and len(uitkomst["per_thema"]) >= 12
    for indeling in ("per_soort", "per_gebied"):
        for naam in CIJFERS:
            assert sum(r[naam] for r in uitkomst[indeling]) == uitkomst["totaal"][naam], (indeling, naam)


def test_other_years_have_their_own_figures(gefinancierd):
    assert cijfers(JAAR + 1)["totaal"]["aantal"] == 1
    assert cijfers(JAAR - 1)["totaal"] == {naam: (D("0.00") if naam in ("verleend", "vastgesteld") else 0)
                                           for naam in CIJFERS}


def test_the_query_count_does_not_grow_with_the_number_of_initiatives(regeling, mi_regeling, oost, organisatie,
                                                                     aanvrager, behandelaar):
    def queries():
        client = client_for(type(behandelaar).objects.get(pk=behandelaar.pk))  # its roles not yet read
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(URL, {"boekjaar": JAAR}).status_code == 200
        return len(ctx.captured_queries)

    groep = InitiatiefgroepFactory(gebied=oost, leden=[aanvrager])
    breng_naar(bewonersinitiatief(regeling, groep), "verleend")
    weinig = queries()
    for _ in range(4):
        subsidie = breng_naar(maatschappelijk_initiatief(mi_regeling, organisatie), "verleend").subsidie
        meld_bereik(subsidie, aanvrager, boekjaar=None, deelnemers=5, vrijwilligers=1)
        breng_naar(bewonersinitiatief(regeling, groep), "verleend")
    assert queries() == weinig <= 10


@pytest.mark.parametrize(("rol", "status"), [(None, 401), (Rol.AANVRAGER, 403), (Rol.BEHANDELAAR, 200),
                                             (Rol.BESLISSER, 200), (Rol.AUDITOR, 200), (Rol.BEHEERDER, 200)])
def test_staff_auditors_and_beheerders_read_the_figures(db, rol, status):
    response = client_for(maak_gebruiker(rol) if rol else None).get(URL, {"boekjaar": JAAR})
    if status == 200:
        assert response.status_code == 200 and response.json()["boekjaar"] == JAAR
    else:
        assert_error(response, status)


def test_the_api_answers_in_json_or_as_a_csv_table(gefinancierd, behandelaar):
    client = client_for(behandelaar)
    body = client.get(URL, {"boekjaar": JAAR}).json()
    assert body["totaal"]["verleend"] == "23500.00" and body["totaal"]["aantal"] == 3
    assert {r["naam"] for r in body["per_dimensie"]} >= {"Meedoen", "Zingeving"}

    response = client.get(URL, {"boekjaar": JAAR, "formaat": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    assert f"initiatieven-{JAAR}.csv" in response["Content-Disposition"]
    tabel = list(csv.reader(io.StringIO(response.content.decode()), delimiter=";"))
    assert tabel[0] == ["boekjaar", "indeling", "code", "naam", *CIJFERS]
    assert tabel[1] == [str(JAAR), "totaal", "", "", "3", "23500.00", "3500.00", "90", "101", "19", "2"]
    assert {r[1] for r in tabel[2:]} == {"soort", "gebied", "thema", "dimensie"}


def test_the_boekjaar_defaults_to_this_year_and_must_be_a_year(behandelaar):
    client = client_for(behandelaar)
    assert client.get(URL).json()["boekjaar"] == JAAR
    assert_error(client.get(URL, {"boekjaar": "twintig"}), 400, "ongeldige_invoer")
    assert_error(client.get(URL, {"formaat": "xlsx"}), 400, "ongeldige_invoer")
