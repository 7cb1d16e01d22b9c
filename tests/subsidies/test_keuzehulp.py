"""The keuzehulp's matching rules, on their own: who, what, how much, open or not, and the ceiling's room."""
import datetime as dt
from decimal import Decimal

import pytest

from subsidies.models import Subsidie, Verantwoordingsniveau
from subsidies.services.keuzehulp import Niveau, Ruimte, Vraag, Wat, Wie, niveaus, passende_regelingen
from tests.factories import AanvraagFactory, BudgetFactory, GebiedFactory, PlafondFactory, RegelingFactory, breng_naar

pytestmark = pytest.mark.django_db
DAG = dt.date(2026, 3, 2)


@pytest.fixture
def regelingen(vandaag):
    vandaag(DAG)
    return {
        "bewonersinitiatief": PlafondFactory(regeling=RegelingFactory(
            naam="Bewonersinitiatieven", familie="bewonersinitiatief", max_bedrag=Decimal("5000"),
            toegestane_rechtsvormen=["initiatiefgroep", "stichting", "vereniging"])).regeling,
        # without a family: a regeling of the core alone funds activities
        "maatschappelijk": PlafondFactory(regeling=RegelingFactory(
            naam="Maatschappelijke initiatieven", max_bedrag=Decimal("150000"),
            toegestane_rechtsvormen=["stichting", "vereniging"])).regeling,
        "meerjarig": RegelingFactory(naam="Meerjarige initiatieven", familie="maatschappelijk_initiatief",
                                     meerjarig=True, max_boekjaren=4, max_bedrag=Decimal("60000"),
                                     toegestane_rechtsvormen=["stichting", "vereniging"]),
        "exploitatie": RegelingFactory(naam="Exploitatie accommodaties", familie="exploitatiesubsidie",
                                       meerjarig=True, max_boekjaren=4, toegestane_rechtsvormen=["stichting"]),
        "bewonersorganisaties": RegelingFactory(naam="Bewonersorganisaties", familie="bewonersorganisatie",
                                                max_bedrag=Decimal("30000"),
                                                toegestane_rechtsvormen=["stichting", "vereniging"]),
        "gesloten": RegelingFactory(naam="Gesloten regeling", familie="bewonersinitiatief",
                                    open_tot=DAG - dt.timedelta(days=1)),
        "inactief": RegelingFactory(naam="Oude regeling", actief=False),
    }


def namen(vraag):
    return [passend.regeling.naam for passend in passende_regelingen(vraag)]


def test_residents_without_a_legal_form_get_only_what_an_initiatiefgroep_may_ask(regelingen):
    assert namen(Vraag(Wie.BEWONERS, Wat.EENMALIG)) == ["Bewonersinitiatieven"]
    assert namen(Vraag(Wie.BEWONERS, Wat.MEERJARIG)) == []


def test_a_stichting_gets_one_off_or_multi_year_activities_as_asked(regelingen):
    assert namen(Vraag(Wie.ORGANISATIE, Wat.EENMALIG)) == ["Bewonersinitiatieven", "Maatschappelijke initiatieven"]
    assert namen(Vraag(Wie.ORGANISATIE, Wat.MEERJARIG)) == ["Meerjarige initiatieven"]


def test_a_building_and_a_bewonersorganisatie_s_work_only_for_who_runs_one(regelingen):
    assert namen(Vraag(Wie.ACCOMMODATIE, Wat.GEBOUW)) == ["Exploitatie accommodaties"]
    assert namen(Vraag(Wie.ORGANISATIE, Wat.GEBOUW)) == []
    assert namen(Vraag(Wie.BEWONERSORGANISATIE, Wat.BEWONERSORGANISATIE)) == ["Bewonersorganisaties"]
    assert namen(Vraag(Wie.ACCOMMODATIE, Wat.BEWONERSORGANISATIE)) == []


def test_the_amount_must_lie_within_the_regeling_s_limits(regelingen):
    assert namen(Vraag(Wie.ORGANISATIE, Wat.EENMALIG, bedrag=Decimal("4000"))) == [
        "Bewonersinitiatieven", "Maatschappelijke initiatieven"]
    assert namen(Vraag(Wie.ORGANISATIE, Wat.EENMALIG, bedrag=Decimal("20000"))) == ["Maatschappelijke initiatieven"]
    assert namen(Vraag(Wie.ORGANISATIE, Wat.EENMALIG, bedrag=Decimal("200000"))) == []


def test_a_closed_or_inactive_regeling_is_never_offered(regelingen):
    for wie in Wie.values:
        for wat in Wat.values:
            assert not {"Gesloten regeling", "Oude regeling"} & set(namen(Vraag(wie, wat)))


