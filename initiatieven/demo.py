"""Demo data of the initiatieven family: bewoners- and maatschappelijke initiatieven of both kinds in all seven
gebieden and in every state of the Aanvraag, initiatiefgroepen among the applicants, with themes and dimensions of
positieve gezondheid, advice asked of the wijk's bewonersorganisatie or the gebiedsteam, and reach reported for the
settled ones.

Builds on `subsidies.demo` (its users, gebieden, organisations and budget posts) and uses its pieces: Stap and the
step builders of `verhaal` for the stories, `builder` to replay them. Two regelingen of this family are added:
bewonersinitiatieven from the gebiedsbudget (per gebied, the fast track: decided within two weeks, settled at
verlening) and maatschappelijke initiatieven (co-funded, with goals and indicators). Reference data is looked up by
its natural key and created only when missing; the requests only when none of them exists yet. They are replayed in
calendar order on a simulated clock (time-machine), every state change through `perform()`. Run it after
`subsidies.demo.builder.seed()` (and after the bewonersorganisaties' demo, so their register can be asked for
advice): its trail records then follow the builder's, with earlier dates. Assumptions are marked ASSUMPTION.
"""
import datetime as dt
from contextlib import nullcontext
from dataclasses import dataclass
from decimal import Decimal

import time_machine
from django.db import transaction
from django.utils import timezone
from schwifty import IBAN

from subsidies import families
from subsidies.demo import begroting, builder, logins, regelingen, verhaal
from subsidies.demo.organisaties import DemoOrganisatie
from subsidies.demo.verhaal import Dagen, DemoAanvraag, Stap
from subsidies.models import (
    Aanvraag, Begrotingspost, Begrotingsregel, Budget, Contactpersoon, Fondsbron, Gebied, Organisatie, Plafond,
    Regeling,
)
from workflows.context import acting_as
from workflows.transitions import perform

from .models import Dimensie, Doel, Gebiedsteam, Indicator, Initiatief, Soort, Thema
from .services.advies import vraag_advies
from .services.bereik import meld_bereik

BEWONERS, MAATSCHAPPELIJK = "initiatieven-gebiedsbudget", "initiatieven-maatschappelijk"
REGELINGEN = {
    BEWONERS: {
        "naam": "Bewonersinitiatieven uit het gebiedsbudget",
        "omschrijving": "Wat bewoners zelf organiseren voor hun straat, buurt, wijk of dorp, betaald uit het budget "
                        "van het gebied waar het plaatsvindt. Binnen twee weken een besluit; tot € 5.000 hoeft u "
                        "achteraf geen verantwoording te sturen.",
        "juridische_grondslag": f"{regelingen.GRONDSLAG}; nota Sociale Basis fase 2, § 4.5",
        "familie": Soort.BEWONERSINITIATIEF, "per_gebied": True, "beslistermijn_weken": 2,
        "max_bedrag": Decimal("5000.00"), "grens_direct_vaststellen": Decimal("5000.00"),
        "toegestane_rechtsvormen": ["initiatiefgroep", *regelingen.ALLE_RECHTSPERSONEN],
    },
    MAATSCHAPPELIJK: {
        "naam": "Maatschappelijke initiatieven met cofinanciering",
        "omschrijving": "Voor grotere initiatieven van inwoners en maatschappelijke organisaties, met doelen en "
                        "indicatoren; de subsidie vult aan wat andere fondsen en de eigen bijdrage niet dekken.",
        "juridische_grondslag": f"{regelingen.GRONDSLAG}; nota Sociale Basis fase 2, § 4.5; Regio Deal",
        "familie": Soort.MAATSCHAPPELIJK, "beslistermijn_weken": 8, "max_bedrag": Decimal("50000.00"),
        "toegestane_rechtsvormen": regelingen.ALLE_RECHTSPERSONEN,
    },
}
# ASSUMPTION: each gebied gets € 100,000 of gebiedsbudget a year for bewonersinitiatieven (the core demo's
# € 700,000, split), with a published ceiling of € 80,000.
GEBIEDSBUDGET, GEBIEDSPLAFOND = Decimal("100000.00"), Decimal("80000.00")
# ASSUMPTION: the Regio Deal adds € 300,000 a year for maatschappelijke initiatieven, ceiling € 250,000.
REGIODEAL = ("regiodeal", "Regio Deal Groningen-Noord", Fondsbron.Soort.REGIODEAL)
REGIODEAL_BUDGET, REGIODEAL_PLAFOND = Decimal("300000.00"), Decimal("250000.00")
BEGROTING = {Soort.BEWONERSINITIATIEF: "bewonersinitiatief", Soort.MAATSCHAPPELIJK: "maatschappelijk-initiatief"}

