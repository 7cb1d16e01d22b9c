"""`manage.py seed_demo`, end to end. A slow integration test: it builds the whole demo and runs it once more.

It is deliberately part of the normal run: the demo is what people see first, and it exercises every
transition of the engine and the scheduled jobs of the multi-year cycle. The demo is built by `seed_demo` on today's
date, as `make run` does, once per worker (the `full_demo` fixture; the families' demo tests read the same build);
this test then runs `seed_demo` again to prove idempotency. The checks are subtests so that each failing promise is
reported by name.
"""
import datetime as dt
import re
import sys
from decimal import ROUND_HALF_UP, Decimal
from io import StringIO

import pytest
import time_machine
from django.contrib.auth import authenticate, get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone

from subsidies.demo.builder import VERHALEN
from subsidies.models import (
    Aanvraag, Beeindiging, Begrotingsjaar, Beschikking, Betaling, Bezwaar, Brief, Budget, Gebied, Ingebrekestelling,
    Jaartranche, Organisatie, Plafond, Reservemutatie, Subsidie, Verplichting, Wijk,
)
from subsidies.models.tranches import voorbehoud_tot
from subsidies.rollen import Rol
from subsidies.services.betaalrun import betaalrun, vervaldata
from subsidies.services.boekjaar import bewaak_termijnen
from subsidies.services.budget import overzicht
from subsidies.services.dwangsom import bewaak_dwangsommen, stand
from subsidies.services.meerjarig import gesubsidieerde_jaren
from tests.conftest import database_state
from workflows import audit
from workflows.errors import TransitionNotPossible
from workflows.models import AuditRecord
from workflows.transitions import check

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo")]
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
KERNACTIVITEITEN = ("1. Samenlevingsopbouw en preventie", "2. Basisondersteuning", "3. Toegangsfunctie")
LOGIN_LINE = re.compile(r"^\s+(\w+)\s+(demo-\S+)\s+(\S+)\s+\S+@\S+$", re.MULTILINE)


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


