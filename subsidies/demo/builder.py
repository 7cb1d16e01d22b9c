"""Builds the demo from its tables (`begroting`, `regelingen`, `logins`, `organisaties`) and its stories
(`eenmalig`, `structureel`): reference data by natural key, then every request's story and the scheduled jobs
through `perform()`.

Reference data is looked up by its natural key and only created when missing, so a second run changes nothing.
The requests are created only when none of them exists yet. Their stories are replayed in calendar order on a
simulated clock (time-machine): each step runs on the day it happens in the story, so receipt dates, decision
terms, aanvullingen that lapsed, beschikkingen and payments carry real dates, and the audit trail stays in time
order. Every state is reached through `workflows.transitions.perform()` by a user with the right role.
Between the steps, on their days, the council adopts its budgets and the jobs Celery beat runs do their work
(opening the boekjaar, the payment run, watching the terms, sending the outbox), up to yesterday: the structural
subsidies look exactly as the real jobs would have left them.
The simulated clock is process-wide: run this from a command or a test, never inside a serving process.
"""
import datetime as dt
from contextlib import nullcontext
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

import time_machine
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone
from schwifty import IBAN

from workflows import termijnen
from workflows.berichten import verstuur
from workflows.context import acting_as
from workflows.transitions import perform

from ..models import (
    Aanvraag, Begrotingsjaar, Begrotingspost, Begrotingsregel, Belangenverklaring, Betaling, Bezwaar, Budget,
    Contactpersoon,
    Fondsbron, Gebied, Jaarbedrag, Organisatie, Plafond, Regeling, Voorschotschema, Wijk,
)
from ..models.tranches import voorbehoud_tot
from ..rollen import Rol
from ..services import brieven
from ..services.betaalrun import betaalrun, vervaldata
from ..services.bezwaren import dien_in
from ..services.boekjaar import bewaak_termijnen, open_boekjaar
from ..services.dwangsom import bewaak_dwangsommen
from ..services.meerjarig import jaarverantwoording_uiterlijk
from . import eenmalig, structureel
from .begroting import BEGROTINGSJAREN, BEGROTINGSPOSTEN, BOEKJAREN, BUDGETTEN, DORPSGEBIEDEN, FONDSBRONNEN, GEBIEDEN
from .logins import AANVRAGER, BEHANDELAARS, BEHEERDER, BELANGEN, BESLISSER, DEMO_TOTP_GEHEIM, LOGINS
from .organisaties import ORGANISATIES, DemoOrganisatie
from .regelingen import REGELINGEN
from .verhaal import Dagen, Deel, DemoAanvraag, Stap, Werkdag

User = get_user_model()
EURO = Decimal("1")
CENT = Decimal("0.01")
VERHALEN = eenmalig.AANVRAGEN + structureel.AANVRAGEN  # one-off stories first; `Gebeurtenis.nummer` indexes this

# What a request's budget is made of, per regeling: cost lines with their weight, and what covers part of it.
BEGROTING = {
    "bewonersinitiatief": ([("Huur van ruimte en materiaal", 40), ("Boodschappen en catering", 35),
                            ("Bedankje voor vrijwilligers", 15), ("Flyers en posters", 10)],
                           "Eigen bijdrage deelnemers"),
    "maatschappelijk-initiatief": ([("Begeleiding en docenten", 45), ("Huur van ruimte", 25), ("Materialen", 15),
                                    ("Vrijwilligersvergoedingen", 10), ("Publiciteit", 5)],
                                   "Bijdrage van fondsen en sponsors"),
    "initiatief-meerjarig": ([("Coördinator en begeleiders", 50), ("Huur van ruimte", 25), ("Boodschappen en "
                              "materialen", 15), ("Vrijwilligersvergoedingen", 10)], "Bijdragen van deelnemers en "
                             "fondsen"),
    "sociaal-werk": ([("Sociaal werkers in de WIJ-teams", 78), ("Huisvesting van de teams", 8),
                      ("Organisatie, ICT en overhead", 10), ("Activiteitenbudgetten", 4)],
                     "Opdrachten van andere gemeenten en fondsen"),
    "exploitatie-accommodaties": ([("Huur en energie", 45), ("Beheerder", 35), ("Schoonmaak en klein onderhoud", 12),
                                   ("Verzekeringen en administratie", 8)], "Zaalverhuur en bar"),
    "onderhoud-accommodaties": ([("Aanneemsom volgens offerte", 85), ("Onvoorzien", 10), ("Advies en toezicht", 5)],
                                "Eigen reserve onderhoud"),
    "bewonersorganisaties": ([("Wijkkrant: drukwerk en bezorging", 40), ("Bewonersavonden en activiteiten", 40),
                              ("Vergaderkosten en administratie", 20)], "Advertenties in de wijkkrant"),
}