# Initiatiefgroepen of residents, without legal personality; the core demo has three more (West and Zuid).
GROEPEN = {
    "hortusbuurt-groen": DemoOrganisatie(
        "Bewonersgroep Hortusbuurt Groen", "initiatiefgroep", "", "ASNB", "0707543210",
        "Nieuwe Kijk in 't Jatstraat 70", "9712 SM", "Centrum", "Hortusbuurt",
        ("Merel Visser", "trekker", "06 3187 2204")),
    "oosterpark-kookt": DemoOrganisatie(
        "Initiatiefgroep Oosterpark Kookt", "initiatiefgroep", "", "INGB", "0006830114", "Edelsteenlaan 12", "9713 RV",
        "Oude Wijken", "Oosterparkwijk", ("Kees Wolters", "trekker", "06 4410 9823")),
    "lewenborg-samen": DemoOrganisatie(
        "Buurtgroep Lewenborg Samen", "initiatiefgroep", "", "RABO", "0323341187", "Kadijk 40", "9732 AM", "Oost",
        "Lewenborg", ("Ria Hoving", "trekker", "06 2871 4416")),
    "onnen-ontmoet": DemoOrganisatie(
        "Initiatiefgroep Onnen Ontmoet", "initiatiefgroep", "", "RABO", "0147562203", "Onnerweg 22", "9755 PB",
        "Haren", "Onnen", ("Jan Boelens", "trekker", "06 1148 7735"), plaats="Onnen"),
    "garmerwolde-viert": DemoOrganisatie(
        "Bewonersgroep Garmerwolde Viert Feest", "initiatiefgroep", "", "SNSB", "0930127746", "Dorpsstraat 3",
        "9798 PA", "Ten Boer", "Garmerwolde", ("Anja Dijkema", "trekker", "06 5522 1874"), plaats="Garmerwolde"),
}


@dataclass(frozen=True)
class DemoInitiatief:
    """A request for an initiative: the core's story (`aanvraag`) with the family's data."""

    aanvraag: DemoAanvraag
    soort: str
    doelgroep: str
    locatie: str
    wanneer: str
    deelnemers: int
    themas: tuple[str, ...]
    dimensies: tuple[str, ...]
    activiteit: tuple[int, int]  # begins this many days after the draft, and lasts this many days
    doel: tuple[str, str, str] = ("", "", "")  # maatschappelijk: goal, indicator, target value


# --- the steps of this family beside the core's (verhaal.indienen(), verhaal.verleend(), …) -----------------------
def advies_vragen(bij: str, termijn: int, vraag: str, na: int = 1) -> tuple[Stap, ...]:
    """Ask the wijk's bewonersorganisatie (the gebiedsteam when the register names none) or the gebiedsteam."""
    return (Stap(na, "advies_vragen", "behandelaar", vraag, {"bij": bij, "termijn_tot": Dagen(termijn)}),)


def advies_uitgebracht(advies: str, na: int = 3) -> tuple[Stap, ...]:
    return (Stap(na, "uitbrengen", "adviseur", params={"advies": advies}, op="advies"),)


def advies_verlopen(na: int) -> tuple[Stap, ...]:
    return (Stap(na, "verlopen", "behandelaar", "Geen advies binnen de termijn; we beslissen zonder.", op="advies"),)


def bereik(na: int, deelnemers: int, vrijwilligers: int, toelichting: str, gerealiseerd: str = "") -> tuple[Stap, ...]:
    return (Stap(na, "bereik_melden", "aanvrager", toelichting,
                 {"deelnemers": deelnemers, "vrijwilligers": vrijwilligers, "gerealiseerd": gerealiseerd},
                 op="subsidie"),)


def buiten_behandeling(reden: str, termijn: int = 14) -> tuple[Stap, ...]:
    return (verhaal.indienen() + verhaal.behandelen() + verhaal.aanvulling(reden, termijn)
            + (Stap(termijn + 2, "buiten_behandeling_stellen", "behandelaar"),))


def verleend_met_advies(bij: str, advies: str, bedrag=None) -> tuple[Stap, ...]:
    return (verhaal.indienen() + verhaal.behandelen()
            + advies_vragen(bij, 7, "Past dit initiatief bij wat de buurt wil?") + advies_uitgebracht(advies)
            + verhaal.volledig(1) + verhaal.voorstel(na=1, bedrag=bedrag)
            + (Stap(1, "verlenen", "beslist"),))


def _initiatief(titel, soort, organisatie, wijk, bedrag, omschrijving, start, verloop, *, doelgroep, locatie, wanneer,
                deelnemers, themas, dimensies, activiteit, doel=("", "", "")) -> DemoInitiatief:
    regeling = BEWONERS if soort == Soort.BEWONERSINITIATIEF else MAATSCHAPPELIJK
    return DemoInitiatief(
        DemoAanvraag(titel, organisatie, regeling, bedrag, None, omschrijving, start=start, verloop=verloop, wijk=wijk),
        soort, doelgroep, locatie, wanneer, deelnemers, tuple(themas), tuple(dimensies), activiteit, doel)


