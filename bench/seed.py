"""Seed a benchmark database with ~100,000 aanvragen and their audit trail, fast.

    python -m bench.seed [--aanvragen 100000] [--seed 42]       # reference data, aanvragen, ~5 records each
    python -m bench.seed extend --to 1000000                    # append begrotingsregels until the trail has N

Reference data (gebieden, regelingen, budgets, users, ~200 organisaties) goes through the ORM and so writes its
own trail. The aanvragen are bulk-inserted as if they had walked their lifecycle: for each one the script plans
the transitions it went through (with realistic dates), then writes the records those transitions would have
written — same fields, same `wijzigingen`, same actors — in global time order, each with its content hash
(`workflows.audit.content_hash`), unlinked like every writer's; after the commit `workflows.audit.seal()` links
them into the chain (its time is reported as `seal_audit_trail_s`). The result passes `verify_audit_trail`. Downstream objects of a verlening (subsidie, verplichting, beschikking) are
not seeded: the benchmarks read and move aanvragen only.
"""
import argparse
import datetime as dt
import json
import random
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from zoneinfo import ZoneInfo

from .common import setup_django, write_result

UTC = dt.timezone.utc
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
STATUS_WEIGHTS = {  # a municipality two years into the scheme: most requests decided, a live queue of open ones
    "concept": 5, "ingediend": 8, "in_behandeling": 8, "aanvulling_gevraagd": 4, "in_beoordeling": 6,
    "besluit_voorgesteld": 4, "verleend": 45, "geweigerd": 12, "buiten_behandeling": 3, "ingetrokken": 5,
}
GEBIEDEN = {
    "Centrum": ["Binnenstad", "Hortusbuurt", "Schildersbuurt"],
    "Oude Wijken": ["Korrewegwijk", "De Hoogte", "Oranjewijk", "Schildersbuurt-Noord"],
    "Oost": ["Beijum", "Lewenborg", "Meerstad", "Oosterparkwijk"],
    "Zuid": ["Helpman", "De Wijert", "Corpus den Hoorn", "Hoornse Meer"],
    "West": ["Vinkhuizen", "Paddepoel", "Selwerd", "Hoogkerk"],
    "Haren": ["Glimmen", "Haren", "Noordlaren", "Onnen"],
    "Ten Boer": ["Ten Boer", "Ten Post", "Thesinge"],
}
POSTEN = {
    "accommodaties": ("Sociaal-culturele accommodaties", Decimal("5109066")),
    "bewonersorganisaties": ("Bewonersorganisaties", Decimal("368803")),
    "vrijwillige-inzet": ("Vrijwillige inzet", Decimal("1304950")),
    "ouderen": ("Ouderen (incl. dementie)", Decimal("276900")),
    "eenzaamheid": ("Eenzaamheid", Decimal("76000")),
    "mantelzorg": ("Mantelzorg", Decimal("1055607")),
}
ALLE_VORMEN = ["stichting", "vereniging", "initiatiefgroep"]
RECHTSPERSONEN = ["stichting", "vereniging"]
# code, naam, post, beslistermijn (weken), min, max, who may apply, relative frequency
REGELINGEN = [
    ("bewonersinitiatieven", "Bewonersinitiatieven", "vrijwillige-inzet", 2, 100, 5000, ALLE_VORMEN, 30),
    ("maatschappelijke-initiatieven", "Maatschappelijke initiatieven", "vrijwillige-inzet", 8, 1000, 125000,
     ALLE_VORMEN, 15),
    ("structurele-initiatieven", "Structurele maatschappelijke initiatieven", "vrijwillige-inzet", 13, 25000,
     250000, RECHTSPERSONEN, 4),
    ("exploitatie-accommodaties", "Exploitatiesubsidie accommodaties", "accommodaties", 8, 5000, 150000,
     RECHTSPERSONEN, 8),
    ("onderhoud-accommodaties", "Onderhoudssubsidie accommodaties", "accommodaties", 8, 1000, 100000,
     RECHTSPERSONEN, 5),
    ("bewonersorganisaties", "Subsidie bewonersorganisaties", "bewonersorganisaties", 8, 500, 25000,
     RECHTSPERSONEN, 8),
    ("ouderen-dementie", "Ouderen en dementie", "ouderen", 8, 500, 50000, ALLE_VORMEN, 8),
    ("eenzaamheid", "Eén tegen eenzaamheid", "eenzaamheid", 6, 250, 20000, ALLE_VORMEN, 8),
    ("mantelzorg", "Mantelzorgondersteuning", "mantelzorg", 8, 500, 60000, ALLE_VORMEN, 7),
    ("vrijwillige-inzet", "Vrijwillige inzet", "vrijwillige-inzet", 8, 500, 40000, ALLE_VORMEN, 7),
]
TITELS = [
    "Koffieochtend voor ouderen", "Buurtmaaltijd", "Taalcafé", "Mantelzorgcafé", "Huiswerkbegeleiding",
    "Wijkfeest", "Repair café", "Beweegprogramma 65+", "Samen wandelen tegen eenzaamheid", "Jongerenpodium",
    "Moestuin in de wijk", "Exploitatie buurthuis", "Dakrenovatie speeltuingebouw", "Vrijwilligersacademie",
    "Dementievriendelijke wijk", "Ontmoetingsplek voor nieuwkomers", "Kledingbank", "Buurtbus",
]
OMSCHRIJVING = ("Wekelijkse ontmoeting in de wijk voor bewoners die elkaar anders niet zien, georganiseerd door "
                "vrijwilligers uit de buurt, met aandacht voor wie er alleen voor staat.")
