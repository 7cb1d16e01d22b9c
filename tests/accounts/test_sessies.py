"""Sessions end after SESSION_IDLE_MINUTES without activity; whoever logs in again is back on the exact page."""
import datetime as dt
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from .conftest import WACHTWOORD, ingelogd

pytestmark = pytest.mark.django_db
PAGINA = "/portaal/?stap=2"  # a page with its query: the way back is the exact page


def inloggen(client, next_url=None):
    data = {"login": "anouk@buurtkamer.example.org", "password": WACHTWOORD}
    if next_url:
        data["next"] = next_url
    return client.post("/account/login/", data)


@pytest.fixture
def klok(time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    return time_machine


def test_idle_limit_defaults_to_thirty_minutes():
    assert settings.SESSION_COOKIE_AGE == 30 * 60


def test_after_the_idle_limit_a_page_asks_to_log_in_and_returns_to_that_page(client, anouk, klok):
    inloggen(client)
    assert ingelogd(client) == anouk
    klok.shift(dt.timedelta(minutes=31))
    response = client.get(PAGINA)
    assert response.status_code == 302
    assert response["Location"] == f"/account/login/?next={quote(PAGINA, safe='/')}"
    login_page = client.get(response["Location"])
    assert f'value="{PAGINA}"' in login_page.content.decode()  # the form carries the way back
    back = inloggen(client, next_url=PAGINA)
    assert back["Location"] == PAGINA
    assert client.get(back["Location"]).status_code == 200


def test_a_form_posted_after_expiry_leads_back_to_the_form_page(client, anouk, klok):
    inloggen(client)
    klok.shift(dt.timedelta(minutes=45))
    response = client.post("/portaal/", {"titel": "Buurtbarbecue"})
    assert response.status_code == 302 and response["Location"] == "/account/login/?next=/portaal/"
    back = inloggen(client, next_url="/portaal/")
    assert back["Location"] == "/portaal/"  # a GET of the form page; the draft itself is kept by the server


def test_an_active_person_stays_logged_in(client, anouk, klok):
    inloggen(client)
    for _ in range(6):  # two hours, a request every twenty minutes
        klok.shift(dt.timedelta(minutes=20))
        assert ingelogd(client) == anouk


def sessieschrijvingen(queries) -> list[str]:
    return [q["sql"] for q in queries if "django_session" in q["sql"] and not q["sql"].lstrip().startswith("SELECT")]


def test_the_session_is_written_at_most_once_a_minute(client, anouk, klok):
    inloggen(client)
    klok.shift(dt.timedelta(minutes=2))
    with CaptureQueriesContext(connection) as refreshed:
        client.get("/portaal/")
    assert sessieschrijvingen(refreshed.captured_queries)  # two minutes on: the session row is written
    klok.shift(dt.timedelta(seconds=20))
    with CaptureQueriesContext(connection) as soon_after:
        client.get("/portaal/")
    assert sessieschrijvingen(soon_after.captured_queries) == []


def test_an_anonymous_visit_gets_no_session(client):
    response = client.get("/account/login/")
    assert settings.SESSION_COOKIE_NAME not in response.cookies