B, M = Soort.BEWONERSINITIATIEF, Soort.MAATSCHAPPELIJK
INITIATIEVEN = [
    # --- bewonersinitiatieven, one per state, spread over the seven gebieden ---
    _initiatief("Geveltuinen in de Hortusbuurt", B, "hortusbuurt-groen", "Hortusbuurt", "1200",
                "Samen tegels eruit en planten erin: twintig geveltuinen in één zaterdag.", 3, (),
                doelgroep="Bewoners van de Hortusbuurt", locatie="Hortusbuurt, straten rond de Hortus", wanneer="Een "
                "zaterdag in het voorjaar", deelnemers=40, themas=["groen", "leefbaarheid", "ontmoeting"],
                dimensies=["kwaliteit_van_leven", "meedoen"], activiteit=(120, 1)),
    _initiatief("Oosterpark kookt: buurtmaaltijd op vrijdag", B, "oosterpark-kookt", "Oosterparkwijk", "2400",
                "Elke vrijdag koken vrijwilligers een gezonde maaltijd voor wie zin heeft om samen te eten.", 4,
                verhaal.indienen(), doelgroep="Buurtbewoners die vaak alleen eten", locatie="Buurthuis 't Oosterpark",
                wanneer="Elke vrijdag 17.30 uur", deelnemers=35, themas=["ontmoeting", "eenzaamheid", "armoede"],
                dimensies=["meedoen", "mentaal_welbevinden"], activiteit=(30, 120)),
    _initiatief("Klussendag voor ouderen in Lewenborg", B, "lewenborg-samen", "Lewenborg", "950",
                "Jongeren uit de wijk doen kleine klussen bij ouderen: lampen, gordijnen, de tuin.", 7,
                verhaal.indienen() + verhaal.behandelen() + advies_vragen("bewonersorganisatie", 7,
                                                                          "Kent de wijkraad deze groep en dit plan?"),
                doelgroep="Ouderen in Lewenborg", locatie="Bij de mensen thuis", wanneer="Twee zaterdagen",
                deelnemers=25, themas=["ouderen", "vrijwillige-inzet", "jeugd"],
                dimensies=["dagelijks_functioneren", "meedoen"], activiteit=(40, 30)),
    _initiatief("Beweegochtend rond het Hoornse Meer", B, "hoornse-meer", "Hoornse Meer", "1800",
                "Elke dinsdag samen wandelen en oefeningen doen rond het meer, met een fysiotherapeut.", 9,
                verhaal.indienen() + verhaal.behandelen()
                + verhaal.aanvulling("Stuur de offerte van de fysiotherapeut mee."),
                doelgroep="Bewoners van 60 jaar en ouder", locatie="Strandje Hoornse Meer", wanneer="Elke dinsdag "
                "10.00 uur", deelnemers=30, themas=["sport", "gezondheid", "ouderen"],
                dimensies=["lichaamsfuncties", "kwaliteit_van_leven"], activiteit=(45, 90)),
    _initiatief("Oogstfeest van de moestuin Selwerd", B, "moestuin-selwerd", "Selwerd", "1500",
                "De buurtmoestuin viert de oogst met soep, muziek en een ruilmarkt voor zaden.", 12,
                verhaal.indienen() + verhaal.behandelen()
                + advies_vragen("bewonersorganisatie", 7, "Steunt de bewonersorganisatie het oogstfeest?")
                + advies_uitgebracht("Positief: de moestuin brengt de buurt samen.") + verhaal.volledig(1),
                doelgroep="Buurtbewoners en hun kinderen", locatie="Buurtmoestuin Eikenlaan", wanneer="Een zondag in "
                "september", deelnemers=120, themas=["groen", "ontmoeting"], dimensies=["zingeving", "meedoen"],
                activiteit=(60, 1)),
    _initiatief("Dorpsontbijt in Onnen", B, "onnen-ontmoet", "Onnen", "700",
                "Eén keer per maand ontbijt in de dorpsschuur, zodat nieuwe en oude inwoners elkaar leren kennen.", 14,
                verhaal.indienen() + verhaal.behandelen() + advies_vragen("gebiedsteam", 6, "Sluit dit aan bij het "
                                                                          "dorpsplan?")
                + advies_uitgebracht("Het gebiedsteam ondersteunt het ontbijt.") + verhaal.volledig(1)
                + verhaal.voorstel(na=2), doelgroep="Inwoners van Onnen", locatie="Dorpsschuur Onnen",
                wanneer="Eerste zaterdag van de maand", deelnemers=45, themas=["ontmoeting", "eenzaamheid"],
                dimensies=["meedoen", "mentaal_welbevinden"], activiteit=(30, 180)),
    _initiatief("Koningsdagfeest Garmerwolde", B, "garmerwolde-viert", "Garmerwolde", "2600",
                "Vrijmarkt, spelletjes voor de kinderen en een dorpsbarbecue op Koningsdag.", 90,
                verleend_met_advies("bewonersorganisatie", "Van harte: het hele dorp doet mee.")
                + verhaal.uitgevoerd(3) + bereik(40, 310, 28, "Het hele dorp was er; 28 vrijwilligers hielpen."),
                doelgroep="Alle inwoners van Garmerwolde", locatie="Dorpsplein Garmerwolde", wanneer="Koningsdag",
                deelnemers=250, themas=["cultuur", "ontmoeting", "jeugd"], dimensies=["meedoen", "zingeving"],
                activiteit=(30, 1)),
    _initiatief("Silent disco op de Vismarkt", B, "hortusbuurt-groen", "Binnenstad", "4500",
                "Een avond silent disco op de Vismarkt met een dj uit de buurt.", 30,
                verhaal.geweigerd("Een avond muziek op de Vismarkt met een commerciële organisator is geen "
                                  "bewonersinitiatief voor de eigen buurt; de regeling is daar niet voor bedoeld."),
                doelgroep="Jongeren uit de binnenstad", locatie="Vismarkt", wanneer="Een vrijdagavond in juli",
                deelnemers=300, themas=["cultuur", "jeugd"], dimensies=["meedoen"], activiteit=(60, 1)),
    _initiatief("Buurtbioscoop op het Bottemaplein", B, "vinkhuizen-noord", "Vinkhuizen", "1100",
                "Vier zomeravonden een film op een groot doek op het plein, met popcorn van de buren.", 45,
                buiten_behandeling("Laat weten wie de filmrechten regelt en stuur de offerte van het doek."),
                doelgroep="Gezinnen in Vinkhuizen-Noord", locatie="Bottemaplein", wanneer="Vier vrijdagavonden",
                deelnemers=160, themas=["cultuur", "ontmoeting"], dimensies=["kwaliteit_van_leven", "meedoen"],
                activiteit=(40, 30)),
    _initiatief("Paasbrunch in Lewenborg", B, "lewenborg-samen", "Lewenborg", "600",
                "Een brunch op tweede paasdag voor bewoners die de feestdagen alleen doorbrengen.", 20,
                verhaal.indienen() + verhaal.intrekken("We hebben een sponsor gevonden die alles betaalt."),
                doelgroep="Alleenstaande bewoners", locatie="Wijkcentrum Lewenborg", wanneer="Tweede paasdag",
                deelnemers=40, themas=["eenzaamheid", "ontmoeting"], dimensies=["mentaal_welbevinden"],
                activiteit=(30, 1)),
    _initiatief("Zomerspelen op het speelveld", B, "hoornse-meer", "Hoornse Meer", "1900",
                "Een week lang spelletjes, sport en een vossenjacht voor kinderen die niet op vakantie gaan.", 120,
                verleend_met_advies("gebiedsteam", "Goed plan; stem af met de speeltuinvereniging.")
                + verhaal.uitgevoerd(3) + (Stap(1, "afsluiten", "behandelaar", op="subsidie"),)
                + bereik(60, 85, 14, "85 kinderen, elke dag rond de 50; 14 ouders hielpen mee."),
                doelgroep="Kinderen van 6 tot 12 jaar", locatie="Speelveld Aduarderdiep", wanneer="Eerste week van "
                "de zomervakantie", deelnemers=60, themas=["jeugd", "sport", "armoede"],
                dimensies=["lichaamsfuncties", "meedoen"], activiteit=(40, 7)),
    _initiatief("Burendag in de Oosterparkwijk", B, "oosterpark-kookt", "Oosterparkwijk", "1300",
                "Op burendag een lange tafel door de straat, met eten dat iedereen meebrengt.", 40,
                verhaal.verleend() + verhaal.uitgevoerd(3), doelgroep="Bewoners van de Edelsteenlaan en omgeving",
                locatie="Edelsteenlaan", wanneer="Burendag in september", deelnemers=90,
                themas=["ontmoeting", "diversiteit"], dimensies=["meedoen", "kwaliteit_van_leven"],
                activiteit=(20, 1)),
    # --- maatschappelijke initiatieven, one per state, spread over the seven gebieden ---
    _initiatief("Mantelzorgcafé in Haren", M, "mantelzorg-haren", "Haren", "9500",
                "Elke maand een avond voor mantelzorgers: even op adem komen, ervaringen delen, informatie.", 2, (),
                doelgroep="Mantelzorgers in Haren", locatie="Het Kerkje, Haren", wanneer="Derde dinsdag van de maand",
                deelnemers=35, themas=["mantelzorg", "ontmoeting"], dimensies=["mentaal_welbevinden", "zingeving"],
                activiteit=(60, 300), doel=("Mantelzorgers voelen zich minder overbelast",
                                            "Mantelzorgers die minstens vier keer komen", "30")),
    _initiatief("Digitaal spreekuur voor ouderen in Thesinge", M, "dorpshuis-thesinge", "Thesinge", "8000",
                "Vrijwilligers helpen ouderen met DigiD, bankieren en videobellen met de kleinkinderen.", 6,
                verhaal.indienen(), doelgroep="Ouderen in Thesinge en omliggende dorpen", locatie="Dorpshuis Thesinge",
                wanneer="Elke woensdagochtend", deelnemers=40, themas=["ouderen", "taal"],
                dimensies=["dagelijks_functioneren", "meedoen"], activiteit=(60, 300),
                doel=("Ouderen redden zich digitaal", "Ouderen die zelf hun zaken online regelen", "25")),
    _initiatief("Huiskamer voor dak- en thuislozen", M, "binnenstad-samen", "Binnenstad", "30000",
                "Een warme huiskamer in de binnenstad, vijf dagen per week open, gerund door vrijwilligers.", 9,
                verhaal.indienen() + verhaal.behandelen()
                + advies_vragen("gebiedsteam", 21, "Hoe past de huiskamer bij de andere voorzieningen in het centrum?"),
                doelgroep="Dak- en thuislozen in de binnenstad", locatie="Oude Kijk in 't Jatstraat 9",
                wanneer="Maandag tot en met vrijdag", deelnemers=60, themas=["armoede", "veiligheid", "ontmoeting"],
                dimensies=["mentaal_welbevinden", "dagelijks_functioneren"], activiteit=(60, 300),
                doel=("Een vaste plek voor wie geen thuis heeft", "Bezoekers per week", "80")),
    _initiatief("Samen eten in Helpman", M, "ouderen-helpman", "Helpman", "12000",
                "Twee keer per week een warme maaltijd voor ouderen, met vervoer voor wie slecht ter been is.", 12,
                verhaal.indienen() + verhaal.behandelen()
                + verhaal.aanvulling("Stuur de offerte van de cateraar en laat zien welk fonds het vervoer "
                                     "betaalt.", 21),
                doelgroep="Ouderen in Helpman", locatie="Wijkcentrum Helpman", wanneer="Dinsdag en donderdag",
                deelnemers=50, themas=["ouderen", "eenzaamheid", "gezondheid"],
                dimensies=["lichaamsfuncties", "meedoen"], activiteit=(60, 300),
                doel=("Minder eenzaamheid onder ouderen", "Ouderen die minstens eens per week mee-eten", "40")),
    _initiatief("Huiswerkklas in de Korrewegwijk", M, "buurthuis-korrewegwijk", "Korrewegwijk", "18000",
                "Studenten helpen kinderen uit groep 7 en 8 met huiswerk en de overstap naar de middelbare school.", 25,
                verhaal.indienen() + verhaal.behandelen()
                + advies_vragen("gebiedsteam", 5, "Werkt het gebiedsteam al met scholen in de wijk aan "
                                "huiswerkbegeleiding?")
                + advies_verlopen(10) + verhaal.volledig(1), doelgroep="Kinderen van 10 tot 13 jaar",
                locatie="Buurthuis De Korrel", wanneer="Maandag tot en met donderdag na school", deelnemers=45,
                themas=["jeugd", "armoede", "taal"], dimensies=["zingeving", "dagelijks_functioneren"],
                activiteit=(60, 300), doel=("Kinderen beginnen goed voorbereid aan de middelbare school",
                                            "Kinderen die de huiswerkklas het hele jaar volgen", "35")),
    _initiatief("Een jaar lang taalmaatjes in Paddepoel", M, "taalcafe-paddepoel", "Paddepoel", "14000",
                "Vrijwillige taalmaatjes oefenen een jaar lang wekelijks Nederlands met een nieuwkomer.", 20,
                verhaal.ter_beoordeling() + verhaal.voorstel(), doelgroep="Nieuwkomers in Paddepoel en Selwerd",
                locatie="Taalcafé, Zonnelaan 4", wanneer="Wekelijks, op een moment dat beiden past", deelnemers=40,
                themas=["taal", "diversiteit", "vrijwillige-inzet"], dimensies=["meedoen", "zingeving"],
                activiteit=(60, 300), doel=("Nieuwkomers spreken beter Nederlands", "Koppels die een jaar volhouden",
                                            "30")),
    _initiatief("Buurtkamer Beijum: ontmoeting voor ouderen", M, "buurtkamer-beijum", "Beijum", "22000",
                "Drie ochtenden per week een open huiskamer met koffie, activiteiten en een luisterend oor.", 240,
                verleend_met_advies("bewonersorganisatie", "Positief: de buurtkamer is onmisbaar in Beijum.")
                + verhaal.voorschot(5, "0.8", uitgevoerd_na=4) + verhaal.verantwoording_vragen(100, 60)
                + bereik(10, 64, 11, "Gemiddeld 25 bezoekers per ochtend; 11 vaste vrijwilligers.", "52")
                + verhaal.verantwoording(1, "Honderdtwintig ochtenden open; gemiddeld 25 bezoekers.", "29500")
                + verhaal.vaststellen(14) + verhaal.uitgevoerd(5) + verhaal.afsluiten(),
                doelgroep="Ouderen in Beijum", locatie="Buurtkamer, Kraaiheide 31", wanneer="Maandag, woensdag en "
                "vrijdag 10–12 uur", deelnemers=50, themas=["ouderen", "eenzaamheid", "ontmoeting"],
                dimensies=["mentaal_welbevinden", "meedoen", "zingeving"], activiteit=(20, 90),
                doel=("Minder eenzaamheid onder ouderen in Beijum", "Ouderen die minstens tien keer kwamen", "40")),
    _initiatief("Respijtzorg door vrijwilligers in Haren", M, "mantelzorg-haren", "Haren", "28000",
                "Getrainde vrijwilligers nemen de zorg een dagdeel per week over, zodat mantelzorgers tijd voor "
                "zichzelf hebben.", 50, verhaal.verleend() + verhaal.voorschot(3, "0.8", uitgevoerd_na=4),
                doelgroep="Mantelzorgers van mensen met dementie", locatie="Bij de mensen thuis in Haren en Glimmen",
                wanneer="Een dagdeel per week", deelnemers=30, themas=["mantelzorg", "vrijwillige-inzet", "ouderen"],
                dimensies=["mentaal_welbevinden", "kwaliteit_van_leven"], activiteit=(20, 300),
                doel=("Mantelzorgers houden het langer vol", "Mantelzorgers met een vaste vrijwilliger", "25")),
    _initiatief("Nieuwe keuken voor het dorpshuis Thesinge", M, "dorpshuis-thesinge", "Thesinge", "35000",
                "Een nieuwe keuken, zodat het dorpshuis weer maaltijden voor het dorp kan koken.", 35,
                verhaal.geweigerd("Een verbouwing van het dorpshuis is onderhoud van een accommodatie; daarvoor is de "
                                  "onderhoudssubsidie accommodaties, niet deze regeling."),
                doelgroep="Inwoners van Thesinge", locatie="Dorpshuis Thesinge", wanneer="Voorjaar", deelnemers=200,
                themas=["ontmoeting", "leefbaarheid"], dimensies=["meedoen"], activiteit=(60, 30),
                doel=("Maaltijden voor het dorp", "Maaltijden per maand", "8")),
    _initiatief("Festival van de binnenstad", M, "binnenstad-samen", "Binnenstad", "40000",
                "Een weekend muziek, theater en markt van bewoners en ondernemers in de binnenstad.", 60,
                buiten_behandeling("Stuur de begroting van de podia en de toezegging van de sponsors.", 21),
                doelgroep="Bewoners en bezoekers van de binnenstad", locatie="Grote Markt en Vismarkt",
                wanneer="Een weekend in juni", deelnemers=2000, themas=["cultuur", "diversiteit"],
                dimensies=["meedoen", "zingeving"], activiteit=(90, 2),
                doel=("Bewoners maken zelf het programma", "Optredens door bewoners", "20")),
    _initiatief("Zomerschool voor nieuwkomers", M, "taalcafe-paddepoel", "Paddepoel", "16000",
                "Drie weken taalles en uitstapjes in de zomer voor jonge nieuwkomers.", 28,
                verhaal.indienen() + verhaal.behandelen()
                + verhaal.intrekken("Het ROC biedt de zomerschool nu zelf aan."),
                doelgroep="Nieuwkomers van 16 tot 23 jaar", locatie="Taalcafé Paddepoel", wanneer="Zomervakantie",
                deelnemers=30, themas=["taal", "jeugd", "diversiteit"], dimensies=["meedoen"], activiteit=(60, 21),
                doel=("Jonge nieuwkomers spreken beter Nederlands", "Deelnemers die het taalniveau halen", "20")),
]