AANVULLING = "Stuur de begroting met dekking en het activiteitenplan voor het komende jaar."
MOTIVERING_VERLENEN = "Past binnen de doelen van de regeling en de begroting is reëel."
MOTIVERING_WEIGEREN = "De activiteit valt buiten de doelen van de regeling."
INTREKKING = "We hebben andere financiering gevonden."
VERDAGING = "Advies van de bewonersorganisatie is nog niet binnen."


@dataclass
class Plan:
    """One aanvraag as it stands now, and the transitions (time, action) that brought it there."""

    status: str
    regeling: object
    organisatie: object
    aanvrager: object
    titel: str
    gevraagd_bedrag: Decimal
    events: list = field(default_factory=list)  # (datetime, action, actor) in time order
    fields: dict = field(default_factory=dict)   # final values of the dated/derived fields
    beslisdatums: list = field(default_factory=list)  # uiterste_beslisdatum after each recalculation, in order
    aanvulling: dict | None = None


@contextmanager
def historic_timestamps(*model_fields):
    """Let bulk_create keep the dates we give instead of stamping now (auto_now / auto_now_add)."""
    saved = [(f, f.auto_now, f.auto_now_add) for f in model_fields]
    for f in model_fields:
        f.auto_now = f.auto_now_add = False
    try:
        yield
    finally:
        for f, auto_now, auto_now_add in saved:
            f.auto_now, f.auto_now_add = auto_now, auto_now_add


def seed(n: int, rng: random.Random) -> dict:
    import time_machine
    from django.db import connection, transaction

    from subsidies.models import Aanvraag
    from workflows.audit import seal

    if Aanvraag.objects.exists():
        raise SystemExit("This database already has aanvragen; seed a freshly migrated database (see bench/run.sh).")
    timings = {}
    started = time.perf_counter()
    # Reference data is written through the ORM (and so audited) as of before the first aanvraag.
    with time_machine.travel(dt.datetime(2022, 12, 1, 9, 0, tzinfo=UTC)), transaction.atomic():
        ref = reference_data(rng)
    timings["reference_data_s"] = time.perf_counter() - started

    t = time.perf_counter()
    plans = sorted((plan_aanvraag(rng, ref) for _ in range(n)), key=lambda p: p.events[0][0])
    timings["plan_s"] = time.perf_counter() - t

    with transaction.atomic():
        t = time.perf_counter()
        aanvragen, aanvullingen = insert_objects(plans)
        timings["insert_aanvragen_s"] = time.perf_counter() - t
        t = time.perf_counter()
        written = write_trail(trail_records(plans, aanvragen, aanvullingen), rng)
        timings["insert_audit_trail_s"] = time.perf_counter() - t
    t = time.perf_counter()
    seal()
    timings["seal_audit_trail_s"] = time.perf_counter() - t
    t = time.perf_counter()
    with connection.cursor() as cursor:  # what autovacuum would do soon after a bulk load
        cursor.execute("VACUUM ANALYZE subsidies_aanvraag")
        cursor.execute("VACUUM ANALYZE subsidies_aanvulling")
        cursor.execute("VACUUM ANALYZE workflows_auditrecord")
    timings["vacuum_analyze_s"] = time.perf_counter() - t
    timings["total_s"] = time.perf_counter() - started
    return {"aanvragen": len(aanvragen), "aanvullingen": len(aanvullingen), "audit_records_written": written,
            "timings": {k: round(v, 2) for k, v in timings.items()}}


