"""Who gets in: API tokens expire and can be revoked, guessing passwords is throttled and locked out.

Through the doors where the problems were found: POST /api/token/, the Authorization header, the admin login page.
"""
import datetime as dt

import pytest
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from rest_framework.test import APIClient

from access.models import ApiToken
from subsidies.rollen import Rol
from tests.api import assert_error
from tests.factories import maak_gebruiker
from workflows.models import AuditRecord

WACHTWOORD = "een-lang-wachtwoord-2026"


@pytest.fixture
def marleen(db):
    user = maak_gebruiker(Rol.BEHANDELAAR, username="marleen")
    user.set_password(WACHTWOORD)
    user.save()
    return user


def inloggen(password=WACHTWOORD, username="marleen", client=None, **extra):
    return (client or APIClient()).post("/api/token/", {"username": username, "password": password}, format="json",
                                        **extra)


def met_token(token: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client


# --- finding 13: tokens expire, can be revoked, only their hash is stored ------------------------------------------
def test_a_token_expires_after_its_lifetime(marleen, time_machine, settings):
    settings.API_TOKEN_DAYS = 30
    time_machine.move_to(dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC), tick=False)
    response = inloggen()
    assert response.status_code == 200, response.content
    body = response.json()
    assert parse_datetime(body["verloopt_op"]) == dt.datetime(2026, 4, 1, 9, tzinfo=dt.UTC)
    assert met_token(body["token"]).get("/api/aanvragen/").status_code == 200

    time_machine.move_to(dt.datetime(2026, 4, 1, 9, 0, 1, tzinfo=dt.UTC), tick=False)
    refused = assert_error(met_token(body["token"]).get("/api/aanvragen/"), 401, "token_verlopen")
    assert "verlopen" in refused["message"]["nl"] and "expired" in refused["message"]["en"]


def test_only_a_hash_of_the_token_is_stored(marleen):
    token = inloggen().json()["token"]
    rij = ApiToken.objects.filter(gebruiker=marleen).values().get()
    assert token not in {str(value) for value in rij.values()}
    assert rij["prefix"] == token[:8]


def test_revoking_the_current_token_logs_out_and_is_audited(marleen):
    eerste, tweede = inloggen().json()["token"], inloggen().json()["token"]
    assert met_token(eerste).post("/api/token/intrekken/").status_code == 204

    assert_error(met_token(eerste).get("/api/aanvragen/"), 401, "token_ingetrokken")
    assert met_token(tweede).get("/api/aanvragen/").status_code == 200  # only the token that was sent
    ingetrokken = ApiToken.objects.get(prefix=eerste[:8])
    records = AuditRecord.objects.filter(object_id=str(ingetrokken.pk), object_type__model="apitoken")
    assert [(r.actie, r.handeling, r.actor_id) for r in records] == [
        ("aangemaakt", "", marleen.pk), ("handeling", "intrekken", marleen.pk)]


def test_revoking_all_tokens(marleen):
    tokens = [inloggen().json()["token"] for _ in range(3)]
    response = met_token(tokens[0]).post("/api/token/alle-intrekken/")
    assert response.status_code == 200 and response.json() == {"ingetrokken": 3}
    for token in tokens:
        assert_error(met_token(token).get("/api/aanvragen/"), 401, "token_ingetrokken")


def test_use_is_recorded_at_most_once_a_minute(marleen, time_machine):
    time_machine.move_to(dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC), tick=False)
    token = inloggen().json()["token"]
    client = met_token(token)
    client.get("/api/aanvragen/")
    assert ApiToken.objects.get().laatst_gebruikt_op == timezone.now()
    time_machine.move_to(dt.datetime(2026, 3, 2, 9, 0, 30, tzinfo=dt.UTC), tick=False)
    client.get("/api/aanvragen/")
    assert ApiToken.objects.get().laatst_gebruikt_op == dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC)
    time_machine.move_to(dt.datetime(2026, 3, 2, 9, 1, 5, tzinfo=dt.UTC), tick=False)
    client.get("/api/aanvragen/")
    assert ApiToken.objects.get().laatst_gebruikt_op == timezone.now()


# --- finding 6: no brake on guessing passwords ---------------------------------------------------------------------
def test_the_token_endpoint_is_throttled_per_client_address(db, time_machine):
    """Ten tries a minute from one address (different usernames, so no lockout), then 429 with the wait."""
    time_machine.move_to(dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC), tick=False)  # all within the same minute
    for poging in range(10):
        assert_error(inloggen(username=f"gok{poging}", password="fout"), 400, "inloggegevens_onjuist")
    response = inloggen(username="gok10", password="fout")
    body = assert_error(response, 429, "te_veel_verzoeken")
    assert int(response["Retry-After"]) > 0
    assert "seconde" in body["message"]["nl"] and "second" in body["message"]["en"]
    assert inloggen(username="gok11", password="fout", REMOTE_ADDR="10.1.2.3").status_code == 400  # another address