# --- building it ------------------------------------------------------------------------------------------------
def seed(stdout) -> None:
    """Build this family's regelingen, budgets per gebied, gebiedsteams and requests, or check they are there."""
    vandaag = timezone.localdate()
    gebeurtenissen = plan(vandaag)
    titels = [demo.aanvraag.titel for demo in INITIATIEVEN]
    with transaction.atomic():
        nieuw = not Aanvraag.objects.filter(regeling__code__in=REGELINGEN, titel__in=titels).exists()
        begin = gebeurtenissen[0].moment - dt.timedelta(days=1)
        with time_machine.travel(begin, tick=True) if nieuw else nullcontext() as klok:
            ref = referentiegegevens(vandaag)
            if nieuw:
                speel(gebeurtenissen, ref, klok, vandaag)
    stdout.write(f"Initiatieven: {len(titels)} aanvragen gemaakt, in alle zeven gebieden en elke status."
                 if nieuw else "Initiatieven: de aanvragen bestonden al, niets toegevoegd.")


def referentiegegevens(vandaag: dt.date) -> builder.Referentie:
    """The core demo's reference data, with this family's regelingen, budgets, gebiedsteams and initiatiefgroepen."""
    ref = builder.referentiegegevens(vandaag)
    with acting_as(ref.gebruikers[logins.BEHEERDER]):
        jaren = range(vandaag.year - 1, vandaag.year + 2)
        for code in REGELINGEN:
            ref.regelingen[code] = zorg_voor_regeling(code, jaren)
        for gebied in Gebied.objects.all():
            builder.zorg_voor(Gebiedsteam, gebied=gebied, defaults={
                "naam": f"Gebiedsteam {gebied.naam}",
                "email": f"gebiedsteam.{gebied.naam.lower().replace(' ', '')}@groningen.example.org"})
        for sleutel, spec in GROEPEN.items():
            ref.organisaties[sleutel], ref.leden[sleutel] = zorg_voor_groep(spec, ref.wijken)
    return ref


