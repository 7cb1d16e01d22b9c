"""The start page shows what a visitor can apply for now: open regelingen with their ceiling and term."""
import datetime as dt
from decimal import Decimal

import pytest
import time_machine

from tests.factories import PlafondFactory, RegelingFactory


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
def test_token_is_issued_for_valid_credentials(client, behandelaar):
    behandelaar.set_password("een-lang-wachtwoord-2026")
    behandelaar.save()
    response = client.post("/api/token/", {"username": "behandelaar", "password": "een-lang-wachtwoord-2026"})
    assert response.status_code == 200
    token = response.json()["token"]
    api = client.get("/api/aanvragen/", HTTP_AUTHORIZATION=f"Token {token}")
    assert api.status_code == 200
