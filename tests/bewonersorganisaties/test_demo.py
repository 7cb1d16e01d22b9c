"""The demo of this family, on top of the core demo: 50 bewonersorganisaties in the seven gebieden, most of them
registered and subsidised by the formula, requests in every state; a second run changes nothing. Read in the whole
demo as `seed_demo` builds it (the `full_demo` fixture, built once per worker)."""
from io import StringIO

import pytest
from django.utils import timezone

from bewonersorganisaties import demo
from bewonersorganisaties.models import FAMILIE, Bewonersorganisatie
from subsidies.models import Aanvraag, Budget, Verplichting
from tests.conftest import database_state
from workflows import audit

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo")]


def test_demo_fills_the_register_and_a_rerun_changes_nothing(full_demo, subtests):
    state = database_state()
    uitvoer = StringIO()
    demo.seed(uitvoer)
    vandaag = timezone.localdate()
    register = Bewonersorganisatie.objects.met_boekjaar(vandaag.year).select_related("organisatie", "gebied")

    with subtests.test("a second run changes no row and says so"):
        assert database_state() == state
        assert "niets toegevoegd" in uitvoer.getvalue()

    with subtests.test("50 in the seven gebieden, most registered and subsidised this year"):
        assert register.count() == 50
        assert {registratie.gebied.naam for registratie in register} == {
            "Centrum", "Oude Wijken", "Oost", "Zuid", "West", "Haren", "Ten Boer"}
        assert {registratie.soort for registratie in register} == {"wijk", "buurt", "dorp"}
        assert register.geregistreerd_op(vandaag).count() == 49
        assert register.filter(gesubsidieerd=True).count() >= 40
        bewoners = [registratie.aantal_bewoners for registratie in register if registratie.aantal_bewoners]
        assert min(bewoners) < 100 and max(bewoners) > 10000
        for registratie in register:
            registratie.full_clean()
            assert registratie.wijken.exists() and registratie.organisatie.contactpersonen.exists(), registratie

    with subtests.test("requests of the family in every state, decided by the formula"):
        aanvragen = Aanvraag.objects.filter(regeling__familie=FAMILIE)
        assert set(aanvragen.values_list("status", flat=True)) == set(Aanvraag.Status.values)
        formule = aanvragen.first().regeling.formule
        for aanvraag in aanvragen.filter(status="verleend", titel__endswith=str(vandaag.year + 1)):
            registratie = aanvraag.organisatie.bewonersorganisatie
            assert aanvraag.subsidie.verleend_bedrag == formule.jaarbedrag(registratie.aantal_bewoners), aanvraag

    with subtests.test("within the Bewonersorganisaties budget, the audit trail intact"):
        for budget in Budget.objects.filter(begrotingspost__naam="Bewonersorganisaties"):
            verplicht = sum(v.bedrag for v in Verplichting.objects.filter(budget=budget))
            assert verplicht <= budget.bedrag == 368803, budget
        assert audit.verify().intact
