"""`manage.py seed_demo`, end to end. A slow-ish integration test (a few seconds): it builds the whole demo.

It is deliberately part of the normal run: the demo is what people see first, and it exercises every
transition of the engine. The demo is built once per test (twice, to prove idempotency); the checks are
subtests so that each failing promise is reported by name.
"""
import re
from decimal import Decimal
from io import StringIO

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command

from subsidies.models import (
    Aanvraag, Beschikking, Betaling, Budget, Gebied, Organisatie, Plafond, Subsidie, Verplichting, Wijk,
)
from subsidies.rollen import Rol
from subsidies.services.budget import overzicht
from tests.conftest import database_state
from workflows import audit
from workflows.models import AuditRecord

pytestmark = pytest.mark.django_db
User = get_user_model()

# The figures of DESIGN §6 (nota Sociale Basis fase 2), typed here independently of the demo's own tables.
GEMEENTE_2023 = {
    "Sociaal-culturele accommodaties": Decimal("5109066"),
    "Bewonersorganisaties": Decimal("368803"),
    "Vrijwillige inzet": Decimal("1304950"),
    "Ouderen (incl. dementie)": Decimal("276900"),
    "Eenzaamheid": Decimal("76000"),
    "Mantelzorg": Decimal("1055607"),
}
SPUK = {
    "SPUK Versterken sociale basis": ["408730", "403123", "403123", "302209"],
    "SPUK Mantelzorg": ["111981", "111979", "111979", "100736"],
    "SPUK Eén tegen Eenzaamheid": ["111981", "111979", "89583", "0"],
}
GEBIEDEN = {"Centrum", "Oude Wijken", "Oost", "Zuid", "West", "Haren", "Ten Boer"}
LOGIN_LINE = re.compile(r"^\s+(\w+)\s+(demo-\S+)\s+(\S+)$", re.MULTILINE)