def zorg_voor_regeling(code: str, jaren: range) -> Regeling:
    """The regeling with its budgets and published ceilings: per gebied for bewonersinitiatieven."""
    post = Begrotingspost.objects.get(code=begroting.INITIATIEVEN[0])  # the core demo's post for initiatives
    if code == BEWONERS:
        bron = Fondsbron.objects.get(code="gebiedsbudget")
        plafonds = [(gebied, GEBIEDSBUDGET, GEBIEDSPLAFOND) for gebied in Gebied.objects.all()]
    else:
        bron = builder.zorg_voor(Fondsbron, code=REGIODEAL[0], defaults={"naam": REGIODEAL[1], "soort": REGIODEAL[2]})
        plafonds = [(None, REGIODEAL_BUDGET, REGIODEAL_PLAFOND)]
    regeling = builder.zorg_voor(Regeling, code=code, defaults={**REGELINGEN[code], "begrotingspost": post,
                                                                 "fondsbron": bron})
    for jaar in jaren:
        for gebied, budgetbedrag, plafondbedrag in plafonds:
            budget = builder.zorg_voor(Budget, begrotingspost=post, fondsbron=bron, boekjaar=jaar, gebied=gebied,
                                        defaults={"bedrag": budgetbedrag})
            builder.zorg_voor(Plafond, regeling=regeling, boekjaar=jaar, gebied=gebied, defaults={
                "bedrag": plafondbedrag, "budget": budget, "gepubliceerd_op": dt.date(jaar, 1, 1)})
    return regeling