def reference_data(rng: random.Random) -> dict:
    """Gebieden, posts, budgets, regelingen with published ceilings, staff, ~200 organisaties with one member each."""
    from django.contrib.auth.models import Group, User

    from subsidies import models as m
    from subsidies.rollen import Rol
    from workflows.context import acting_as

    groups = {rol: Group.objects.get_or_create(name=rol)[0] for rol in Rol.values}

    def user(username, rol, first, last):
        u = User(username=username, first_name=first, last_name=last, email=f"{username}@groningen.example")
        u.set_unusable_password()
        u.save()
        u.groups.add(groups[rol])
        return u

    beheerder = user("beheerder", Rol.BEHEERDER, "Bea", "Heerder")
    with acting_as(beheerder):
        wijken = []
        for naam, wijknamen in GEBIEDEN.items():
            gebied = m.Gebied.objects.create(naam=naam)
            wijken += [m.Wijk.objects.create(gebied=gebied, naam=w) for w in wijknamen]
        fonds = m.Fondsbron.objects.create(code="gemeente", naam="Gemeentelijke middelen", soort="gemeente")
        posten = {}
        for code, (naam, bedrag) in POSTEN.items():
            posten[code] = m.Begrotingspost.objects.create(code=code, naam=naam)
            for jaar in range(2023, 2028):
                m.Budget.objects.create(begrotingspost=posten[code], boekjaar=jaar, fondsbron=fonds, bedrag=bedrag)
        regelingen, gewichten = [], []
        for code, naam, post, weken, lo, hi, vormen, gewicht in REGELINGEN:
            regeling = m.Regeling.objects.create(
                code=code, naam=naam, begrotingspost=posten[post], fondsbron=fonds, beslistermijn_weken=weken,
                min_bedrag=Decimal(lo), max_bedrag=Decimal(hi), toegestane_rechtsvormen=vormen,
                meerjarig=code == "structurele-initiatieven", max_boekjaren=4 if code == "structurele-initiatieven" else 1,
            )
            for jaar in range(2023, 2028):
                budget = m.Budget.objects.get(begrotingspost=posten[post], boekjaar=jaar, fondsbron=fonds)
                m.Plafond.objects.create(regeling=regeling, boekjaar=jaar, bedrag=budget.bedrag,
                                         gepubliceerd_op=dt.date(jaar - 1, 11, 15), budget=budget)
            regelingen.append(regeling)
            gewichten.append(gewicht)

        behandelaars = [user(f"behandelaar{i:02d}", Rol.BEHANDELAAR, "Behandelaar", f"{i:02d}") for i in range(1, 13)]
        beslissers = [user(f"beslisser{i}", Rol.BESLISSER, "Beslisser", str(i)) for i in range(1, 5)]
        user("auditor", Rol.AUDITOR, "Anna", "Uditor")

        organisaties, aanvragers = [], {}
        vormen = rng.choices(["stichting", "vereniging", "initiatiefgroep"], weights=[5, 3, 2], k=200)
        for i, vorm in enumerate(vormen, start=1):
            wijk = rng.choice(wijken)
            soort = {"stichting": "Stichting", "vereniging": "Vereniging", "initiatiefgroep": "Bewonersgroep"}[vorm]
            org = m.Organisatie.objects.create(
                naam=f"{soort} {rng.choice(['Samen', 'Buurtkracht', 'Ontmoeting', 'De Brug', 'Wijkwijs'])} "
                     f"{wijk.naam} {i}",
                rechtsvorm=vorm, kvk_nummer="" if vorm == "initiatiefgroep" else f"{40000000 + i * 7:08d}",
                iban="NL91ABNA0417164300", postcode="9711 AB", gebied=wijk.gebied, wijk=wijk,
                email=f"info{i}@organisatie.example",
            )
            aanvragers[org.pk] = user(f"aanvrager{i:03d}", Rol.AANVRAGER, "Aanvrager", f"{i:03d}")
            org.leden.add(aanvragers[org.pk])
            organisaties.append(org)
        for medewerker, org in zip(behandelaars[1:6], rng.sample(organisaties, 5)):  # a few declared ties
            m.Belangenverklaring.objects.create(medewerker=medewerker, organisatie=org, toelichting="Bestuurslid")
        belangen = {(b.medewerker_id, b.organisatie_id) for b in m.Belangenverklaring.objects.all()}
    return {"regelingen": regelingen, "gewichten": gewichten, "organisaties": organisaties, "aanvragers": aanvragers,
            "behandelaars": behandelaars, "beslissers": beslissers, "belangen": belangen}


