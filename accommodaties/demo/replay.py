"""Plays the stories of `verhalen` on a simulated clock: the budgets and requests of both families in calendar order,
every state change through `perform()` by a user with the right role.

The stories run against the new period (`eerste_jaar_van_de_periode`), whose meerjarenraming is completed first.
The core demo's draft for a dorpshuis boiler is linked to the register here as well.
"""
import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

import time_machine
from django.db.models import Max, Q
from django.utils import timezone

from subsidies.demo import logins
from subsidies.demo.builder import zorg_voor
from subsidies.models import Aanvraag, Begrotingsjaar, Belangenverklaring, Budget, Jaarbedrag, Regeling
from workflows.context import acting_as
from workflows.transitions import perform

from .. import services
from ..models import Accommodatie, Exploitatiebegroting, Exploitatiepost
from .verhalen import BEGROTINGSSTANDEN, EXPLOITATIE, INKOMSTENVERDELING, KOSTENVERDELING, VERHALEN, Stap, Verhaal

EURO = Decimal("1")


def verhaal_titels() -> Q:
    """The stories' requests; an exploitatie title ends with its years."""
    titels = Q()
    for verhaal in VERHALEN:
        titels |= Q(titel__startswith=verhaal.titel)
    return titels


def eerste_jaar_van_de_periode(regeling: Regeling, vandaag: dt.date) -> int:
    """The new period boards apply for: the first boekjaar whose budget the council has not adopted yet and whose
    application deadline has not passed (Awb 4:60)."""
    vastgesteld = Begrotingsjaar.objects.filter(vastgesteld_op__lte=vandaag).aggregate(laatste=Max("boekjaar"))
    periode = max(vandaag.year + 1, (vastgesteld["laatste"] or 0) + 1)
    while regeling.aanvraag_uiterlijk(periode) < vandaag:
        periode += 1
    return periode


def zorg_voor_budgetten(regeling: Regeling, periode: int) -> None:
    """The meerjarenraming must reach the last year of the period; a missing year carries the last one forward."""
    bestaand = Budget.objects.filter(begrotingspost=regeling.begrotingspost, fondsbron=regeling.fondsbron,
                                     gebied__isnull=True)
    laatste = bestaand.order_by("-boekjaar").first()
    for jaar in range(periode, periode + 4):
        zorg_voor(Budget, begrotingspost=regeling.begrotingspost, fondsbron=regeling.fondsbron, boekjaar=jaar,
                  gebied=None, defaults={"bedrag": laatste.bedrag})


# --- the calendar of the stories ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Gebeurtenis:
    moment: dt.datetime
    volgorde: int
    soort: str  # begroting | concept | stap
    sleutel: str  # the story's title, or the accommodation's key for a budget of its own
    stap: Stap | None = None
    jaar: int = 0
    stand: str = ""  # the state a budget is brought to


def _moment(dag: dt.date, volgorde: int, minuten: int = 0) -> dt.datetime:
    tijd = dt.datetime.combine(dag, dt.time(9)) + dt.timedelta(minutes=(volgorde * 13) % 480 + minuten)
    return timezone.make_aware(tijd)


def plan(vandaag: dt.date, periode: int, accommodaties: dict) -> list[Gebeurtenis]:
    """Every budget and request step on its day, in calendar order, all before today."""
    gebeurtenissen = []
    for volgorde, verhaal in enumerate(VERHALEN):
        dag = vandaag - dt.timedelta(days=verhaal.start)
        if verhaal.familie == services.EXPLOITATIE:  # the approved budgets come first, then the request
            for i, _ in enumerate(verhaal.jaarbedragen):
                gebeurtenissen.append(Gebeurtenis(_moment(dag, volgorde, i), volgorde, "begroting", verhaal.titel,
                                                  jaar=periode + i, stand="goedgekeurd"))
            dag += dt.timedelta(days=3)
        gebeurtenissen.append(Gebeurtenis(_moment(dag, volgorde), volgorde, "concept", verhaal.titel))
        for nummer, stap in enumerate(verhaal.verloop, start=1):
            dag += dt.timedelta(days=stap.na)
            gebeurtenissen.append(Gebeurtenis(_moment(dag, volgorde, nummer), volgorde, "stap", verhaal.titel, stap))
    met_verhaal = {v.accommodatie for v in EXPLOITATIE}
    zonder = [key for key in accommodaties if key not in met_verhaal]
    for i, key in enumerate(zonder):
        dag = vandaag - dt.timedelta(days=12 + (i * 7) % 60)
        stand = BEGROTINGSSTANDEN[i % len(BEGROTINGSSTANDEN)]
        gebeurtenissen.append(Gebeurtenis(_moment(dag, 100 + i), 100 + i, "begroting", key, jaar=periode,
                                          stand=stand))
    for gebeurtenis in gebeurtenissen:
        if gebeurtenis.moment.date() >= vandaag:
            raise ValueError(f"'{gebeurtenis.sleutel}' has a step on {gebeurtenis.moment.date()}; every step lies "
                             "before today.")
    return sorted(gebeurtenissen, key=lambda g: (g.moment, g.volgorde))