def zorg_voor_groep(spec: DemoOrganisatie, wijken: dict):
    """An initiatiefgroep: no KvK number, the account in the contact person's name, and their account to act."""
    wijk = wijken[spec.gebied, spec.wijk]
    contactnaam, functie, telefoon = spec.contact
    organisatie = builder.zorg_voor(Organisatie, naam=spec.naam, defaults={
        "rechtsvorm": spec.rechtsvorm, "kvk_nummer": "",
        "iban": IBAN.generate("NL", bank_code=spec.bank, account_code=spec.rekening).compact,
        "tenaamstelling": f"{contactnaam} inz. {spec.naam}", "straat": spec.straat, "postcode": spec.postcode,
        "plaats": spec.plaats, "gebied": wijk.gebied, "wijk": wijk, "email": spec.contact_email, "telefoon": telefoon,
    })
    builder.zorg_voor(Contactpersoon, organisatie=organisatie, naam=contactnaam,
                       defaults={"functie": functie, "email": spec.contact_email, "telefoon": telefoon})
    lid = builder._contactgebruiker(spec)
    if not organisatie.leden.filter(pk=lid.pk).exists():
        organisatie.leden.add(lid)
    return organisatie, lid


def plan(vandaag: dt.date) -> list[builder.Gebeurtenis]:
    """Every step of every story on its day, in calendar order; all before today."""
    verhalen = [(vandaag - dt.timedelta(days=demo.aanvraag.start), demo.aanvraag) for demo in INITIATIEVEN]
    return sorted(builder.in_de_tijd(verhalen, vandaag, spreiding=13), key=lambda g: (g.moment, g.nummer))