def plan_aanvraag(rng: random.Random, ref: dict) -> Plan:
    """Choose where one aanvraag stands and date the path that took it there, ending at most 'now'."""
    from workflows import termijnen

    status = rng.choices(list(STATUS_WEIGHTS), weights=list(STATUS_WEIGHTS.values()))[0]
    org = rng.choice(ref["organisaties"])
    while True:
        regeling = rng.choices(ref["regelingen"], weights=ref["gewichten"])[0]
        if org.rechtsvorm in regeling.toegestane_rechtsvormen:
            break
    bedrag = Decimal(rng.randint(int(regeling.min_bedrag), int(regeling.max_bedrag)) // 50 * 50 or 50).quantize(
        Decimal("0.01"))
    plan = Plan(status=status, regeling=regeling, organisatie=org, aanvrager=ref["aanvragers"][org.pk],
                titel=f"{rng.choice(TITELS)} {org.wijk.naam}", gevraagd_bedrag=max(bedrag, regeling.min_bedrag))
    behandelaar = rng.choice([b for b in ref["behandelaars"] if (b.pk, org.pk) not in ref["belangen"]])
    days = lambda lo, hi: dt.timedelta(seconds=rng.uniform(lo * 86400, hi * 86400))  # noqa: E731

    # The path, as (gap before this step, action, actor); dated backwards from where it ends.
    steps = [(dt.timedelta(0), "aanmaken", plan.aanvrager)]
    if rng.random() < 0.3:
        steps.append((days(0.01, 3), "wijzigen", plan.aanvrager))
    target = status if status != "ingetrokken" else rng.choice(["concept", "ingediend", "in_behandeling",
                                                                 "in_beoordeling"])
    order = ["concept", "ingediend", "in_behandeling", "in_beoordeling", "besluit_voorgesteld", "besloten"]
    reach = {"aanvulling_gevraagd": "in_behandeling", "buiten_behandeling": "in_behandeling",
             "verleend": "besloten", "geweigerd": "besloten"}.get(target, target)
    with_aanvulling = target in ("aanvulling_gevraagd", "buiten_behandeling") or (
        order.index(reach) >= order.index("in_beoordeling") and rng.random() < 0.2)
    if order.index(reach) >= 1:
        steps.append((days(0.02, 10), "indienen", plan.aanvrager))
    if order.index(reach) >= 2:
        steps.append((days(1, 10), "in_behandeling_nemen", behandelaar))
        if rng.random() < 0.03 and target not in ("aanvulling_gevraagd", "buiten_behandeling"):
            steps.append((days(1, 5), "beslistermijn_verdagen", behandelaar))
        if with_aanvulling:
            steps.append((days(0.5, 7), "aanvulling_vragen", behandelaar))
            if target == "buiten_behandeling":
                steps.append((days(22, 35), "buiten_behandeling_stellen", behandelaar))
            elif target != "aanvulling_gevraagd":
                steps.append((days(1, 20), "aanvulling_ontvangen", plan.aanvrager))
    if order.index(reach) >= 3:
        steps.append((days(1, 10), "volledig_verklaren", behandelaar))
    if order.index(reach) >= 4:
        steps.append((days(2, 20), "besluit_voorstellen", behandelaar))
    if reach == "besloten":
        hoog = plan.gevraagd_bedrag > regeling.vier_ogen_drempel
        steps.append((days(1, 7), "verlenen" if status == "verleend" else "weigeren",
                      rng.choice(ref["beslissers"]) if hoog else behandelaar))
    if status == "ingetrokken":
        steps.append((days(1, 20), "intrekken", plan.aanvrager))

    now = dt.datetime.now(UTC)
    span = sum((gap for gap, _, _ in steps), dt.timedelta(0))
    if status in ("verleend", "geweigerd", "buiten_behandeling", "ingetrokken"):
        first = dt.datetime(2023, 1, 2, 8, tzinfo=UTC)
        end = first + span + (now - dt.timedelta(days=30) - first - span) * rng.random()
    else:  # the live queue: last step within the past weeks
        end = now - days(0.05, 21)
    moment = end - span
    for gap, action, actor in steps:
        moment += gap
        plan.events.append((moment.replace(microsecond=rng.randrange(1, 10**6)), action, actor))

    local = lambda moment: moment.astimezone(AMSTERDAM).date()  # noqa: E731
    f = plan.fields
    f["aangemaakt_op"] = plan.events[0][0]
    f["gewijzigd_op"] = plan.events[-1][0]
    boekjaar = local(plan.events[0][0]).year + (1 if local(plan.events[0][0]).month >= 10 else 0)
    f["periode_van"], f["periode_tot"] = dt.date(boekjaar, 1, 1), dt.date(boekjaar, 12, 31)
    f["gebied_id"], f["wijk_id"] = org.gebied_id, org.wijk_id
    opschortingen = []
    for moment, action, actor in plan.events:
        if action == "indienen":
            f["ontvangen_op"], f["volledig_op"], f["ingediend_door_id"] = local(moment), moment, actor.pk
        elif action == "in_behandeling_nemen":
            f["behandelaar_id"] = actor.pk
        elif action == "beslistermijn_verdagen":
            f["verdaagd_weken"] = 4
        elif action == "aanvulling_vragen":
            gevraagd = local(moment)
            plan.aanvulling = {"gevraagd_op": gevraagd, "termijn_tot": gevraagd + dt.timedelta(days=21),
                               "ontvangen_op": None, "gevraagd_door_id": actor.pk}
        elif action == "aanvulling_ontvangen":
            plan.aanvulling["ontvangen_op"] = local(moment)
            f["volledig_op"] = moment
        elif action == "besluit_voorstellen":
            verlenen = status == "verleend"
            f["voorstel_uitkomst"] = "verlenen" if verlenen else "weigeren"
            f["voorstel_bedrag"] = plan.gevraagd_bedrag if verlenen else None
            f["voorstel_motivering"] = MOTIVERING_VERLENEN if verlenen else MOTIVERING_WEIGEREN
            f["voorgesteld_door_id"] = actor.pk
        if action in ("indienen", "aanvulling_vragen", "aanvulling_ontvangen", "beslistermijn_verdagen"):
            if plan.aanvulling:
                a = plan.aanvulling
                verstreken = a["termijn_tot"] + dt.timedelta(days=1)
                einde = min(a["ontvangen_op"], verstreken) if a["ontvangen_op"] else verstreken
                opschortingen = [termijnen.Opschorting(van=a["gevraagd_op"] + dt.timedelta(days=1), tot=einde)]
            f["uiterste_beslisdatum"] = termijnen.termijn_einde(
                f["ontvangen_op"], weken=regeling.beslistermijn_weken + f.get("verdaagd_weken", 0),
                opschortingen=opschortingen)
            plan.beslisdatums.append(f["uiterste_beslisdatum"])
    return plan