def speel(gebeurtenissen, accommodaties, leden, regelingen, ref, vandaag: dt.date, periode: int) -> None:
    verhalen = {v.titel: v for v in VERHALEN}
    aanvragen: dict[str, int] = {}
    begin = gebeurtenissen[0].moment - dt.timedelta(days=1)
    with time_machine.travel(begin, tick=True) as klok:
        for gebeurtenis in gebeurtenissen:
            klok.move_to(gebeurtenis.moment)
            verhaal = verhalen.get(gebeurtenis.sleutel)
            key = verhaal.accommodatie if verhaal else gebeurtenis.sleutel
            accommodatie, lid = accommodaties[key], leden[key]
            behandelaar = _behandelaar(ref, accommodatie, gebeurtenis.volgorde)
            if gebeurtenis.soort == "begroting":
                tekort = _tekort(verhaal, gebeurtenis.jaar - periode) if verhaal else _standaardtekort(accommodatie)
                begroting_in_stand(accommodatie, gebeurtenis.jaar, gebeurtenis.stand, lid, behandelaar, tekort)
            elif gebeurtenis.soort == "concept":
                aanvragen[verhaal.titel] = maak_concept(verhaal, accommodatie, lid, regelingen, vandaag, periode)
            else:
                aanvraag = Aanvraag.objects.select_related("regeling").get(pk=aanvragen[verhaal.titel])
                stap = gebeurtenis.stap
                params = dict(stap.params)
                if "termijn_tot" in params:  # a term: so many days from the step
                    params["termijn_tot"] = timezone.localdate() + dt.timedelta(days=params["termijn_tot"])
                perform(aanvraag, stap.actie, _actor(stap.door, aanvraag, lid, behandelaar, ref),
                        reden=stap.reden, **params)


def _behandelaar(ref, accommodatie, volgorde: int):
    """The two behandelaars take turns, except on a board one of them declared a tie with."""
    namen = logins.BEHANDELAARS[volgorde % 2:] + logins.BEHANDELAARS[:volgorde % 2]
    return next(ref.gebruikers[naam] for naam in namen if not Belangenverklaring.objects.filter(
        medewerker=ref.gebruikers[naam], organisatie=accommodatie.bestuur).exists())


def _actor(door: str, aanvraag, lid, behandelaar, ref):
    if door == "aanvrager":
        return lid
    if door == "beslisser":
        return ref.gebruikers[logins.BESLISSER]
    if door == "beslist":  # above the four-eyes threshold a beslisser decides who did not make the proposal
        groot = (aanvraag.voorstel_bedrag or aanvraag.gevraagd_bedrag) > aanvraag.regeling.vier_ogen_drempel
        return ref.gebruikers[logins.BESLISSER] if groot else behandelaar
    return behandelaar


def _tekort(verhaal: Verhaal, index: int) -> Decimal:
    """A budget whose deficit covers the year asked, with a small margin the board carries itself."""
    return (Decimal(verhaal.jaarbedragen[index]) * Decimal("1.03")).quantize(EURO, ROUND_HALF_UP)


def _standaardtekort(accommodatie) -> Decimal:
    """About € 70 per m² a year that own income does not cover; speeltuinen run mostly on volunteers."""
    per_m2 = Decimal("45") if accommodatie.soort == Accommodatie.Soort.SPEELTUIN else Decimal("70")
    return (accommodatie.vloeroppervlak * per_m2).quantize(EURO, ROUND_HALF_UP)


def begrotingsregels(tekort: Decimal) -> list[tuple[str, str, Decimal]]:
    """Cost and own-income lines whose difference is exactly `tekort`; own income about 40% of the costs."""
    inkomsten = (tekort * Decimal("0.65")).quantize(EURO, ROUND_HALF_UP)
    return _verdeel(tekort + inkomsten, KOSTENVERDELING) + _verdeel(inkomsten, INKOMSTENVERDELING)