def test_anonymous_calls_are_throttled(db, time_machine):
    time_machine.move_to(dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC), tick=False)
    client = APIClient()
    statussen = [client.get("/api/regelingen/").status_code for _ in range(61)]
    assert statussen[:60] == [200] * 60
    assert_error(client.get("/api/regelingen/"), 429, "te_veel_verzoeken")


def test_repeated_wrong_passwords_lock_the_token_endpoint_and_are_audited(marleen, settings, time_machine):
    settings.AXES_FAILURE_LIMIT = 5
    settings.AXES_COOLOFF_TIME = dt.timedelta(minutes=15)
    time_machine.move_to(dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC), tick=False)  # 10:00 in Groningen
    for _ in range(4):
        assert_error(inloggen(password="fout"), 400, "inloggegevens_onjuist")
    response = inloggen(password="fout")
    body = assert_error(response, 429, "tijdelijk_geblokkeerd")
    assert "10:15" in body["message"]["nl"] and "10:15" in body["message"]["en"]
    assert int(response["Retry-After"]) == 15 * 60

    assert_error(inloggen(), 429, "tijdelijk_geblokkeerd")  # the right password does not help now
    assert inloggen(REMOTE_ADDR="10.9.8.7").status_code == 200  # marleen from her own address still can
    blokkades = AuditRecord.objects.filter(handeling="inloggen_geblokkeerd")
    assert [(r.actie, r.object_type.model, r.object_id) for r in blokkades] == [
        ("handeling", "user", str(marleen.pk))]
    assert "127.0.0.1" in blokkades[0].toelichting and "10:15" in blokkades[0].toelichting

    time_machine.move_to(dt.datetime(2026, 3, 2, 9, 15, 1, tzinfo=dt.UTC), tick=False)
    assert inloggen().status_code == 200  # after the cool-off


def test_repeated_wrong_passwords_lock_the_admin_login_with_a_clear_page(marleen, client, settings):
    settings.AXES_FAILURE_LIMIT = 3
    marleen.is_staff = True
    marleen.save()
    for _ in range(2):
        assert client.post("/admin/login/", {"username": "marleen", "password": "fout"}).status_code == 200
    response = client.post("/admin/login/", {"username": "marleen", "password": "fout"})
    assert response.status_code == 429 and int(response["Retry-After"]) > 0
    page = response.content.decode()
    assert "tijdelijk geblokkeerd" in page and "Try again after" in page
    assert client.post("/admin/login/", {"username": "marleen", "password": WACHTWOORD}).status_code == 429
    assert AuditRecord.objects.filter(handeling="inloggen_geblokkeerd", object_id=str(marleen.pk)).count() == 1


def test_a_lockout_of_an_unknown_username_is_audited_on_the_attempt(db, settings):
    from axes.models import AccessAttempt

    settings.AXES_FAILURE_LIMIT = 2
    inloggen(username="bestaat-niet", password="fout")
    assert_error(inloggen(username="bestaat-niet", password="fout"), 429, "tijdelijk_geblokkeerd")
    record = AuditRecord.objects.get(handeling="inloggen_geblokkeerd")
    assert record.object_id == str(AccessAttempt.objects.get(username="bestaat-niet").pk)


def test_existing_drf_tokens_are_taken_over_hashed_and_the_plaintext_table_dropped(marleen):
    """The migration from rest_framework.authtoken: clients keep their key, the database no longer holds it."""
    import importlib
    from types import SimpleNamespace

    from django.apps import apps
    from django.db import connection

    migratie = importlib.import_module("access.migrations.0002_drf_tokens_overnemen")
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE authtoken_token (key varchar(40) PRIMARY KEY, created timestamp, user_id integer)")
        cursor.execute("INSERT INTO authtoken_token VALUES ('0123456789abcdef0123456789abcdef01234567', NULL, %s)",
                       [marleen.pk])
    # What the migration uses of a schema editor (SQLite refuses a real one inside the test's transaction).
    schema_editor = SimpleNamespace(connection=connection, execute=lambda sql: connection.cursor().execute(sql))
    migratie.overnemen(apps, schema_editor)

    assert "authtoken_token" not in connection.introspection.table_names()
    assert met_token("0123456789abcdef0123456789abcdef01234567").get("/api/aanvragen/").status_code == 200
    assert ApiToken.objects.get().verloopt_op > timezone.now()


def test_a_login_without_a_request_is_not_counted_but_still_checked(marleen):
    """A script or the test client's login() calls authenticate() without a request: no lockout, no crash."""
    from django.contrib.auth import authenticate

    assert authenticate(username="marleen", password=WACHTWOORD) == marleen
    assert authenticate(username="marleen", password="fout") is None