@dataclass
class Referentie:
    """Everything a request's story refers to, by the key the story names it with."""

    gebruikers: dict
    organisaties: dict
    leden: dict  # organisation key -> the user who acts for it
    regelingen: dict
    wijken: dict  # (gebied, naam) -> Wijk

    def behandelaar(self, nummer: int, organisatie: str):
        """The two behandelaars take turns, except on an organisation they declared a tie with."""
        ties = {(username, org) for username, org, _ in BELANGEN}
        beurt = BEHANDELAARS[nummer % 2:] + BEHANDELAARS[:nummer % 2]
        return self.gebruikers[next(u for u in beurt if (u, organisatie) not in ties)]


@dataclass(frozen=True)
class Resultaat:
    aanvragen: int  # requests created; 0 when they were already there
    van: dt.date  # the first and last day of the replayed history
    tot: dt.date


@dataclass(frozen=True)
class Gebeurtenis:
    moment: dt.datetime
    dag: dt.date
    nummer: int  # index into VERHALEN; -1 for the council and the scheduled jobs
    stap: Stap | None  # None: the draft is made, or the job `taak` runs
    taak: str = ""  # a key of TAKEN
    jaar: int = 0  # the boekjaar of the council's budget


def seed() -> Resultaat:
    """Build the demo, or check it is complete when it is already there."""
    vandaag = timezone.localdate()
    gebeurtenissen = plan(vandaag)
    titels = [demo.titel for demo in VERHALEN]
    with transaction.atomic():
        nieuw = not Aanvraag.objects.filter(titel__in=titels).exists()
        begin = gebeurtenissen[0].moment - dt.timedelta(days=1)
        with time_machine.travel(begin, tick=True) if nieuw else nullcontext() as klok:
            ref = referentiegegevens(vandaag)
            if nieuw:
                speel(gebeurtenissen, ref, klok, vandaag.year)
    return Resultaat(len(titels) if nieuw else 0, gebeurtenissen[0].dag, gebeurtenissen[-1].dag)


def maak_brieven() -> int:
    """The letters of the organisations the demo logins belong to; the others are made when first downloaded.
    Rendering all of them (about 75, 0.2 s of CPU each) would add more time than the rest of the demo takes."""
    aanvragers = [login.username for login in LOGINS if login.rol == Rol.AANVRAGER]
    return brieven.maak_voor(Organisatie.objects.filter(leden__username__in=aanvragers).distinct())


# --- reference data ---------------------------------------------------------------------------------------------
def zorg_voor(model, defaults=None, **lookup):
    """The object with this natural key; created (and validated) only when it does not exist yet."""
    obj = model._default_manager.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **(defaults or {}))
        obj.full_clean()
        obj.save()
    return obj


def per_jaar(bedragen: dict, jaar: int) -> Decimal:
    """ASSUMPTION: a boekjaar after the known figures carries the last known amount forward."""
    return bedragen.get(jaar, bedragen[max(bedragen)])


