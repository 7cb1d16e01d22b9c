"""A maatschappelijk initiatief: goals with indicators; multi-year adds a work plan and an amount per boekjaar."""
from decimal import Decimal

import pytest

from initiatieven.models import Initiatief
from subsidies.models import Aanvraag
from tests.factories import meerjarige_regeling
from workflows.models import Bericht

from .aanvragen import (  # noqa: F401 - fixtures
    JAAR, bewoner, doelen, ingelogd, mi_regeling, oost, regels, start, stap, stichting, url, wat,
)

DOEL = ("Minder eenzaamheid bij ouderen", "Deelnemers die zich minder alleen voelen", "40", "deelnemers")


def test_a_one_off_maatschappelijk_initiatief_from_start_to_receipt(ingelogd, mi_regeling, stichting):
    aanvraag = start(ingelogd, mi_regeling, stichting)
    assert stap(ingelogd, aanvraag, "wat", wat(titel="Samen aan tafel")).url == url(
        "aanvraag_stap", aanvraag, "waar-en-wanneer")
    assert stap(ingelogd, aanvraag, "waar-en-wanneer", {
        "locatie": "Wijkcentrum", "wanneer": "Elke dinsdag", "periode_van": f"{JAAR}-01-01",
        "periode_tot": f"{JAAR}-12-31"}).url == url("aanvraag_stap", aanvraag, "doelen")
    assert stap(ingelogd, aanvraag, "doelen", doelen(DOEL)).url == url("aanvraag_stap", aanvraag, "begroting")
    assert stap(ingelogd, aanvraag, "begroting", {
        **regels(("kosten", "Koks en boodschappen", "30000"), ("dekking", "Fonds", "10000")),
        "gevraagd_bedrag": "20000,00"}).url == url("aanvraag_stap", aanvraag, "bijlagen")
    assert stap(ingelogd, aanvraag, "bijlagen", {}).url == url("aanvraag_controleren", aanvraag)
    controle = ingelogd.get(url("aanvraag_controleren", aanvraag)).content.decode()
    assert "Minder eenzaamheid bij ouderen" in controle and "Werkplan" not in controle

    assert ingelogd.post(url("aanvraag_controleren", aanvraag)).url == url("ontvangstbevestiging", aanvraag)
    aanvraag.refresh_from_db()
    assert aanvraag.status == Aanvraag.Status.INGEDIEND and aanvraag.gevraagd_bedrag == Decimal("20000.00")
    doel = Initiatief.objects.get(aanvraag=aanvraag).doelen.get()
    indicator = doel.indicatoren.get()
    assert (doel.omschrijving, indicator.omschrijving, indicator.streefwaarde, indicator.eenheid) == (
        DOEL[0], DOEL[1], Decimal("40"), "deelnemers")
    assert Bericht.objects.filter(sleutel__startswith=f"ontvangst-{aanvraag.pk}").exists()
    ontvangst = ingelogd.get(url("ontvangstbevestiging", aanvraag)).content.decode()
    assert str(aanvraag.uiterste_beslisdatum.year) in ontvangst


def test_a_goal_without_an_indicator_keeps_the_step_open(ingelogd, mi_regeling, stichting):
    aanvraag = start(ingelogd, mi_regeling, stichting)
    response = stap(ingelogd, aanvraag, "doelen", doelen((DOEL[0], "", "", "")))
    assert response.status_code == 400 and "Zeg hoe u meet of u het doel haalt." in response.content.decode()
    assert DOEL[0] in response.content.decode()


@pytest.fixture
def meerjarig(db):
    """Multi-year maatschappelijke initiatieven: up to three years, € 5,000 to € 50,000 a year, applied for by the
    end of the year before."""
    return meerjarige_regeling(JAAR + 1, 3, familie="maatschappelijk_initiatief", min_bedrag=Decimal("5000.00"),
                               max_bedrag=Decimal("50000.00"), aanvraag_uiterlijk_dag=31, aanvraag_uiterlijk_maand=12,
                               toegestane_rechtsvormen=["stichting"])