def test_the_tier_follows_the_amount_and_without_one_each_tier_of_the_range_is_given(regelingen):
    regeling = regelingen["maatschappelijk"]  # up to 5,000 direct; above 125,000 an accountant's statement
    assert niveaus(regeling, Decimal("3000")) == [Niveau(Verantwoordingsniveau.DIRECT, None, Decimal("3000"))]
    assert [n.code for n in niveaus(regeling, Decimal("130000"))] == [Verantwoordingsniveau.ACCOUNTANTSVERKLARING]
    assert niveaus(regeling) == [
        Niveau(Verantwoordingsniveau.DIRECT, None, Decimal("5000")),
        Niveau(Verantwoordingsniveau.ACTIVITEITENVERSLAG, Decimal("5000"), Decimal("125000")),
        Niveau(Verantwoordingsniveau.ACCOUNTANTSVERKLARING, Decimal("125000"), Decimal("150000")),
    ]
    assert niveaus(regelingen["bewonersinitiatief"]) == [Niveau(Verantwoordingsniveau.DIRECT, None, Decimal("5000"))]
    # a multi-year subsidy always reports per year, even for a small amount
    assert [n.code for n in niveaus(regelingen["meerjarig"], Decimal("3000"))] == [
        Verantwoordingsniveau.ACTIVITEITENVERSLAG]


def test_the_ceiling_s_room_is_said_plainly(regelingen):
    regeling = regelingen["maatschappelijk"]
    [passend] = passende_regelingen(Vraag(Wie.ORGANISATIE, Wat.EENMALIG, bedrag=Decimal("20000")))
    assert passend.ruimte == Ruimte.RUIMTE

    plafond = regeling.plafonds.get()
    plafond.bedrag = Decimal("12000.00")
    plafond.save()
    aanvraag = AanvraagFactory(regeling=regeling, gevraagd_bedrag=Decimal("12000.00"),
                               periode_van=dt.date(2026, 4, 1), periode_tot=dt.date(2026, 6, 30))
    breng_naar(aanvraag, "verleend")
    assert Subsidie.objects.get(aanvraag=aanvraag).verleend_bedrag == Decimal("12000.00")

    [passend] = passende_regelingen(Vraag(Wie.ORGANISATIE, Wat.EENMALIG, bedrag=Decimal("20000")))
    assert passend.ruimte == Ruimte.BEREIKT


def test_without_a_published_ceiling_the_room_is_not_known(regelingen):
    [passend] = passende_regelingen(Vraag(Wie.ORGANISATIE, Wat.MEERJARIG))
    assert passend.ruimte == Ruimte.ONBEKEND
    assert passend.budgetstatus.code == "geen_budget"


def test_a_regeling_per_gebied_needs_the_gebied_to_say_whether_there_is_room(regelingen):
    oost, west = GebiedFactory(naam="Oost"), GebiedFactory(naam="West")
    regeling = RegelingFactory(naam="Gebiedsbudget", per_gebied=True, familie="bewonersinitiatief",
                               toegestane_rechtsvormen=["initiatiefgroep"], max_bedrag=Decimal("5000"))
    budget = BudgetFactory(begrotingspost=regeling.begrotingspost, fondsbron=regeling.fondsbron, boekjaar=2026,
                           gebied=oost, bedrag=Decimal("50000"))
    PlafondFactory(regeling=regeling, boekjaar=2026, gebied=oost, budget=budget, bedrag=Decimal("50000"))

    def gebiedsbudget(gebied):
        vraag = Vraag(Wie.BEWONERS, Wat.EENMALIG, gebied_id=gebied.pk if gebied else None)
        return next(p for p in passende_regelingen(vraag) if p.regeling == regeling)

    assert gebiedsbudget(oost).ruimte == Ruimte.RUIMTE
    assert gebiedsbudget(west).ruimte == Ruimte.ONBEKEND
    assert gebiedsbudget(None).ruimte == Ruimte.ONBEKEND and gebiedsbudget(None).budgetstatus is None


def test_the_answer_takes_a_few_queries_however_many_regelingen(regelingen, django_assert_max_num_queries):
    for n in range(10):
        PlafondFactory(regeling=RegelingFactory(naam=f"Extra {n}", toegestane_rechtsvormen=["stichting"]))
    with django_assert_max_num_queries(5):
        assert len(passende_regelingen(Vraag(Wie.ORGANISATIE, Wat.EENMALIG))) == 12


def test_a_yearly_regeling_is_about_the_first_year_one_can_still_apply_for(regelingen, vandaag):
    from subsidies.services.keuzehulp import aanvraagjaar

    exploitatie = regelingen["exploitatie"]
    BudgetFactory(begrotingspost=exploitatie.begrotingspost, fondsbron=exploitatie.fondsbron, boekjaar=2027)
    [passend] = passende_regelingen(Vraag(Wie.ACCOMMODATIE, Wat.GEBOUW))
    assert passend.boekjaar == 2027  # applied for before the year (Awb 4:60), so its room is next year's
    assert passend.budgetstatus.code == "begroting_niet_vastgesteld" and passend.ruimte == Ruimte.ONBEKEND
    assert aanvraagjaar(regelingen["maatschappelijk"], DAG) == 2026  # a one-off regeling: this year
    assert aanvraagjaar(exploitatie, dt.date(2026, 11, 1)) == 2028  # 13 weeks before 2027 have passed