def referentiegegevens(vandaag: dt.date) -> Referentie:
    gebruikers = zorg_voor_gebruikers()
    with acting_as(gebruikers[BEHEERDER]):
        wijken = zorg_voor_gebieden()
        regelingen = zorg_voor_begroting_en_regelingen(range(BOEKJAREN.start, max(BOEKJAREN[-1], vandaag.year) + 1))
        organisaties, leden = zorg_voor_organisaties(gebruikers, wijken)
        for username, organisatie, toelichting in BELANGEN:
            zorg_voor(Belangenverklaring, medewerker=gebruikers[username], organisatie=organisaties[organisatie],
                       defaults={"toelichting": toelichting})
    return Referentie(gebruikers, organisaties, leden, regelingen, wijken)


def zorg_voor_gebruikers() -> dict:
    """One login per role (and an aanvrager per family) with its published demo password and a verified address;
    a changed password is set back.

    Only the beheerder is staff (and superuser): the admin is the configuration tool, and it edits records
    directly. Behandelaars, beslisser and auditor work in the workbench and the API, where their role checks apply.
    Every login but the aanvragers' has the published second step `DEMO_TOTP_GEHEIM`.
    """
    gebruikers = {}
    for login in LOGINS:
        user = User.objects.filter(username=login.username).first()
        if user is None:
            beheerder = login.rol == Rol.BEHEERDER
            user = User(username=login.username, first_name=login.voornaam, last_name=login.achternaam,
                        email=login.email, is_staff=beheerder, is_superuser=beheerder)
            user.set_password(login.wachtwoord)
            user.save()
        elif not user.check_password(login.wachtwoord):
            user.set_password(login.wachtwoord)
            user.save(update_fields=["password"])
        user.groups.add(Group.objects.get_or_create(name=login.rol)[0])
        EmailAddress.objects.get_or_create(user=user, email=login.email, defaults={"verified": True, "primary": True})
        if login.rol != Rol.AANVRAGER and not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
            TOTP.activate(user, DEMO_TOTP_GEHEIM)  # staff log in in two steps (access.tweestaps)
        gebruikers[login.username] = user
    return gebruikers


def zorg_voor_gebieden() -> dict:
    wijken = {}
    for naam, plaatsen in GEBIEDEN.items():
        gebied = zorg_voor(Gebied, naam=naam)
        soort = Wijk.Soort.DORP if naam in DORPSGEBIEDEN else Wijk.Soort.WIJK
        for plaats in plaatsen:
            wijken[naam, plaats] = zorg_voor(Wijk, gebied=gebied, naam=plaats, defaults={"soort": soort})
    return wijken


def zorg_voor_begroting_en_regelingen(boekjaren) -> dict:
    bronnen = {code: zorg_voor(Fondsbron, code=code, defaults={"naam": naam, "soort": soort})
               for code, naam, soort in FONDSBRONNEN}
    posten = {code: zorg_voor(Begrotingspost, code=code, defaults={"naam": naam})
              for code, naam in BEGROTINGSPOSTEN}
    budgetten = {  # every boekjaar, and the years of the meerjarenraming where a post has them
        (post, bron, jaar): zorg_voor(Budget, begrotingspost=posten[post], fondsbron=bronnen[bron], boekjaar=jaar,
                                       defaults={"bedrag": per_jaar(bedragen, jaar)})
        for post, bron, bedragen in BUDGETTEN for jaar in sorted(set(boekjaren) | set(bedragen))
    }
    regelingen = {}
    for spec in REGELINGEN:
        regeling = zorg_voor(Regeling, code=spec["code"], defaults={
            **_regelingvelden(spec), "begrotingspost": posten[spec["begrotingspost"]],
            "fondsbron": bronnen[spec["fondsbron"]],
        })
        for jaar in boekjaren:
            zorg_voor(Plafond, regeling=regeling, boekjaar=jaar, defaults={
                "bedrag": per_jaar(spec["plafonds"], jaar), "gepubliceerd_op": dt.date(jaar, 1, 1),
                "budget": budgetten[spec["begrotingspost"], spec["fondsbron"], jaar],
            })
        regelingen[spec["code"]] = regeling
    return regelingen


def _regelingvelden(spec: dict) -> dict:
    return {k: v for k, v in spec.items() if k not in ("code", "begrotingspost", "fondsbron", "plafonds")}


