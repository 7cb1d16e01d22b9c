"""A bewonersinitiatief draws on the gebiedsbudget of the gebied it takes place in, and on that gebied's ceiling; the
fast track decides within two weeks and settles small amounts at verlening."""
import datetime as dt
from decimal import Decimal

import pytest

from subsidies.models import Budget, Plafond, Subsidie, Verantwoordingsniveau
from subsidies.services.budget import overzicht
from tests.factories import breng_naar
from workflows import termijnen

from .factories import InitiatiefgroepFactory, bewonersinitiatief

pytestmark = pytest.mark.django_db


def test_it_draws_on_its_own_gebieds_budget_and_ceiling(regeling, groep, oost, west, aanvrager):
    subsidie = breng_naar(bewonersinitiatief(regeling, groep, bedrag="1500.00"), "verleend",
                          aanvrager=aanvrager).subsidie

    verplichting = subsidie.verplichtingen.get()
    assert verplichting.budget.gebied == oost and verplichting.plafond.gebied == oost
    assert verplichting.bedrag == Decimal("1500.00")
    ledger = {row.gebied_id: row for row in overzicht(Budget.objects.filter(begrotingspost=regeling.begrotingspost))}
    assert ledger[oost.pk].verplicht == Decimal("1500.00") and ledger[oost.pk].vrij == Decimal("48500.00")
    assert ledger[west.pk].verplicht == Decimal("0.00")


def test_a_gebied_whose_ceiling_is_reached_refuses_while_another_gebied_still_has_room(regeling, oost, west,
                                                                                      aanvrager):
    Plafond.objects.filter(regeling=regeling, gebied=oost).update(bedrag=Decimal("2000.00"))
    in_oost = InitiatiefgroepFactory(gebied=oost, leden=[aanvrager])
    in_west = InitiatiefgroepFactory(gebied=west, leden=[aanvrager])

    eerste = breng_naar(bewonersinitiatief(regeling, in_oost, bedrag="1500.00"), "verleend")
    tweede = breng_naar(bewonersinitiatief(regeling, in_oost, bedrag="1500.00"), "verleend")
    in_west_verleend = breng_naar(bewonersinitiatief(regeling, in_west, bedrag="1500.00"), "verleend")

    assert (eerste.status, tweede.status, in_west_verleend.status) == ("verleend", "geweigerd", "verleend")
    assert "plafond" in tweede.beschikkingen.get().motivering
    assert in_west_verleend.subsidie.verplichtingen.get().budget.gebied == west


def test_where_it_takes_place_decides_not_where_the_group_is_based(regeling, groep, oost, west):
    """An Oost group organising a street party in West draws on West's budget."""
    aanvraag = breng_naar(bewonersinitiatief(regeling, groep, gebied=west), "verleend")
    assert groep.gebied == oost
    assert aanvraag.subsidie.verplichtingen.get().budget.gebied == west


def test_the_fast_track_decides_within_two_weeks_and_settles_directly(regeling, groep, aanvrager, vandaag):
    vandaag(dt.date(2026, 3, 2))
    aanvraag = breng_naar(bewonersinitiatief(regeling, groep, bedrag="2400.00"), "verleend", aanvrager=aanvrager)
    assert aanvraag.ontvangen_op == dt.date(2026, 3, 2)
    assert aanvraag.uiterste_beslisdatum == dt.date(2026, 3, 16) == termijnen.termijn_einde(
        aanvraag.ontvangen_op, weken=2)

    subsidie = Subsidie.objects.get(aanvraag=aanvraag)

    assert subsidie.verantwoordingsniveau == Verantwoordingsniveau.DIRECT
    assert (subsidie.status, subsidie.vastgesteld_bedrag) == ("vastgesteld", Decimal("2400.00"))
    assert [b.soort for b in aanvraag.beschikkingen.order_by("pk")] == ["verlening", "vaststelling"]
    assert subsidie.betalingen.get().bedrag == Decimal("2400.00")  # paid out at once, no report asked