def speel(gebeurtenissen: list[builder.Gebeurtenis], ref: builder.Referentie, klok, vandaag: dt.date) -> None:
    aanvragen = {}
    for gebeurtenis in gebeurtenissen:
        klok.move_to(gebeurtenis.moment)
        nummer, stap = gebeurtenis.nummer, gebeurtenis.stap
        demo = INITIATIEVEN[nummer]
        if stap is None:
            aanvragen[nummer] = maak_concept(demo, ref, vandaag - dt.timedelta(days=demo.aanvraag.start))
            continue
        aanvraag = Aanvraag.objects.select_related("regeling", "wijk").get(pk=aanvragen[nummer])
        actor = _actor(stap, nummer, demo, aanvraag, ref)
        if stap.actie == "advies_vragen":
            vraag_advies(aanvraag, actor, vraag=stap.reden, termijn_tot=builder._waarde(
                stap.params["termijn_tot"], gebeurtenis.dag, aanvraag), **_adviseur(aanvraag, stap.params["bij"]))
        elif stap.actie == "bereik_melden":
            _meld_bereik(aanvraag, actor, stap)
        else:
            doel = aanvraag.adviesaanvragen.latest("pk") if stap.op == "advies" else builder._doel(stap, aanvraag)
            params = {naam: builder._waarde(waarde, gebeurtenis.dag, doel) for naam, waarde in stap.params.items()}
            if stap.actie == "uitbrengen" and not _is_lid(actor, doel.adviseur):
                params["ontvangen_op"] = gebeurtenis.dag  # the behandelaar registers an advice that came by mail
            perform(doel, stap.actie, actor, reden=stap.reden, **params)