def zorg_voor_organisaties(gebruikers: dict, wijken: dict) -> tuple[dict, dict]:
    """The organisations, each with its contact person and the user who acts for it."""
    organisaties, leden = {}, {}
    for key, spec in ORGANISATIES.items():
        contactnaam, functie, telefoon = spec.contact
        wijk = wijken[spec.gebied, spec.wijk]
        tenaamstelling = f"{contactnaam} inz. {spec.naam}" if spec.rechtsvorm == "initiatiefgroep" else spec.naam
        organisatie = zorg_voor(Organisatie, naam=spec.naam, defaults={
            "rechtsvorm": spec.rechtsvorm, "kvk_nummer": spec.kvk_nummer,
            "iban": IBAN.generate("NL", bank_code=spec.bank, account_code=spec.rekening).compact,
            "tenaamstelling": tenaamstelling, "straat": spec.straat, "postcode": spec.postcode, "plaats": spec.plaats,
            "gebied": wijk.gebied, "wijk": wijk, "email": f"info@{spec.domein}", "telefoon": telefoon,
        })
        zorg_voor(Contactpersoon, organisatie=organisatie, naam=contactnaam,
                   defaults={"functie": functie, "email": spec.contact_email, "telefoon": telefoon})
        lid = gebruikers[AANVRAGER] if spec.lid_is_demo_aanvrager else _contactgebruiker(spec)
        for gebruiker in [lid] + [gebruikers[login.username] for login in LOGINS if key in login.lid_van]:
            if not organisatie.leden.filter(pk=gebruiker.pk).exists():
                organisatie.leden.add(gebruiker)
        organisaties[key], leden[key] = organisatie, lid
    return organisaties, leden


def _contactgebruiker(spec: DemoOrganisatie):
    """The contact person's own account; it has no password, so nobody logs in with it."""
    user = User.objects.filter(username=spec.contact_email).first()
    if user is None:
        voornaam, _, achternaam = spec.contact[0].partition(" ")
        user = User(username=spec.contact_email, email=spec.contact_email, first_name=voornaam,
                    last_name=achternaam)
        user.set_unusable_password()
        user.save()
        user.groups.add(Group.objects.get_or_create(name=Rol.AANVRAGER)[0])
    return user


# --- the requests' stories and the jobs between them ------------------------------------------------------------
DAG, WEEK = dt.timedelta(days=1), dt.timedelta(weeks=1)


def _datum(wanneer: int | str, vorige: dt.date) -> dt.date:
    """A story's ISO date, or `wanneer` days after `vorige`."""
    return dt.date.fromisoformat(wanneer) if isinstance(wanneer, str) else vorige + dt.timedelta(days=wanneer)


def plan(vandaag: dt.date) -> list[Gebeurtenis]:
    """Every step of every story, the council's budgets and the jobs, each on its day, in calendar order; all
    before today."""
    verhalen = in_de_tijd([(_datum(demo.start, vandaag) if isinstance(demo.start, str)
                            else vandaag - dt.timedelta(demo.start), demo) for demo in VERHALEN], vandaag)
    eerste = min(g.dag for g in verhalen)
    raad = [_taak(dag + DAG, 9, "begroting", jaar) for jaar, dag, _ in _begrotingsjaren()
            if eerste <= dag + DAG < vandaag]
    return sorted(verhalen + raad + taken(eerste, vandaag, verhalen), key=lambda g: (g.moment, g.nummer))


def in_de_tijd(verhalen: list[tuple[dt.date, DemoAanvraag]], vandaag: dt.date,
               spreiding: int = 17) -> list[Gebeurtenis]:
    """Each step of each (first day, story) on its day, from 9:00 a few minutes apart per story (`spreiding`) and
    per step, so that no two coincide; every step lies before today and after the step before it. Unsorted."""
    gebeurtenissen = []
    for nummer, (begin, demo) in enumerate(verhalen):
        dag = begin
        for volgorde, stap in enumerate((None, *demo.verloop)):
            vorige, dag = dag, _datum(stap.na, dag) if stap else begin
            if dag >= vandaag or dag < vorige:
                raise ValueError(f"'{demo.titel}': step {volgorde} falls on {dag}; every step lies before today, "
                                 "after the step before it.")
            minuten = (nummer * spreiding) % 420 + 3 * volgorde
            tijd = dt.datetime.combine(dag, dt.time(9)) + dt.timedelta(minutes=minuten)
            gebeurtenissen.append(Gebeurtenis(timezone.make_aware(tijd), dag, nummer, stap))
    return gebeurtenissen