def insert_objects(plans: list[Plan]):
    """Bulk-insert the aanvragen (in creation order, so ids follow time) and their aanvullingen."""
    from subsidies.models import Aanvraag, Aanvulling

    objs = []
    for plan in plans:
        objs.append(Aanvraag(regeling=plan.regeling, organisatie=plan.organisatie, titel=plan.titel,
                             omschrijving=OMSCHRIJVING, gevraagd_bedrag=plan.gevraagd_bedrag, status=plan.status,
                             **plan.fields))
    with historic_timestamps(Aanvraag._meta.get_field("aangemaakt_op"), Aanvraag._meta.get_field("gewijzigd_op")):
        aanvragen = Aanvraag.objects.bulk_create(objs, batch_size=5000)
    aanvullingen = {}
    rows = [(i, Aanvulling(aanvraag=aanvragen[i], omschrijving=AANVULLING, **plan.aanvulling))
            for i, plan in enumerate(plans) if plan.aanvulling]
    created = Aanvulling.objects.bulk_create([a for _, a in rows], batch_size=5000)
    for (i, _), aanvulling in zip(rows, created):
        aanvullingen[i] = aanvulling
    return aanvragen, aanvullingen


def trail_records(plans, aanvragen, aanvullingen):
    """The audit-record values (without chain fields) for every step of every plan, in time order.

    Database look-ups happen here, before the generator runs: it is consumed while the COPY holds the connection.
    """
    from django.contrib.contenttypes.models import ContentType

    from subsidies.models import Aanvraag, Aanvulling
    from workflows.audit import describe_actor

    ct_aanvraag = ContentType.objects.get_for_model(Aanvraag, for_concrete_model=False).pk
    ct_aanvulling = ContentType.objects.get_for_model(Aanvulling, for_concrete_model=False).pk
    names = {actor.pk: describe_actor(actor) for plan in plans for _, _, actor in plan.events}
    events = sorted((moment, i, k) for i, plan in enumerate(plans) for k, (moment, _, _) in enumerate(plan.events))
    return _records(plans, aanvragen, aanvullingen, events, names, ct_aanvraag, ct_aanvulling)