def _verdeel(totaal: Decimal, verdeling) -> list[tuple[str, str, Decimal]]:
    gewicht = sum(g for _, g, _ in verdeling)
    regels, rest = [], totaal
    for post, g, omschrijving in verdeling[:-1]:
        bedrag = (totaal * g / gewicht).quantize(EURO, ROUND_HALF_UP)
        regels.append((post, omschrijving, bedrag))
        rest -= bedrag
    post, _, omschrijving = verdeling[-1]
    return [*regels, (post, omschrijving, rest)]


def begroting_in_stand(accommodatie, boekjaar: int, stand: str, lid, behandelaar, tekort: Decimal) -> None:
    """The board writes and sends its budget; the behandelaar judges it (a refused one is followed by a new one)."""
    with acting_as(lid):
        begroting = Exploitatiebegroting.objects.create(
            accommodatie=accommodatie, boekjaar=boekjaar,
            toelichting=f"Exploitatiebegroting {boekjaar} van {accommodatie}, vastgesteld door het bestuur.")
        for post, omschrijving, bedrag in begrotingsregels(tekort):
            Exploitatiepost.objects.create(begroting=begroting, post=post, omschrijving=omschrijving, bedrag=bedrag)
    if stand == "concept":
        return
    begroting = perform(begroting, "indienen", lid)
    if stand == "goedgekeurd":
        perform(begroting, "goedkeuren", behandelaar, reden="Reële begroting, vergelijkbaar met andere "
                                                            "accommodaties van deze omvang.")
    elif stand == "afgekeurd":
        perform(begroting, "afkeuren", behandelaar, reden="De energiekosten zijn te laag geraamd en de "
                                                          "verhuurinkomsten ontbreken per zaal; stuur een nieuwe "
                                                          "begroting.")
        begroting_in_stand(accommodatie, boekjaar, "concept", lid, behandelaar, tekort)  # the board starts anew


def maak_concept(verhaal: Verhaal, accommodatie, lid, regelingen, vandaag: dt.date, periode: int) -> int:
    """The draft, by the board, linked to its accommodation (and MJOP items)."""
    regeling = regelingen[verhaal.familie]
    with acting_as(lid):
        if verhaal.familie == services.EXPLOITATIE:
            jaren = {periode + i: Decimal(bedrag) for i, bedrag in enumerate(verhaal.jaarbedragen)}
            aanvraag = Aanvraag.objects.create(
                regeling=regeling, organisatie=accommodatie.bestuur, titel=f"{verhaal.titel} {periode}–{max(jaren)}",
                omschrijving=verhaal.omschrijving, gevraagd_bedrag=sum(jaren.values()), werkplan=verhaal.werkplan,
                periode_van=dt.date(periode, 1, 1), periode_tot=dt.date(max(jaren), 12, 31))
            for jaar, bedrag in jaren.items():
                Jaarbedrag.objects.create(aanvraag=aanvraag, boekjaar=jaar, gevraagd_bedrag=bedrag)
            services.leg_vast(aanvraag, accommodatie)
        else:
            aanvraag = Aanvraag.objects.create(
                regeling=regeling, organisatie=accommodatie.bestuur, titel=verhaal.titel,
                omschrijving=verhaal.omschrijving, gevraagd_bedrag=Decimal(verhaal.bedrag),
                periode_van=dt.date(vandaag.year, 4, 1), periode_tot=dt.date(vandaag.year, 10, 31))
            posten = accommodatie.onderhoudsposten.filter(element__in=verhaal.posten)
            services.leg_vast(aanvraag, accommodatie, list(posten))
    return aanvraag.pk


# The core demo's draft for Dorpshuis Thesinge's boiler: linked to the register and the MJOP item it is about.
KERNCONCEPT = ("Dorpshuis Thesinge: nieuwe cv-ketel", "thesinge", ("Cv-ketel",))


def koppel_kernconcept(accommodaties, leden) -> None:
    titel, key, elementen = KERNCONCEPT
    aanvraag = Aanvraag.objects.filter(titel=titel, status=Aanvraag.Status.CONCEPT,
                                       regeling__familie=services.ONDERHOUD, accommodatiegegevens__isnull=True).first()
    if aanvraag is not None and aanvraag.organisatie_id == accommodaties[key].bestuur_id:
        with acting_as(leden[key]):
            services.leg_vast(aanvraag, accommodaties[key],
                              list(accommodaties[key].onderhoudsposten.filter(element__in=elementen)))
