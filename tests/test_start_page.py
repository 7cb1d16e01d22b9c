"""The start page shows what a visitor can apply for now: open regelingen with their ceiling and term."""
import datetime as dt
from pathlib import Path
from decimal import Decimal

import pytest
import time_machine

from django.contrib.staticfiles import finders

from subsidies.models import Budget
from tests.factories import GebiedFactory, PlafondFactory, RegelingFactory


@pytest.mark.django_db
@time_machine.travel(dt.datetime(2026, 3, 2, 10, 0), tick=False)
def test_start_page_lists_open_regelingen_with_ceiling_and_term(client):
    PlafondFactory(regeling__naam="Bewonersinitiatieven", regeling__beslistermijn_weken=2, boekjaar=2026,
                   bedrag=Decimal("250000.00"))
    RegelingFactory(naam="Gesloten regeling", open_tot=dt.date(2025, 12, 31))
    RegelingFactory(naam="Inactieve regeling", actief=False)

    response = client.get("/")

    assert response.status_code == 200
    page = response.content.decode()
    assert "Bewonersinitiatieven" in page
    assert "€ 250.000" in page
    assert "2 weken" in page
    assert "Gesloten regeling" not in page and "Inactieve regeling" not in page
    assert 'href="/api/docs/"' in page and 'href="/admin/"' in page


@pytest.mark.django_db
@time_machine.travel(dt.datetime(2026, 3, 2, 10, 0), tick=False)
def test_area_ceilings_show_their_total_and_each_area_by_name(client):
    """Seven area ceilings used to print run together ("€ 80.000€ 80.000…"), pushing a phone's page sideways."""
    regeling = RegelingFactory(naam="Bewonersinitiatieven", per_gebied=True)
    for naam, bedrag in [("Oost", "80000.00"), ("West", "70000.00"), ("Haren", "30000.00")]:
        gebied = GebiedFactory(naam=naam)
        budget = Budget.objects.create(begrotingspost=regeling.begrotingspost, fondsbron=regeling.fondsbron,
                                       boekjaar=2026, gebied=gebied, bedrag=Decimal(bedrag))
        PlafondFactory(regeling=regeling, boekjaar=2026, gebied=gebied, budget=budget, bedrag=Decimal(bedrag))

    page = client.get("/").content.decode()

    assert "€ 180.000 in totaal" in page
    assert "<span>Oost</span> <span>€ 80.000</span>" in page
    assert "<span>Haren</span> <span>€ 30.000</span>" in page
    assert "€ 80.000€" not in page.replace(" ", "").replace("\n", "")


@pytest.mark.django_db
def test_start_page_hides_the_screen_reader_caption_and_has_no_inline_style(client):
    page = client.get("/").content.decode()
    assert "<style" not in page and "style=" not in page  # the Content-Security-Policy forbids inline styles
    theme = Path(finders.find("web/thema.css")).read_text()
    assert ".sbs-visually-hidden" in theme and "clip" in theme
    stylesheet = Path(finders.find("web/start.css")).read_text()
    assert "@media (max-width:" in stylesheet  # a phone gets stacked rows, not four columns


@pytest.mark.django_db
def test_token_is_issued_for_valid_credentials(client, behandelaar):
    behandelaar.set_password("een-lang-wachtwoord-2026")
    behandelaar.save()
    response = client.post("/api/token/", {"username": "behandelaar", "password": "een-lang-wachtwoord-2026"})
    assert response.status_code == 200
    token = response.json()["token"]
    api = client.get("/api/aanvragen/", HTTP_AUTHORIZATION=f"Token {token}")
    assert api.status_code == 200