def _records(plans, aanvragen, aanvullingen, events, names, ct_aanvraag, ct_aanvulling):
    from workflows.audit import to_json_value

    for moment, i, k in events:
        plan, aanvraag = plans[i], aanvragen[i]
        _, action, actor = plan.events[k]
        f = plan.fields
        base = {"tijdstip": moment, "actor_id": actor.pk, "actor_weergave": names[actor.pk],
                "object_type_id": ct_aanvraag, "object_id": str(aanvraag.pk), "object_weergave": str(aanvraag)[:300],
                "actie": "overgang", "handeling": action, "toelichting": ""}
        if action == "aanmaken":
            changes = {"regeling_id": plan.regeling.pk, "organisatie_id": plan.organisatie.pk, "titel": plan.titel,
                       "omschrijving": OMSCHRIJVING, "gevraagd_bedrag": plan.gevraagd_bedrag,
                       "periode_van": f["periode_van"], "periode_tot": f["periode_tot"], "gebied_id": f["gebied_id"],
                       "wijk_id": f["wijk_id"], "status": "concept", "verdaagd_weken": 0}
            yield {**base, "actie": "aangemaakt", "handeling": "", "van_status": "", "naar_status": "",
                   "wijzigingen": to_json_value(as_created(changes))}
            continue
        if action == "wijzigen":
            changes = {"omschrijving": [OMSCHRIJVING[:60], OMSCHRIJVING]}
            yield {**base, "actie": "gewijzigd", "handeling": "", "van_status": "", "naar_status": "",
                   "wijzigingen": to_json_value(changes)}
            continue
        van, naar, changes = transition_changes(plan, action)
        if action == "aanvulling_vragen":
            a = aanvullingen[i]
            yield {**base, "object_type_id": ct_aanvulling, "object_id": str(a.pk), "object_weergave": str(a)[:300],
                   "actie": "aangemaakt", "handeling": "", "van_status": "", "naar_status": "",
                   "wijzigingen": to_json_value(as_created({"aanvraag_id": aanvraag.pk, "omschrijving": AANVULLING,
                                                         "gevraagd_op": a.gevraagd_op, "termijn_tot": a.termijn_tot,
                                                         "gevraagd_door_id": actor.pk})),
                   "_same_request": True}
            base["toelichting"] = AANVULLING
        elif action == "aanvulling_ontvangen":
            a = aanvullingen[i]
            yield {**base, "object_type_id": ct_aanvulling, "object_id": str(a.pk), "object_weergave": str(a)[:300],
                   "actie": "gewijzigd", "handeling": "", "van_status": "", "naar_status": "",
                   "wijzigingen": to_json_value({"ontvangen_op": [None, a.ontvangen_op]}), "_same_request": True}
        base["toelichting"] = {"besluit_voorstellen": f.get("voorstel_motivering", ""), "intrekken": INTREKKING,
                               "beslistermijn_verdagen": VERDAGING}.get(action, base["toelichting"])
        yield {**base, "van_status": van, "naar_status": naar, "wijzigingen": to_json_value(changes)}


def as_created(values: dict) -> dict:
    """A create record's `wijzigingen` as `Auditable.audit_changes` writes them: {field: [None, value]}, without
    empty fields (verification's continuity check reads a new object's first status from it)."""
    return {name: [None, value] for name, value in values.items() if value not in (None, "")}