def test_seed_demo_builds_a_complete_consistent_demo_and_a_rerun_changes_nothing(full_demo, subtests):
    first_output = full_demo.output
    state, users = database_state(), users_state()
    second_output = seed_demo()

    with subtests.test("a second run changes no row and says so"):
        assert f"{len(VERHALEN)} aanvragen created" in first_output
        assert "nothing added" in second_output
        assert database_state() == state
        assert users_state() == users

    with subtests.test("the demo logins' organisations have the letters of their decisions"):
        eigen = Beschikking.objects.filter(aanvraag__organisatie__leden__username="demo-aanvrager").distinct()
        assert eigen.exists() and all(beschikking.brieven.exists() for beschikking in eigen)
        assert f"{Brief.objects.count()} letters made" in first_output

    with subtests.test("every aanvraag and subsidie state is present, with payments done and planned"):
        assert set(Aanvraag.objects.values_list("status", flat=True)) == set(Aanvraag.Status.values)
        assert set(Subsidie.objects.values_list("status", flat=True)) == set(Subsidie.Status.values)
        assert {"gepland", "uitgevoerd"} <= set(Betaling.objects.values_list("status", flat=True))
        vastgesteld = Betaling.objects.filter(subsidie__status=Subsidie.Status.VASTGESTELD)
        assert {"saldo", "terugvordering"} <= set(vastgesteld.values_list("soort", flat=True))

    with subtests.test("every state was reached through an audited transition"):
        for model in (Aanvraag, Subsidie, Jaartranche, Betaling, Bezwaar, Ingebrekestelling):
            targets, initial = last_transition_targets(model), model._meta.get_field("status").default
            for pk, status in model.objects.values_list("pk", "status"):
                assert targets.get(str(pk), initial) == status, (model.__name__, pk)

    with subtests.test("an objection in every state; upheld ones led to a new verlening"):
        assert set(Bezwaar.objects.values_list("status", flat=True)) == set(Bezwaar.Status.values)
        assert Bezwaar.objects.filter(tijdig=False).exists() and Bezwaar.objects.filter(ter_post_op__isnull=False,
                                                                                         tijdig=True).exists()
        gegrond = Bezwaar.objects.get(status="gegrond", beschikking__soort="weigering")
        assert gegrond.beslissing.herroept == gegrond.beschikking
        assert list(gegrond.aanvraag.beschikkingen.values_list("soort", flat=True))[:3] == [
            "weigering", "bezwaarbeslissing", "verlening"]
        herzien = Bezwaar.objects.get(status="gegrond", beschikking__soort="verlening")
        assert herzien.herziening == "herzien" and herzien.beslissing.herroept == herzien.beschikking
        assert list(herzien.aanvraag.beschikkingen.values_list("soort", "bedrag")) == [
            ("verlening", Decimal("6400.00")), ("bezwaarbeslissing", None), ("verlening", Decimal("9600.00"))]
        assert herzien.aanvraag.subsidie.verplichtingen.get().bedrag == Decimal("9600.00")

    with subtests.test("the audit trail is intact"):
        assert audit.verify().intact
        call_command("verify_audit_trail", stdout=StringIO())

    with subtests.test("2023 municipal budgets of the smalle sociale basis are the nota's, € 8,191,326 in total"):
        budgets = Budget.objects.filter(boekjaar=2023, fondsbron__soort="gemeente",
                                        begrotingspost__naam__in=GEMEENTE_2023).select_related("begrotingspost")
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
        assert {rol for rol, _, _ in logins} == set(Rol.values) - {Rol.SYSTEEM}  # the jobs' account has no login
        assert sum(rol == Rol.BEHANDELAAR for rol, _, _ in logins) == 2
        for rol, username, password in logins:
            user = authenticate(username=username, password=password)
            assert user is not None, username
            assert user.groups.filter(name=rol).exists()
            assert user.is_superuser == user.is_staff == (rol == Rol.BEHEERDER)
        aanvrager = User.objects.get(username=next(u for rol, u, _ in logins if rol == Rol.AANVRAGER))
        assert 2 <= aanvrager.organisaties.count() <= 3

    with subtests.test("every demo login logs in on the faces' login page with its printed email address, staff "
                       "with the code of `demo_code`, and lands in its own place"):
        adressen = dict(re.findall(r"^\s+\w+\s+(demo-\S+)\s+\S+\s+(\S+@\S+)$", first_output, re.MULTILINE))
        assert adressen.keys() == {username for _, username, _ in logins}
        for rol, username, password in logins:
            client = Client()
            response = client.post("/account/login/", {"login": adressen[username], "password": password})
            if rol != Rol.AANVRAGER:  # staff: the second step, with the code `demo_code` prints
                assert response["Location"] == "/account/2fa/authenticate/", username
                out = StringIO()
                call_command("demo_code", stdout=out)
                response = client.post("/account/2fa/authenticate/", {"code": out.getvalue().split()[0]})
            thuis = {Rol.AANVRAGER: "/portaal/", Rol.BEHEERDER: "/admin/"}.get(rol, "/api/docs/")
            assert response.status_code == 302 and response["Location"] == thuis, username

    with subtests.test("an aanvrager login for each family, a member of an organisation with its requests"):
        families = {}
        for rol, username, _ in logins:
            if rol == Rol.AANVRAGER:
                families[username] = set(Aanvraag.objects.filter(organisatie__leden__username=username)
                                         .values_list("regeling__familie", flat=True))
        assert "maatschappelijk_initiatief" in families["demo-aanvrager"]
        assert "bewonersinitiatief" in families["demo-bewonersinitiatief"]
        assert {"exploitatiesubsidie", "onderhoudssubsidie"} <= families["demo-accommodatie"]
        assert "bewonersorganisatie" in families["demo-bewonersorganisatie"]

    check_structural_subsidies(subtests)


def wij(eerste_boekjaar: int) -> Subsidie:
    return Subsidie.objects.get(aanvraag__organisatie__naam="Stichting WIJ Groningen", eerste_boekjaar=eerste_boekjaar)


