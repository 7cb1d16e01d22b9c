"""The keuzehulp page: public, one GET form, results that can be bookmarked, said plainly in Dutch or English."""
import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from tests.factories import AanvraagFactory, GebiedFactory, PlafondFactory, RegelingFactory, breng_naar

pytestmark = pytest.mark.django_db
DAG = dt.date(2026, 3, 2)
URL = "/portaal/keuzehulp/"


@pytest.fixture
def regelingen(vandaag):
    vandaag(DAG)
    for gebied in ("Centrum", "Oost", "West"):
        GebiedFactory(naam=gebied)
    return {
        "klein": PlafondFactory(regeling=RegelingFactory(
            code="bewonersinitiatief", naam="Bewonersinitiatieven", familie="bewonersinitiatief",
            max_bedrag=Decimal("5000"), beslistermijn_weken=2,
            toegestane_rechtsvormen=["initiatiefgroep", "stichting", "vereniging"])).regeling,
        "groot": PlafondFactory(regeling=RegelingFactory(
            code="maatschappelijk", naam="Maatschappelijke initiatieven", max_bedrag=Decimal("150000"),
            toegestane_rechtsvormen=["stichting", "vereniging"])).regeling,
        "gebouw": RegelingFactory(code="exploitatie", naam="Exploitatie accommodaties", familie="exploitatiesubsidie",
                                  meerjarig=True, max_boekjaren=4, max_bedrag=Decimal("250000"),
                                  toegestane_rechtsvormen=["stichting", "vereniging"]),
        "gesloten": RegelingFactory(code="gesloten", naam="Gesloten regeling", open_tot=dt.date(2026, 1, 1),
                                    toegestane_rechtsvormen=["initiatiefgroep", "stichting"]),
    }


def test_the_questions_are_public_and_need_no_login(client, regelingen):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Wie bent u?" in html and "Wat wilt u doen?" in html and 'method="get"' in html
    assert "Wat bij u past" not in html  # no results before the questions are answered


def test_residents_get_the_small_regeling_explained_in_plain_words(client, regelingen):
    response = client.get(URL, {"wie": "bewoners", "wat": "eenmalig", "bedrag": "800"})
    html = response.content.decode()
    assert "Bewonersinitiatieven" in html
    assert "Maatschappelijke initiatieven" not in html  # residents without a legal form may not ask it
    assert "Gesloten regeling" not in html
    assert "Binnen 2 weken na uw aanvraag." in html
    assert "U hoeft achteraf geen verslag te sturen." in html
    assert "Er is nog ruimte" in html


def test_a_stichting_asking_a_large_amount_learns_it_needs_an_accountant(client, regelingen):
    html = client.get(URL, {"wie": "organisatie", "wat": "eenmalig", "bedrag": "130.000"}).content.decode()
    assert "Maatschappelijke initiatieven" in html and "Bewonersinitiatieven" not in html
    assert "verklaring van een accountant" in html
    assert "Binnen 8 weken na uw aanvraag." in html


def test_without_an_amount_each_tier_of_the_range_is_shown(client, regelingen):
    html = client.get(URL, {"wie": "organisatie", "wat": "eenmalig", "bedrag": ""}).content.decode()
    assert "Tot en met € 5.000:" in html and "Boven € 125.000 tot en met € 150.000:" in html


def test_a_full_ceiling_is_said_plainly(client, regelingen, aanvrager):
    regeling = regelingen["groot"]
    plafond = regeling.plafonds.get()
    plafond.bedrag = Decimal("12000.00")
    plafond.save()
    breng_naar(AanvraagFactory(regeling=regeling, gevraagd_bedrag=Decimal("12000.00"),
                               periode_van=dt.date(2026, 4, 1), periode_tot=dt.date(2026, 6, 30)), "verleend")
    html = client.get(URL, {"wie": "organisatie", "wat": "eenmalig", "bedrag": "20000"}).content.decode()
    assert "Het plafond is bereikt" in html
    assert "€ 12.000" not in html.split("Wat bij u past")[1]  # no internal figures in the answer


def test_a_building_s_room_is_not_known_without_a_published_ceiling(client, regelingen):
    html = client.get(URL, {"wie": "accommodatie", "wat": "gebouw"}).content.decode()
    assert "Exploitatie accommodaties" in html and "Nog niet bekend" in html
    assert "Voor 2027 is nog geen budget vastgesteld." in html  # next year: applied for before it (Awb 4:60)
    assert "per jaar, voor ten hoogste 4 jaar" in html


def test_nothing_fits_gives_a_kind_message_with_the_contact(client, regelingen):
    html = client.get(URL, {"wie": "bewoners", "wat": "meerjarig"}).content.decode()
    assert "Er is nu geen open regeling die past bij uw antwoorden." in html
    assert "14 050" in html


def test_a_missing_answer_is_shown_beside_its_question_and_the_rest_kept(client, regelingen):
    response = client.get(URL, {"wat": "eenmalig", "bedrag": "1.500"})
    form = response.context["form"]
    assert "wie" in form.errors and response.context["resultaten"] is None
    assert form["wat"].value() == "eenmalig"
    assert form["bedrag"].value() == "1.500"


def test_the_apply_button_leads_to_the_form_of_that_regeling(client, regelingen, aanvrager, organisatie):
    link = reverse("portaal:aanvraag_starten", args=["bewonersinitiatief"])
    assert f'href="{link}"' in client.get(URL, {"wie": "bewoners", "wat": "eenmalig"}).content.decode()
    client.force_login(aanvrager)  # a member of one organisation applies for it
    html = client.get(URL, {"wie": "bewoners", "wat": "eenmalig"}).content.decode()
    assert f'href="{link}?organisatie={organisatie.pk}"' in html


def test_the_answer_in_english(client, regelingen):
    client.cookies["django_language"] = "en"
    html = client.get(URL, {"wie": "bewoners", "wat": "eenmalig"}).content.decode()
    assert "Which subsidy suits you?" in html
    assert "Within 2 weeks of your application." in html
    assert "There is still room" in html


def test_the_answer_takes_few_queries(client, regelingen, django_assert_max_num_queries):
    for n in range(12):
        PlafondFactory(regeling=RegelingFactory(naam=f"Extra {n}", toegestane_rechtsvormen=["stichting"]))
    with django_assert_max_num_queries(20):
        response = client.get(URL, {"wie": "organisatie", "wat": "eenmalig", "gebied": GebiedFactory(naam="Oost").pk})
    assert len(response.context["resultaten"]) == 14