def maak_concept(demo: DemoInitiatief, ref: builder.Referentie, begin: dt.date) -> int:
    """The draft with its budget (co-funded), its place and the initiative's data, by the applicant."""
    organisatie = ref.organisaties[demo.aanvraag.organisatie]
    wijk = ref.wijken[organisatie.gebied.naam, demo.aanvraag.wijk]
    van = begin + dt.timedelta(days=demo.activiteit[0])
    begroting = builder.begroting(DemoAanvraag(demo.aanvraag.titel, demo.aanvraag.organisatie, BEGROTING[demo.soort],
                                               demo.aanvraag.bedrag, None, "", 0))
    with acting_as(ref.leden[demo.aanvraag.organisatie]):
        aanvraag = Aanvraag.objects.create(
            regeling=ref.regelingen[demo.aanvraag.regeling], organisatie=organisatie, titel=demo.aanvraag.titel,
            omschrijving=demo.aanvraag.omschrijving, gevraagd_bedrag=demo.aanvraag.gevraagd, periode_van=van,
            periode_tot=van + dt.timedelta(days=demo.activiteit[1] - 1), gebied=wijk.gebied, wijk=wijk,
        )
        for soort, omschrijving, bedrag in begroting:
            Begrotingsregel.objects.create(aanvraag=aanvraag, soort=soort, omschrijving=omschrijving, bedrag=bedrag)
        initiatief = Initiatief.objects.create(aanvraag=aanvraag, doelgroep=demo.doelgroep, locatie=demo.locatie,
                                               wanneer=demo.wanneer, verwachte_deelnemers=demo.deelnemers)
        initiatief.themas.set(Thema.objects.filter(code__in=demo.themas))
        initiatief.dimensies.set(Dimensie.objects.filter(code__in=demo.dimensies))
        doel, indicator, streefwaarde = demo.doel
        if doel:
            Indicator.objects.create(doel=Doel.objects.create(initiatief=initiatief, omschrijving=doel),
                                     omschrijving=indicator, streefwaarde=Decimal(streefwaarde))
    return aanvraag.pk


def _adviseur(aanvraag, bij: str) -> dict:
    """The wijk's bewonersorganisatie when asked for and registered; else the gebiedsteam."""
    organisaties = families.adviseurs(aanvraag.wijk) if bij == "bewonersorganisatie" else []
    eigen = [o for o in organisaties if o.pk != aanvraag.organisatie_id]
    return {"adviseur": eigen[0]} if eigen else {"gebiedsteam": Gebiedsteam.objects.get(gebied=aanvraag.gebied)}


def _actor(stap: Stap, nummer: int, demo: DemoInitiatief, aanvraag, ref):
    """Who takes a step: the core's roles, or for advice a member of the advising organisation (if it has one)."""
    if stap.door == "adviseur":
        adviesaanvraag = aanvraag.adviesaanvragen.latest("pk")
        lid = adviesaanvraag.adviseur.leden.first() if adviesaanvraag.adviseur_id else None
        return lid or aanvraag.behandelaar
    return builder._actor(stap.door, nummer, demo.aanvraag, aanvraag, ref)


def _is_lid(user, organisatie) -> bool:
    return organisatie is not None and organisatie.leden.filter(pk=user.pk).exists()


def _meld_bereik(aanvraag, user, stap: Stap) -> None:
    """The reach of the year, and for a maatschappelijk initiatief the result on its indicator."""
    indicatoren = Indicator.objects.filter(doel__initiatief__aanvraag=aanvraag)
    resultaten = [{"indicator": indicator, "gerealiseerd": Decimal(stap.params["gerealiseerd"])}
                  for indicator in indicatoren]
    meld_bereik(aanvraag.subsidie, user, boekjaar=None, deelnemers=stap.params["deelnemers"],
                vrijwilligers=stap.params["vrijwilligers"], toelichting=stap.reden, resultaten=resultaten)