def test_a_multi_year_initiative_asks_an_amount_per_year_and_a_work_plan(ingelogd, meerjarig, stichting):
    aanvraag = start(ingelogd, meerjarig, stichting)
    stap(ingelogd, aanvraag, "wat", wat(titel="Buurtkamer"))
    stap(ingelogd, aanvraag, "waar-en-wanneer", {"locatie": "Buurtkamer", "periode_van": f"{JAAR + 1}-01-01",
                                                 "periode_tot": f"{JAAR + 2}-12-31"})
    stap(ingelogd, aanvraag, "doelen", doelen(DOEL))
    begroting_pagina = ingelogd.get(url("aanvraag_stap", aanvraag, "begroting")).content.decode()
    assert f"Gevraagd bedrag voor {JAAR + 1}" in begroting_pagina and f"voor {JAAR + 2}" in begroting_pagina
    assert f"voor {JAAR + 3}" not in begroting_pagina

    # A year above the scheme's maximum per year is refused at submission, linked to the budget step.
    stap(ingelogd, aanvraag, "begroting", {**regels(("kosten", "Coördinator en huur", "120000")),
                                           f"jaar_{JAAR + 1}": "60000", f"jaar_{JAAR + 2}": "40000"})
    assert stap(ingelogd, aanvraag, "werkplan", {"werkplan": "Inloop drie ochtenden per week."}).url == url(
        "aanvraag_stap", aanvraag, "bijlagen")
    stap(ingelogd, aanvraag, "bijlagen", {})
    geweigerd = ingelogd.post(url("aanvraag_controleren", aanvraag))
    assert geweigerd.status_code == 400
    assert f"Vraag voor {JAAR + 1} een bedrag" in geweigerd.content.decode()
    assert url("aanvraag_stap", aanvraag, "begroting") in geweigerd.content.decode()

    stap(ingelogd, aanvraag, "begroting", {**regels(("kosten", "Coördinator en huur", "120000")),
                                           f"jaar_{JAAR + 1}": "45000", f"jaar_{JAAR + 2}": "40000"})
    assert ingelogd.post(url("aanvraag_controleren", aanvraag)).url == url("ontvangstbevestiging", aanvraag)
    aanvraag.refresh_from_db()
    assert aanvraag.status == Aanvraag.Status.INGEDIEND
    assert aanvraag.gevraagd_bedrag == Decimal("85000.00") and aanvraag.werkplan.startswith("Inloop")
    assert list(aanvraag.jaarbedragen.values_list("boekjaar", "gevraagd_bedrag")) == [
        (JAAR + 1, Decimal("45000.00")), (JAAR + 2, Decimal("40000.00"))]


def test_the_budget_step_asks_for_the_period_first(ingelogd, meerjarig, stichting):
    aanvraag = start(ingelogd, meerjarig, stichting)
    response = stap(ingelogd, aanvraag, "begroting", regels(("kosten", "Huur", "1000")))
    assert response.status_code == 400 and "Vul eerst bij" in response.content.decode()


def test_the_multi_year_pages_stay_within_20_queries(ingelogd, meerjarig, stichting, django_assert_max_num_queries):
    aanvraag = start(ingelogd, meerjarig, stichting)
    stap(ingelogd, aanvraag, "wat", wat())
    stap(ingelogd, aanvraag, "waar-en-wanneer", {"locatie": "Buurtkamer", "periode_van": f"{JAAR + 1}-01-01",
                                                 "periode_tot": f"{JAAR + 3}-12-31"})
    stap(ingelogd, aanvraag, "doelen", doelen(DOEL, DOEL, DOEL))
    stap(ingelogd, aanvraag, "begroting", {**regels(*[("kosten", f"Post {i}", "1000") for i in range(8)]),
                                           **{f"jaar_{JAAR + i}": "5000" for i in (1, 2, 3)}})
    stap(ingelogd, aanvraag, "werkplan", {"werkplan": "Inloop."})
    for slug in ("wat", "waar-en-wanneer", "doelen", "begroting", "werkplan", "bijlagen"):
        with django_assert_max_num_queries(20):
            assert ingelogd.get(url("aanvraag_stap", aanvraag, slug)).status_code == 200
    for naam in ("aanvraag_invullen", "aanvraag_controleren"):
        with django_assert_max_num_queries(20):
            assert ingelogd.get(url(naam, aanvraag)).status_code == 200


def test_a_draft_with_goals_made_elsewhere_is_submitted_as_it_is(ingelogd, mi_regeling, stichting):
    from tests.initiatieven.factories import maatschappelijk_initiatief

    aanvraag = maatschappelijk_initiatief(mi_regeling, stichting)
    doel = aanvraag.initiatief.doelen.get()
    indicator = doel.indicatoren.get().omschrijving
    pagina = ingelogd.get(url("aanvraag_stap", aanvraag, "doelen")).content.decode()
    assert doel.omschrijving in pagina and indicator in pagina
    stap(ingelogd, aanvraag, "bijlagen", {})
    assert ingelogd.post(url("aanvraag_controleren", aanvraag)).url == url("ontvangstbevestiging", aanvraag)
    aanvraag.refresh_from_db()
    assert aanvraag.status == Aanvraag.Status.INGEDIEND
    assert aanvraag.initiatief.doelen.get().indicatoren.get().omschrijving == indicator