def check_structural_subsidies(subtests):
    """The multi-year part of the demo, as the council's budgets and the scheduled jobs left it up to today."""
    vandaag = timezone.localdate()
    tranches = Jaartranche.objects.select_related("subsidie__aanvraag__regeling", "verplichting")

    with subtests.test("the council adopted the budgets 2023-2027 in early or mid November, with a compensation %"):
        jaren = list(Begrotingsjaar.objects.order_by("boekjaar"))
        assert [jaar.boekjaar for jaar in jaren] == [2023, 2024, 2025, 2026, 2027]
        for jaar in jaren:
            assert (jaar.vastgesteld_op.year, jaar.vastgesteld_op.month) == (jaar.boekjaar - 1, 11), jaar
            assert jaar.vastgesteld_op.day <= 20 and Decimal("0") < jaar.indexatie_percentage < Decimal("5"), jaar

    with subtests.test("every tranche state is present"):
        assert set(Jaartranche.objects.values_list("status", flat=True)) == set(Jaartranche.Status.values)

    with subtests.test("2027 is adopted, 2028 is not: conditional tranches until the voorbehoud lapses (Awb 4:34)"):
        beslisser = get_user_model().objects.get(username="demo-beslisser")
        eind = voorbehoud_tot(Begrotingsjaar.objects.get(boekjaar=2027).vastgesteld_op)
        gepland_2027 = tranches.filter(boekjaar=2027, status="gepland")
        if eind + dt.timedelta(days=1) < vandaag:  # the daily job made them definitive the day after the 4 weeks
            assert not gepland_2027.exists()
        else:
            assert gepland_2027.count() >= 3
            for tranche in gepland_2027 if vandaag <= eind else ():  # the beslisser can still invoke the voorbehoud
                check(tranche, "voorbehoud_inroepen", beslisser)
        later = tranches.filter(boekjaar__gte=2028)
        assert later.exists() and set(later.values_list("status", flat=True)) == {"gepland"}
        for tranche in tranches.filter(status="gepland"):
            assert tranche.verplichting.voorwaardelijk, tranche
        with pytest.raises(TransitionNotPossible) as refusal:
            check(later.first(), "voorbehoud_inroepen", beslisser)
        assert refusal.value.code == "begroting_niet_vastgesteld"

    with subtests.test("the ledger shows what later years are already promised (meerjarenraming)"):
        rows = [row for row in overzicht(Budget.objects.filter(boekjaar=2028)) if row.voorwaardelijk_verplicht]
        assert {row.begrotingspost.naam for row in rows} == {
            "Sociaal werk", "Sociaal-culturele accommodaties", "Bewoners- en maatschappelijke initiatieven"}
        for row in rows:
            assert row.voorwaardelijk_verplicht <= row.verplicht <= row.bedrag, row

    with subtests.test("multi-year requests: a meerjarenbegroting that adds up, a werkplan, in time (Awb 4:60)"):
        aanvragen = Aanvraag.objects.filter(regeling__meerjarig=True).exclude(status="concept")
        assert aanvragen.count() >= 9
        for aanvraag in aanvragen:
            jaarbedragen = {j.boekjaar: j.gevraagd_bedrag for j in aanvraag.jaarbedragen.all()}
            assert sorted(jaarbedragen) == aanvraag.boekjaren and 2 <= len(jaarbedragen) <= 4, aanvraag
            assert sum(jaarbedragen.values()) == aanvraag.gevraagd_bedrag, aanvraag
            assert aanvraag.werkplan.strip(), aanvraag
            uiterlijk = aanvraag.regeling.aanvraag_uiterlijk(aanvraag.boekjaar)
            herkansing = uiterlijk + dt.timedelta(weeks=aanvraag.regeling.herkansing_weken)
            assert aanvraag.ontvangen_op <= (herkansing if aanvraag.na_aanvraagtermijn else uiterlijk), aanvraag
        assert aanvragen.filter(na_aanvraagtermijn=True, status="besluit_voorgesteld").exists()

    with subtests.test("the WIJ lumpsum: indexed per year, goals per kernactiviteit, continued without a gap"):
        subsidie = wij(2023)
        factor = Decimal(1)
        for tranche in subsidie.tranches.order_by("boekjaar"):
            if tranche.boekjaar > 2023:
                factor *= 1 + Begrotingsjaar.objects.get(boekjaar=tranche.boekjaar).indexatie_percentage / 100
            assert tranche.bedrag == (tranche.basisbedrag * factor).quantize(Decimal("0.01"), ROUND_HALF_UP)
            for kern in KERNACTIVITEITEN:
                assert any(doel["kernactiviteit"].startswith(kern) for doel in tranche.doelen), (tranche, kern)
        assert list(subsidie.tranches.values_list("status", flat=True)) == [
            "vastgesteld", "vastgesteld", "verantwoord", "lopend"]
        vervolg = wij(2027)
        assert vervolg.aanvraag.voortzetting_van == subsidie and vervolg.eerste_boekjaar == 2027
        assert gesubsidieerde_jaren(vervolg, 2027) == 5  # 2023-2026 and 2027: no gap

    with subtests.test("advances follow each subsidie's schedule up to yesterday, never twice or above a year"):
        gisteren = vandaag - dt.timedelta(days=1)
        for tranche in tranches.filter(status__in=["lopend", "verantwoord", "vastgesteld"]):
            voorschotten = tranche.verplichting.betalingen.filter(soort="voorschot").exclude(status="geannuleerd")
            due = [dag for dag in vervaldata(tranche.subsidie.voorschotschema, tranche.boekjaar) if dag <= gisteren]
            assert sorted(voorschotten.values_list("gepland_op", flat=True)) == due, tranche
            assert sum(b.bedrag for b in voorschotten) <= tranche.bedrag, tranche
        paid = wij(2023).tranches.get(boekjaar=2024).verplichting.betalingen.filter(status="uitgevoerd")
        assert paid.count() == 12 and sum(b.bedrag for b in paid) == wij(2023).tranches.get(boekjaar=2024).bedrag

    with subtests.test("egalisatiereserve ledgers add up, never negative, within their maximum (Awb 4:72)"):
        for subsidie in Subsidie.objects.filter(reservemutaties__isnull=False).distinct():
            saldo = Decimal("0")
            for mutatie in subsidie.reservemutaties.order_by("pk"):
                saldo += mutatie.bedrag
                assert mutatie.saldo_na == saldo >= 0, mutatie
            maximum = max(subsidie.tranches.values_list("bedrag", flat=True)) * subsidie.reserve_max_percentage / 100
            assert max(m.saldo_na for m in subsidie.reservemutaties.all()) <= maximum, subsidie
        soorten = set(wij(2023).reservemutaties.values_list("soort", flat=True))
        assert soorten == {Reservemutatie.Soort.DOTATIE, Reservemutatie.Soort.ONTTREKKING}

    with subtests.test("an initiative in its fourth year is in its phase-out term (Awb 4:51)"):
        beeindiging = Beeindiging.objects.select_related("subsidie").get(grond="4:51")
        subsidie = beeindiging.subsidie
        assert subsidie.regeling.code == "initiatief-meerjarig" and beeindiging.gesubsidieerde_jaren == 4
        afbouw = subsidie.tranches.get(afbouw=True)
        assert afbouw.boekjaar == beeindiging.laatste_boekjaar == subsidie.laatste_boekjaar == 2027
        assert afbouw.bedrag < subsidie.tranches.get(boekjaar=2026).bedrag
        assert subsidie.aanvraag.beschikkingen.filter(soort="beeindiging").exists()
        tweede_jaar = Subsidie.objects.get(aanvraag__regeling__code="initiatief-meerjarig", eerste_boekjaar=2025)
        assert tweede_jaar.tranches.get(boekjaar=2026).status == "lopend"

    with subtests.test("an accommodation ended for changed circumstances (4:50): compensated, settled, closed"):
        beeindiging = Beeindiging.objects.select_related("subsidie").get(grond="4:50")
        subsidie = beeindiging.subsidie
        assert beeindiging.compensatie > 0 and subsidie.status == "afgesloten"
        assert set(subsidie.tranches.filter(boekjaar__gt=beeindiging.laatste_boekjaar).values_list(
            "status", flat=True)) == {"vervallen"}
        assert subsidie.reservemutaties.filter(soort="terugvordering").exists()
        assert subsidie.reservemutaties.order_by("-pk").first().saldo_na == 0 and subsidie.saldo() == 0

    with subtests.test("jaarverantwoordingen wait for vaststelling; an overdue one is flagged to the behandelaar"):
        assert tranches.filter(status="verantwoord").count() >= 2
        te_laat = tranches.filter(te_laat_gemeld_op__isnull=False)
        assert te_laat.exists()
        for tranche in te_laat:
            assert tranche.status == "lopend" and tranche.verantwoording_uiterlijk < tranche.te_laat_gemeld_op

    with subtests.test("not deciding on time: a dwangsom running today, and one set by beschikking and paid"):
        loopt = Ingebrekestelling.objects.get(status="dwangsom_loopt")
        assert loopt.aanvraag.status == "in_behandeling" and 0 < stand(loopt).dagen < 42
        assert stand(loopt).bedrag_morgen > stand(loopt).bedrag > 0
        vastgesteld = Ingebrekestelling.objects.get(status="vastgesteld")
        assert vastgesteld.vastgesteld_bedrag == stand(vastgesteld).bedrag > 0
        assert vastgesteld.beschikking.soort == Beschikking.Soort.DWANGSOM
        assert vastgesteld.betaling.status == "uitgevoerd"

    with subtests.test("the daily jobs, run once more at the end of yesterday, find nothing left to do"):
        state = database_state()
        gisteren = vandaag - dt.timedelta(days=1)
        with time_machine.travel(timezone.make_aware(dt.datetime.combine(gisteren, dt.time(23))), tick=False):
            betaalrun(gisteren)
            bewaak_termijnen()
            bewaak_dwangsommen()
        assert database_state() == state


def test_seed_demo_refuses_to_run_with_debug_off_unless_forced(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG is off"):
        call_command("seed_demo", stdout=StringIO())
    assert not Aanvraag.objects.exists()
    assert not User.objects.exists()


def test_seed_demo_says_what_to_install_without_the_demo_extra(settings, monkeypatch):
    """time-machine is the `demo` extra, not a runtime dependency: without it the command says what to install."""
    settings.DEBUG = True
    monkeypatch.setitem(sys.modules, "time_machine", None)  # as if not installed: importing it fails
    monkeypatch.delitem(sys.modules, "subsidies.demo.builder", raising=False)
    with pytest.raises(CommandError, match=r"pip install -e '\.\[demo\]'"):
        call_command("seed_demo", stdout=StringIO())
    assert not Aanvraag.objects.exists()