def _begrotingsjaren():
    """(boekjaar, adopted on, compensation %) of every budget the council adopts in the demo."""
    for jaar, vastgesteld_op, percentage in BEGROTINGSJAREN:
        yield jaar, dt.date.fromisoformat(vastgesteld_op), Decimal(percentage)


def _taak(dag: dt.date, uur: int, taak: str, jaar: int = 0, minuut: int = 0) -> Gebeurtenis:
    moment = timezone.make_aware(dt.datetime.combine(dag, dt.time(uur, minuut)))
    return Gebeurtenis(moment, dag, -1, None, taak, jaar)


def taken(van: dt.date, tot: dt.date, verhalen: list[Gebeurtenis]) -> list[Gebeurtenis]:
    """The jobs Celery beat runs (subsidies/migrations/0004_jaarcyclus_schedules, 0011_dwangsom), from `van` up to
    `tot`, and the weekly payment batch on Thursday.

    Beat runs the payment run and the watch on the terms every day. Replaying 1,500 days of both would take a
    minute, so they run only on the days a daily run does something, which the same rules tell: an advance falls
    due, or a tranche started running the day before (payment run); four weeks after a budget's adoption, a week
    before a werkplan or jaarverantwoording is due, on the day, and the day after (watch).
    """
    jaren = range(van.year, tot.year + 2)
    betaaldagen = {dag for jaar in jaren for schema in Voorschotschema.values for dag in vervaldata(schema, jaar)}
    betaaldagen |= {g.dag + DAG for g in verhalen if g.stap and g.stap.actie in ("verlenen", "werkplan_goedkeuren")}
    # the dwangsom watch acts only while an ingebrekestelling is open: from its day, at most 2 + 6 weeks and a day
    dwangsomdagen = {g.dag + DAG * n for g in verhalen if g.stap and g.stap.actie == "in_gebreke_stellen"
                     for n in range(1, 8 * 7 + 5)}
    termijndagen, taken = _termijndagen(jaren), []
    for dag in (van + DAG * n for n in range((tot - van).days)):
        if (dag.month, dag.day) == (1, 1):
            taken.append(_taak(dag, 6, "open_boekjaar"))
        if dag in termijndagen:
            taken.append(_taak(dag, 6, "bewaak_termijnen", minuut=30))
        if dag in dwangsomdagen:
            taken.append(_taak(dag, 6, "bewaak_dwangsommen", minuut=15))
        if dag in betaaldagen:
            taken.append(_taak(dag, 7, "betaalrun"))
        if dag.isoweekday() == 4:
            taken.append(_taak(dag, 11, "uitbetalen"))
    return taken


def _termijndagen(jaren: range) -> frozenset[dt.date]:
    """The days the daily watch on the terms acts: the lapse of each begrotingsvoorbehoud (Awb 4:34), and around
    every werkplan and jaarverantwoording deadline the regelingen give a tranche (services.meerjarig.maak_tranche)."""
    dagen = {voorbehoud_tot(vastgesteld_op) + DAG for _, vastgesteld_op, _ in _begrotingsjaren()}
    for spec in REGELINGEN:
        regeling = Regeling(**_regelingvelden(spec))
        if not regeling.boekjaarregels:
            continue
        for jaar in jaren:
            for uiterlijk in (regeling.aanvraag_uiterlijk(jaar), jaarverantwoording_uiterlijk(regeling, jaar)):
                dagen |= {uiterlijk - WEEK, uiterlijk, uiterlijk + DAG}
    return frozenset(dagen)