@pytest.fixture
def fast_passwords(settings):
    """The demo logins are checked, not the hasher's strength: skip PBKDF2's deliberate slowness."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def seed_demo() -> str:
    out = StringIO()
    call_command("seed_demo", force=True, stdout=out)
    return out.getvalue()


def users_state() -> list:
    return list(User.objects.order_by("pk").values("username", "password", "is_staff", "is_superuser"))


def last_transition_targets(model) -> dict[str, str]:
    """Per object: the state its last audited transition led to."""
    rows = AuditRecord.objects.filter(
        object_type=ContentType.objects.get_for_model(model), actie=AuditRecord.Actie.OVERGANG
    ).order_by("volgnummer").values_list("object_id", "naar_status")
    return dict(rows)


def test_seed_demo_builds_a_complete_consistent_demo_and_a_rerun_changes_nothing(fast_passwords, subtests):
    first_output = seed_demo()
    state, users = database_state(), users_state()
    second_output = seed_demo()

    with subtests.test("a second run changes no row and says so"):
        assert "50 aanvragen created" in first_output
        assert "nothing added" in second_output
        assert database_state() == state
        assert users_state() == users

    with subtests.test("every aanvraag and subsidie state is present, with payments done and planned"):
        assert set(Aanvraag.objects.values_list("status", flat=True)) == set(Aanvraag.Status.values)
        assert set(Subsidie.objects.values_list("status", flat=True)) == set(Subsidie.Status.values)
        assert {"gepland", "uitgevoerd"} <= set(Betaling.objects.values_list("status", flat=True))
        vastgesteld = Betaling.objects.filter(subsidie__status=Subsidie.Status.VASTGESTELD)
        assert {"saldo", "terugvordering"} <= set(vastgesteld.values_list("soort", flat=True))

    with subtests.test("every state was reached through an audited transition"):
        for model in (Aanvraag, Subsidie, Betaling):
            targets, initial = last_transition_targets(model), model._meta.get_field("status").default
            for pk, status in model.objects.values_list("pk", "status"):
                assert targets.get(str(pk), initial) == status, (model.__name__, pk)

    with subtests.test("the audit trail is intact"):
        assert audit.verify().intact
        call_command("verify_audit_trail", stdout=StringIO())

    with subtests.test("2023 municipal budgets are the nota's, € 8,191,326 in total"):
        budgets = Budget.objects.filter(boekjaar=2023, fondsbron__soort="gemeente").select_related("begrotingspost")
        assert {b.begrotingspost.naam: b.bedrag for b in budgets} == GEMEENTE_2023
        assert sum(b.bedrag for b in budgets) == Decimal("8191326")

    with subtests.test("SPUK budgets per year are the nota's"):
        for bron, amounts in SPUK.items():
            found = [Budget.objects.get(fondsbron__naam=bron, boekjaar=jaar).bedrag for jaar in range(2023, 2027)]
            assert found == [Decimal(a) for a in amounts], bron

    with subtests.test("the ledger adds up on every row and no ceiling exceeds its budget"):
        rows = list(overzicht())
        assert rows
        for row in rows:
            assert row.vrij + row.verplicht == row.bedrag, row
            assert Decimal("0") <= row.verplicht <= row.bedrag, row
            assert row.plafond <= row.bedrag, row
        for plafond in Plafond.objects.select_related("budget"):
            committed = sum(v.bedrag for v in Verplichting.objects.filter(plafond=plafond))
            assert committed <= plafond.bedrag <= plafond.budget.bedrag, plafond
            assert plafond.gepubliceerd_op.year <= plafond.boekjaar, plafond

    with subtests.test("settled and closed subsidies are fully paid or recovered"):
        for subsidie in Subsidie.objects.filter(status=Subsidie.Status.AFGESLOTEN):
            assert subsidie.saldo() == 0 and not subsidie.betalingen.filter(status="gepland").exists(), subsidie

    with subtests.test("awards above the four-eyes threshold were decided by a beslisser who did not propose"):
        large = [b for b in Beschikking.objects.filter(soort="verlening").select_related("aanvraag__regeling")
                 if b.bedrag > b.aanvraag.regeling.vier_ogen_drempel]
        assert large
        for beschikking in large:
            assert beschikking.beslisser.groups.filter(name=Rol.BESLISSER).exists()
            assert beschikking.beslisser_id != beschikking.aanvraag.voorgesteld_door_id

    with subtests.test("the seven gebieden with their wijken, Haren and Ten Boer with dorpen"):
        assert set(Gebied.objects.values_list("naam", flat=True)) == GEBIEDEN
        assert Wijk.objects.filter(gebied__naam="Oost", naam="Beijum", soort="wijk").exists()
        assert set(Wijk.objects.filter(gebied__naam="Haren").values_list("naam", flat=True)) == {
            "Glimmen", "Haren", "Noordlaren", "Onnen"}
        assert set(Wijk.objects.filter(gebied__naam__in=["Haren", "Ten Boer"]).values_list("soort", flat=True)) == {
            "dorp"}

    with subtests.test("organisaties have valid KvK numbers, IBANs and Groningen postcodes"):
        organisaties = list(Organisatie.objects.all())
        assert len(organisaties) >= 15
        assert sum(o.rechtsvorm == "initiatiefgroep" for o in organisaties) >= 3
        for organisatie in organisaties:
            organisatie.full_clean()
            assert organisatie.postcode.startswith("97"), organisatie
            assert organisatie.contactpersonen.exists(), organisatie
            assert (organisatie.kvk_nummer == "") == (organisatie.rechtsvorm == "initiatiefgroep"), organisatie

    with subtests.test("the printed demo logins work, one per role, and the beheerder can use the admin"):
        logins = LOGIN_LINE.findall(first_output)
        assert {rol for rol, _, _ in logins} == set(Rol.values)
        assert sum(rol == Rol.BEHANDELAAR for rol, _, _ in logins) == 2
        for rol, username, password in logins:
            user = authenticate(username=username, password=password)
            assert user is not None, username
            assert user.groups.filter(name=rol).exists()
            assert user.is_superuser == user.is_staff == (rol == Rol.BEHEERDER)
        aanvrager = User.objects.get(username=next(u for rol, u, _ in logins if rol == Rol.AANVRAGER))
        assert 2 <= aanvrager.organisaties.count() <= 3


def test_seed_demo_refuses_to_run_with_debug_off_unless_forced(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG is off"):
        call_command("seed_demo", stdout=StringIO())
    assert not Aanvraag.objects.exists()
    assert not User.objects.exists()