def transition_changes(plan: Plan, action: str) -> tuple[str, str, dict]:
    """The from/to status and the changed fields the real transition records (see Aanvraag's transitions)."""
    f = plan.fields
    statuses = ["concept"]
    for _, a, _ in plan.events:
        statuses.append({
            "indienen": "ingediend", "in_behandeling_nemen": "in_behandeling", "aanvulling_vragen": "aanvulling_gevraagd",
            "aanvulling_ontvangen": "in_behandeling", "volledig_verklaren": "in_beoordeling",
            "besluit_voorstellen": "besluit_voorgesteld", "verlenen": "verleend", "weigeren": "geweigerd",
            "buiten_behandeling_stellen": "buiten_behandeling", "intrekken": "ingetrokken",
        }.get(a, statuses[-1]))
    k = next(i for i, (_, a, _) in enumerate(plan.events) if a == action)
    van, naar = statuses[k], statuses[k + 1]
    changes = {"status": [van, naar]} if van != naar else {}
    recomputed = [a for _, a, _ in plan.events if a in ("indienen", "aanvulling_vragen", "aanvulling_ontvangen",
                                                        "beslistermijn_verdagen")]
    if action in recomputed:
        n = recomputed.index(action)
        changes["uiterste_beslisdatum"] = [plan.beslisdatums[n - 1] if n else None, plan.beslisdatums[n]]
    if action == "indienen":
        changes.update(ingediend_door_id=[None, f["ingediend_door_id"]], ontvangen_op=[None, f["ontvangen_op"]],
                       volledig_op=[None, plan.events[k][0]])
    elif action == "in_behandeling_nemen":
        changes["behandelaar_id"] = [None, f["behandelaar_id"]]
    elif action == "aanvulling_ontvangen":
        changes["volledig_op"] = [plan.events[[a for _, a, _ in plan.events].index("indienen")][0], f["volledig_op"]]
    elif action == "beslistermijn_verdagen":
        changes["verdaagd_weken"] = [0, f["verdaagd_weken"]]
    elif action == "besluit_voorstellen":
        changes.update(voorstel_uitkomst=["", f["voorstel_uitkomst"]],
                       voorstel_motivering=["", f["voorstel_motivering"]],
                       voorgesteld_door_id=[None, f["voorgesteld_door_id"]])
        if f["voorstel_bedrag"] is not None:
            changes["voorstel_bedrag"] = [None, f["voorstel_bedrag"]]
    return van, naar, changes


COLUMNS = ("tijdstip", "actor_id", "actor_weergave", "object_type_id", "object_id", "object_weergave", "actie",
           "handeling", "van_status", "naar_status", "toelichting", "wijzigingen", "request_id", "inhoud_hash",
           "vorige_hash", "hash")


def write_trail(records, rng: random.Random) -> int:
    """COPY the records unlinked, each with its content hash (the sealer links them after the commit). Returns the
    count."""
    from django.db import connection

    from workflows.audit import content_hash

    shared_request = ""  # a record flagged `_same_request` shares its request id with the record after it
    written = 0
    connection.ensure_connection()
    with connection.connection.cursor() as cursor:
        with cursor.copy(f"COPY workflows_auditrecord ({', '.join(COLUMNS)}) FROM STDIN") as copy:
            for values in records:
                request_id = shared_request or f"{rng.getrandbits(128):032x}"
                shared_request = request_id if values.pop("_same_request", False) else ""
                values.update(request_id=request_id, vorige_hash="", hash="")
                values["inhoud_hash"] = content_hash(values)
                copy.write_row([json.dumps(values[c]) if c == "wijzigingen" else values[c] for c in COLUMNS])
                written += 1
    return written