def speel(gebeurtenissen: list[Gebeurtenis], ref: Referentie, klok, jaar: int) -> None:
    aanvragen = {}
    # The outbox is sent as it was then; nobody should get the demo's past mail now.
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
        for gebeurtenis in gebeurtenissen:
            klok.move_to(gebeurtenis.moment)
            nummer, stap = gebeurtenis.nummer, gebeurtenis.stap
            if gebeurtenis.taak:
                TAKEN[gebeurtenis.taak](gebeurtenis, ref)
                continue
            demo = VERHALEN[nummer]
            if stap is None:
                aanvragen[nummer] = maak_concept(nummer, demo, ref, jaar)
                continue
            aanvraag = Aanvraag.objects.select_related("regeling").get(pk=aanvragen[nummer])
            doel = _doel(stap, aanvraag)
            params = {naam: _waarde(waarde, gebeurtenis.dag, doel) for naam, waarde in stap.params.items()}
            actor = _actor(stap.door, nummer, demo, aanvraag, ref)
            if stap.op == "beschikking":  # an objection is filed, not a transition
                dien_in(doel, actor, gronden=stap.reden, **params)
            else:
                perform(doel, stap.actie, actor, reden=stap.reden, **params)


def _begroting_vastgesteld(gebeurtenis: Gebeurtenis, ref: Referentie) -> None:
    """The morning after the council adopted the budget for a boekjaar, the beheerder records it."""
    jaar, vastgesteld_op, percentage = next(b for b in _begrotingsjaren() if b[0] == gebeurtenis.jaar)
    with acting_as(ref.gebruikers[BEHEERDER]):
        zorg_voor(Begrotingsjaar, boekjaar=jaar, defaults={"vastgesteld_op": vastgesteld_op,
                                                            "indexatie_percentage": percentage})


def _uitbetalen(gebeurtenis: Gebeurtenis, ref: Referentie) -> None:
    """The weekly payment batch: the due advances, saldi and recoveries of the tranches are paid or received."""
    betalingen = Betaling.objects.filter(status=Betaling.Status.GEPLAND, gepland_op__lte=gebeurtenis.dag,
                                         verplichting__tranche__isnull=False).select_related("subsidie__aanvraag")
    for betaling in betalingen.order_by("gepland_op", "pk"):
        perform(betaling, "uitvoeren", betaling.subsidie.aanvraag.behandelaar, reden="Betaalbatch van de week.")


TAKEN = {  # each job, then the outbox is sent as beat's five-minute job would
    "begroting": _begroting_vastgesteld,
    "open_boekjaar": lambda gebeurtenis, ref: (open_boekjaar(gebeurtenis.dag.year), verstuur()),
    "bewaak_termijnen": lambda gebeurtenis, ref: (bewaak_termijnen(), verstuur()),
    "betaalrun": lambda gebeurtenis, ref: betaalrun(gebeurtenis.dag),
    "bewaak_dwangsommen": lambda gebeurtenis, ref: (bewaak_dwangsommen(), verstuur()),
    "uitbetalen": _uitbetalen,
}


def maak_concept(nummer: int, demo: DemoAanvraag, ref: Referentie, jaar: int) -> int:
    """The draft, made by whoever takes the first step (the behandelaar types in a paper request); a multi-year
    one with its meerjarenbegroting."""
    organisatie = ref.organisaties[demo.organisatie]
    maker = _actor(demo.verloop[0].door if demo.verloop else "aanvrager", nummer, demo, None, ref)
    if demo.jaarbedragen:
        periode = [dt.date(min(demo.jaarbedragen), 1, 1), dt.date(max(demo.jaarbedragen), 12, 31)]
    elif demo.periode:
        periode = [dt.date(jaar, *map(int, dag.split("-"))) for dag in demo.periode]
    else:
        periode = [None, None]
    voortzetting = Aanvraag.objects.get(titel=demo.voortzetting_van).subsidie if demo.voortzetting_van else None
    with acting_as(maker):
        aanvraag = Aanvraag.objects.create(
            regeling=ref.regelingen[demo.regeling], organisatie=organisatie, titel=demo.titel,
            omschrijving=demo.omschrijving, gevraagd_bedrag=demo.gevraagd, werkplan=demo.werkplan,
            voortzetting_van=voortzetting, periode_van=periode[0], periode_tot=periode[1], gebied=organisatie.gebied,
            wijk=ref.wijken[organisatie.gebied.naam, demo.wijk] if demo.wijk else organisatie.wijk,
        )
        for boekjaar, bedrag in (demo.jaarbedragen or {}).items():
            Jaarbedrag.objects.create(aanvraag=aanvraag, boekjaar=boekjaar, gevraagd_bedrag=Decimal(bedrag))
        for soort, omschrijving, bedrag in begroting(demo):
            Begrotingsregel.objects.create(aanvraag=aanvraag, soort=soort, omschrijving=omschrijving, bedrag=bedrag)
    return aanvraag.pk


def begroting(demo: DemoAanvraag) -> list[tuple[str, str, Decimal]]:
    """Cost lines that add up to the amount asked plus a 10% own contribution, and that contribution."""
    if demo.gevraagd is None:
        return []
    kostensoorten, dekking_omschrijving = BEGROTING[demo.regeling]
    dekking = (demo.gevraagd / 10).quantize(EURO, ROUND_HALF_UP)
    totaal = demo.gevraagd + dekking
    gewicht_totaal = sum(gewicht for _, gewicht in kostensoorten)
    regels, rest = [], totaal
    for omschrijving, gewicht in kostensoorten[:-1]:
        bedrag = (totaal * gewicht / gewicht_totaal).quantize(EURO, ROUND_HALF_UP)
        regels.append((Begrotingsregel.Soort.KOSTEN, omschrijving, bedrag))
        rest -= bedrag
    regels.append((Begrotingsregel.Soort.KOSTEN, kostensoorten[-1][0], rest))
    regels.append((Begrotingsregel.Soort.DEKKING, dekking_omschrijving, dekking))
    return regels


def _doel(stap: Stap, aanvraag: Aanvraag):
    if stap.op == "aanvraag":
        return aanvraag
    if stap.op == "subsidie":
        return aanvraag.subsidie
    if stap.op == "tranche":
        return aanvraag.subsidie.tranches.get(boekjaar=stap.jaar)
    if stap.op == "beschikking":
        return aanvraag.beschikkingen.order_by("-pk").first()
    if stap.op == "bezwaar":
        return Bezwaar.objects.filter(beschikking__aanvraag=aanvraag).order_by("-pk").first()
    if stap.op == "ingebrekestelling":
        return aanvraag.ingebrekestellingen.get()
    if stap.op == "dwangsombetaling":
        return aanvraag.ingebrekestellingen.get().betaling
    return aanvraag.subsidie.betalingen.filter(status=Betaling.Status.GEPLAND).order_by("gepland_op", "pk").first()


def _waarde(waarde, dag: dt.date, doel):
    if isinstance(waarde, Dagen):
        return dag + dt.timedelta(days=waarde.n)
    if isinstance(waarde, Werkdag):
        return termijnen.volgende_werkdag(dag + dt.timedelta(days=waarde.n), termijnen.gelijkgestelde_dagen_uit_db())
    if isinstance(waarde, Deel):
        return (doel.verleend_bedrag * Decimal(waarde.fractie)).quantize(CENT)
    return waarde


def _actor(door: str, nummer: int, demo: DemoAanvraag, aanvraag: Aanvraag | None, ref: Referentie):
    if door == "aanvrager":
        return ref.leden[demo.organisatie]
    if door == "beslisser":
        return ref.gebruikers[BESLISSER]
    behandelaar = ref.behandelaar(nummer, demo.organisatie)
    if door == "behandelaar":
        return behandelaar
    # "beslist": above the four-eyes threshold a beslisser decides who did not make the proposal.
    bedrag = aanvraag.voorstel_bedrag or aanvraag.gevraagd_bedrag
    return ref.gebruikers[BESLISSER] if bedrag > aanvraag.regeling.vier_ogen_drempel else behandelaar