def extend(target: int, rng: random.Random) -> dict:
    """Append begrotingsregels (with their 'aangemaakt' records, dated from now on) until the trail has `target`."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction

    from subsidies.models import Aanvraag, Begrotingsregel, Organisatie
    from workflows.audit import describe_actor, seal, to_json_value
    from workflows.models import AuditRecord

    started = time.perf_counter()
    with transaction.atomic():
        missing = target - AuditRecord.objects.count()
        if missing <= 0:
            return {"audit_records_written": 0, "timings": {"total_s": 0.0}}
        aanvragen = list(Aanvraag.objects.order_by("pk").values_list("pk", "organisatie_id"))
        rows, turn = [], 0
        while len(rows) < missing:  # a few lines per aanvraag, round after round until the trail is long enough
            aanvraag_id, organisatie_id = aanvragen[turn % len(aanvragen)]
            turn += 1
            for k in range(min(rng.randint(2, 6), missing - len(rows))):
                rows.append((organisatie_id, Begrotingsregel(
                    aanvraag_id=aanvraag_id, soort="dekking" if k == 0 else "kosten",
                    omschrijving=rng.choice(["Huur zaal", "Koffie en thee", "Materialen", "Vrijwilligersvergoeding",
                                             "Eigen bijdrage"]),
                    bedrag=Decimal(rng.randint(1, 400) * 25).quantize(Decimal("0.01")))))
        created = Begrotingsregel.objects.bulk_create([regel for _, regel in rows], batch_size=5000)
        t_objects = time.perf_counter() - started
        ct = ContentType.objects.get_for_model(Begrotingsregel, for_concrete_model=False).pk
        moment = max(dt.datetime.now(UTC), Aanvraag.objects.latest("gewijzigd_op").gewijzigd_op)
        members = {}  # look-ups before the COPY: it holds the connection while `records()` runs
        for organisatie in Organisatie.objects.prefetch_related("leden"):
            actor = organisatie.leden.all()[0]
            members[organisatie.pk] = (actor.pk, describe_actor(actor))

        def records():
            nonlocal moment
            for (organisatie_id, _), regel in zip(rows, created):
                actor_id, actor_weergave = members[organisatie_id]
                moment += dt.timedelta(microseconds=rng.randint(20, 200))
                yield {"tijdstip": moment, "actor_id": actor_id, "actor_weergave": actor_weergave,
                       "object_type_id": ct, "object_id": str(regel.pk), "object_weergave": str(regel)[:300],
                       "actie": "aangemaakt", "handeling": "", "van_status": "", "naar_status": "", "toelichting": "",
                       "wijzigingen": to_json_value(as_created({"aanvraag_id": regel.aanvraag_id, "soort": regel.soort,
                                                             "omschrijving": regel.omschrijving,
                                                             "bedrag": regel.bedrag}))}

        written = write_trail(records(), rng)
    t_trail = time.perf_counter() - started - t_objects
    t = time.perf_counter()
    seal()
    t_seal = time.perf_counter() - t
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE workflows_auditrecord")
        cursor.execute("VACUUM ANALYZE subsidies_begrotingsregel")
    return {"begrotingsregels": len(created), "audit_records_written": written,
            "timings": {"insert_begrotingsregels_s": round(t_objects, 2), "insert_audit_trail_s": round(t_trail, 2),
                        "seal_audit_trail_s": round(t_seal, 2),
                        "total_s": round(time.perf_counter() - started, 2)}}


def summary() -> dict:
    from django.db.models import Count

    from subsidies.models import Aanvraag, Organisatie, Regeling
    from workflows.models import AuditChainHead, AuditRecord

    return {
        "aanvragen_per_status": dict(Aanvraag.objects.order_by().values_list("status").annotate(n=Count("id"))),
        "aanvragen": Aanvraag.objects.count(),
        "organisaties": Organisatie.objects.count(),
        "regelingen": Regeling.objects.count(),
        "audit_records": AuditRecord.objects.count(),
        "chain_head": AuditChainHead.objects.values("laatste_positie", "laatste_volgnummer").first(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mode", nargs="?", choices=["seed", "extend"], default="seed")
    parser.add_argument("--aanvragen", type=int, default=100_000)
    parser.add_argument("--to", type=int, default=1_000_000, help="extend: the trail length to reach")
    parser.add_argument("--seed", type=int, default=42, help="random seed: the same seed gives the same data")
    args = parser.parse_args()
    setup_django()
    rng = random.Random(args.seed)
    if args.mode == "seed":
        figures = seed(args.aanvragen, rng)
        write_result("seed", {"parameters": {"aanvragen": args.aanvragen, "seed": args.seed}, **figures,
                              "data": summary()})
    else:
        figures = extend(args.to, rng)
        write_result("seed_extend", {"parameters": {"to": args.to, "seed": args.seed}, **figures, "data": summary()})
    print(json.dumps(figures, indent=2, default=str))


if __name__ == "__main__":
    main()
