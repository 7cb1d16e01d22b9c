"""Demo data: the register of 50 bewonersorganisaties in the seven gebieden, the formula on the demo regeling
*Subsidie bewonersorganisaties*, and their yearly requests: for 2026 granted by the formula and paid in January,
for 2027 in every state of the Aanvraag.

Builds on `subsidies.demo` (its users, gebieden, budgets, regelingen and organisations; five of its organisations
are bewonersorganisaties and join the register) and uses its pieces: DemoAanvraag and Stap for the stories, and
`builder` to make the drafts and pick the actors. Reference data is looked up by its natural key and created only
when missing; the requests only when none of them exists yet. They are replayed in calendar order on a simulated
clock (time-machine), from September 2025 to November 2026, every state change through `perform()`. Run it after
`subsidies.demo.builder.seed()`: its trail records then follow the builder's, with earlier dates.
Assumptions are marked ASSUMPTION.
"""
import datetime as dt
from contextlib import nullcontext
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal

import time_machine
from django.db import transaction
from django.utils import timezone
from schwifty import IBAN

from subsidies.demo import begroting, builder, logins, organisaties, regelingen, verhaal
from subsidies.demo.organisaties import DemoOrganisatie
from subsidies.demo.verhaal import DemoAanvraag, Stap
from subsidies.models import Aanvraag, Budget, Contactpersoon, Organisatie, Plafond, Regeling
from workflows.context import acting_as
from workflows.transitions import perform

from .models import FAMILIE, Bewonersorganisatie, Formule

REGELING = "bewonersorganisaties"  # the demo regeling (subsidies/demo/regelingen.py), on the post Bewonersorganisaties
# ASSUMPTION: Groningen's distribution key is not public. € 1,500 plus € 1.15 per resident, at most € 15,000,
# gives the 50 organisations together about € 325,000: within the € 368,803 of the post.
FORMULE = {"basisbedrag": Decimal("1500.00"), "bedrag_per_bewoner": Decimal("1.1500"), "maximum": Decimal("15000.00")}
# ASSUMPTION: the nadere regels ask the yearly subsidy before 1 October of the year before (Awb 4:60 allows it).
AANVRAAG_UITERLIJK = {"per_boekjaar": True, "aanvraag_uiterlijk_dag": 1, "aanvraag_uiterlijk_maand": 10}
VOLGEND_JAAR = 2027  # the boekjaar whose requests are still being handled; 2026 is the year that runs


@dataclass(frozen=True)
class Registratie:
    """An organisation's entry in the register, and what it asked for 2026 and 2027."""

    organisatie: str  # key in ORGANISATIES, or in subsidies.demo.organisaties.ORGANISATIES
    soort: str
    wijken: tuple[str, ...]
    bewoners: int | None
    geregistreerd: str
    werkgebied: str = ""
    afgemeld: tuple[str, str] | None = None  # (ISO date, reason)
    in_2026: bool = True  # granted for 2026 by the formula
    # The state its request for 2027 is in today (an Aanvraag status, or concept_ingetrokken: withdrawn as a draft);
    # "" when it has none.
    stand_2027: str = ""


def _organisatie(nummer: int, naam: str, rechtsvorm: str, gebied: str, wijk: str, straat: str, postcode: str,
                 contact: str, functie: str, plaats: str = "Groningen") -> DemoOrganisatie:
    """A new organisation with a made-up KvK number, bank account and telephone number, unique by `nummer`."""
    banken = ("RABO", "INGB", "ABNA", "SNSB", "TRIO", "ASNB")
    return DemoOrganisatie(
        naam, rechtsvorm, f"{40310000 + 7 * nummer}", banken[nummer % len(banken)],
        f"{(3141592653 + 104729 * nummer) % 10**10:010d}", straat, postcode, gebied, wijk,
        (contact, functie, f"050 {310 + nummer:03d} {4000 + 37 * nummer:04d}"), plaats=plaats,
    )


_NIEUW = [  # key, naam, rechtsvorm, gebied, first wijk, straat, postcode, contact, functie[, plaats]
    ("bv-binnenstad-noord", "Bewonersvereniging Binnenstad-Noord", "vereniging", "Centrum", "Binnenstad",
     "Nieuwe Kijk in 't Jatstraat 40", "9712 SL", "Hilde Schuur", "voorzitter"),
    ("bo-binnenstad-oost", "Bewonersorganisatie Binnenstad-Oost", "vereniging", "Centrum", "Binnenstad-Oost",
     "Oosterstraat 12", "9711 NR", "Ruben Mulder", "secretaris"),
    ("bv-hortusbuurt", "Bewonersvereniging Hortusbuurt-Ebbingekwartier", "vereniging", "Centrum", "Hortusbuurt",
     "Kruissingel 5", "9712 AJ", "Els van Dijk", "voorzitter"),
    ("bv-stationsgebied", "Buurtvereniging Stationsgebied", "vereniging", "Centrum", "Stationsgebied",
     "Stationsweg 8", "9726 AC", "Koen Visser", "penningmeester"),
    ("bc-pepergasthuis", "Bewonerscommissie Pepergasthuis", "vereniging", "Centrum", "Binnenstad",
     "Peperstraat 22", "9711 PC", "Trijntje Bakker", "voorzitter"),
    ("bo-oosterparkwijk", "Bewonersorganisatie Oosterparkwijk", "vereniging", "Oude Wijken", "Oosterparkwijk",
     "Linnaeusplein 1", "9713 GT", "Jan Hofstede", "voorzitter"),
    ("wijkraad-korrewegwijk", "Vereniging Wijkraad Korrewegwijk", "vereniging", "Oude Wijken", "Korrewegwijk",
     "Van Heemskerckstraat 29", "9726 GK", "Mirjam Kok", "secretaris"),
    ("bv-indische-buurt", "Bewonersvereniging Indische Buurt", "vereniging", "Oude Wijken", "Indische buurt",
     "Sumatralaan 46", "9715 LM", "Anil Ramdin", "voorzitter"),
    ("bo-professorenbuurt", "Bewonersorganisatie Professorenbuurt", "vereniging", "Oude Wijken",
     "Professorenbuurt", "Nieuwe Boteringestraat 58", "9712 PN", "Marjolein de Vries", "secretaris"),
    ("vereniging-oranjebuurt", "Vereniging Oranjebuurt", "vereniging", "Oude Wijken", "Oranjewijk",
     "Prinsesseweg 11", "9717 KN", "Pieter Bosma", "voorzitter"),
    ("bo-schildersbuurt", "Bewonersorganisatie Schildersbuurt", "vereniging", "Oude Wijken", "Schildersbuurt",
     "Rembrandt van Rijnstraat 3", "9718 PJ", "Sanne Kuiper", "penningmeester"),
    ("bv-kostverloren", "Bewonersvereniging Kostverloren", "vereniging", "Oude Wijken", "Kostverloren",
     "Kostverlorenstraat 17", "9726 AR", "Hendrik Zuidema", "voorzitter"),
    ("bo-noorderplantsoenbuurt", "Bewonersorganisatie Noorderplantsoenbuurt", "vereniging", "Oude Wijken",
     "Noorderplantsoenbuurt", "Kerklaan 44", "9717 HK", "Ingrid Bouwman", "secretaris"),
    ("bv-zeeheldenbuurt", "Buurtvereniging Zeeheldenbuurt", "vereniging", "Oude Wijken", "Schildersbuurt",
     "De Ruyterstraat 21", "9718 ET", "Bart Wolters", "voorzitter"),
    ("wijkraad-beijum", "Vereniging Wijkraad Beijum", "vereniging", "Oost", "Beijum", "Beijumerweg 12",
     "9733 BA", "Henk Vos", "voorzitter"),
    ("bv-meerstad", "Bewonersvereniging Meerstad", "vereniging", "Oost", "Meerstad", "Zilverpark 4", "9737 BZ",
     "Laura Jager", "secretaris"),
    ("dorpsbelangen-noorddijk", "Vereniging Dorpsbelangen Noorddijk", "vereniging", "Oost", "Noorddijk",
     "Noorddijkerweg 60", "9734 AT", "Geert Kamminga", "voorzitter"),
    ("bo-ulgersmaborg", "Bewonersorganisatie Ulgersmaborg", "vereniging", "Oost", "Ulgersmaborg",
     "Ulgersmaweg 35", "9731 BT", "Nicole Prins", "secretaris"),
    ("dorpsvereniging-ruischerbrug", "Dorpsvereniging Ruischerbrug", "vereniging", "Oost", "Ruischerbrug",
     "Rijksweg 200", "9731 AK", "Albert Nijdam", "voorzitter"),
    ("bv-drielanden", "Bewonersvereniging Drielanden", "vereniging", "Oost", "Drielanden", "Groningerhoek 7",
     "9733 HW", "Femke Huisman", "penningmeester"),
    ("bo-de-hunze", "Bewonersorganisatie De Hunze", "stichting", "Oost", "De Hunze", "Hunzeweg 91", "9735 AM",
     "Erwin Smit", "voorzitter"),
    ("wijkraad-helpman", "Vereniging Wijkraad Helpman", "vereniging", "Zuid", "Helpman", "Coendersweg 2",
     "9722 GE", "Margriet Hoving", "voorzitter"),
    ("bo-de-wijert", "Bewonersorganisatie De Wijert", "vereniging", "Zuid", "De Wijert", "Van Lenneplaan 14",
     "9721 PD", "Dirk Wiersma", "secretaris"),
    ("wv-corpus-den-hoorn", "Wijkvereniging Corpus den Hoorn", "vereniging", "Zuid", "Corpus den Hoorn",
     "Laan Corpus den Hoorn 300", "9728 JT", "Yvonne Pater", "voorzitter"),
    ("wijkraad-hoornse-meer", "Vereniging Wijkraad Hoornse Meer", "vereniging", "Zuid", "Hoornse Meer",
     "Aduarderdiep 2", "9728 JA", "Ronald Meijer", "secretaris"),
    ("bv-coendersborg", "Buurtvereniging Coendersborg", "vereniging", "Zuid", "Coendersborg", "Coendersborg 10",
     "9722 KW", "Thea Veldman", "voorzitter"),
    ("bo-oosterpoort", "Bewonersorganisatie Oosterpoort", "vereniging", "Zuid", "Oosterpoort",
     "Meeuwerderweg 103", "9724 ET", "Sjoerd Hiemstra", "voorzitter"),
    ("bv-herewegbuurt", "Bewonersvereniging Herewegbuurt", "vereniging", "Zuid", "Herewegbuurt",
     "Oosterweg 15", "9724 CA", "Lisette Drent", "secretaris"),
    ("bv-rivierenbuurt", "Bewonersvereniging Rivierenbuurt", "vereniging", "Zuid", "Rivierenbuurt",
     "Maaskade 121", "9718 KE", "Wouter Bolt", "voorzitter"),
    ("bv-europapark", "Buurtvereniging Europapark", "vereniging", "Zuid", "Europapark", "Europaweg 40",
     "9723 AW", "Noor Hamstra", "secretaris"),
    ("bv-badstratenbuurt", "Buurtvereniging Badstratenbuurt", "vereniging", "Zuid", "Herewegbuurt",
     "Parkweg 60", "9725 EJ", "Jeroen Stuut", "penningmeester"),
    ("bo-vinkhuizen", "Bewonersorganisatie Vinkhuizen", "vereniging", "West", "Vinkhuizen", "Siersteenlaan 380",
     "9745 EC", "Fenna Oosting", "voorzitter"),
    ("wijkraad-paddepoel", "Vereniging Wijkraad Paddepoel", "vereniging", "West", "Paddepoel", "Zonnelaan 26",
     "9742 EB", "Arjen Boer", "secretaris"),
    ("dorpsbelangen-hoogkerk", "Vereniging Dorpsbelangen Hoogkerk", "vereniging", "West", "Hoogkerk",
     "Hoofdstraat 64", "9744 CH", "Roelie Dijkstra", "voorzitter", "Hoogkerk"),
    ("bv-reitdiep", "Bewonersvereniging Reitdiep", "vereniging", "West", "Reitdiep", "Reitdiephaven 40",
     "9746 BW", "Maarten Groen", "secretaris"),
    ("bv-de-held", "Buurtvereniging De Held", "vereniging", "West", "De Held", "Pleiadenlaan 21", "9742 HA",
     "Esther Zwart", "voorzitter"),
    ("bv-gravenburg", "Bewonersvereniging Gravenburg", "vereniging", "West", "Gravenburg", "Ellensborg 3",
     "9746 GA", "Tom Venema", "penningmeester"),
    ("dorpsbelangen-haren", "Vereniging Dorpsbelangen Haren", "vereniging", "Haren", "Haren",
     "Rijksstraatweg 161", "9752 BE", "Wilma Reitsma", "voorzitter", "Haren"),
    ("dorpsbelangen-noordlaren", "Vereniging Dorpsbelangen Noordlaren", "vereniging", "Haren", "Noordlaren",
     "Kerkstraat 40", "9751 BD", "Gerard Lubbers", "secretaris", "Haren"),
    ("dorpsvereniging-onnen", "Dorpsvereniging Onnen", "vereniging", "Haren", "Onnen", "Onnerweg 21", "9755 PB",
     "Jantina Mulder", "voorzitter", "Onnen"),
    ("bv-oosterhaar", "Buurtvereniging Oosterhaar", "vereniging", "Haren", "Haren", "Oosterweg 33", "9751 PG",
     "Karin Post", "secretaris", "Haren"),
    ("dorpsbelangen-garmerwolde", "Vereniging Dorpsbelangen Garmerwolde", "vereniging", "Ten Boer", "Garmerwolde",
     "Dorpsstraat 40", "9798 PG", "Harm Ubbens", "voorzitter", "Garmerwolde"),
    ("dorpsbelangen-thesinge", "Vereniging Dorpsbelangen Thesinge", "vereniging", "Ten Boer", "Thesinge",
     "Molenweg 2", "9797 PD", "Aaltje Bos", "secretaris", "Thesinge"),
    ("dorpsvereniging-ten-post", "Dorpsvereniging Ten Post", "vereniging", "Ten Boer", "Ten Post",
     "Bovenrijge 12", "9792 PH", "Jelle Wiersema", "voorzitter", "Ten Post"),
    ("dorpsbelangen-woltersum", "Vereniging Dorpsbelangen Woltersum", "vereniging", "Ten Boer", "Woltersum",
     "Dorpsstraat 18", "9795 PJ", "Grietje Smid", "penningmeester", "Woltersum"),
]
ORGANISATIES = {key: _organisatie(nummer, *spec) for nummer, (key, *spec) in enumerate(_NIEUW)}

OPGEHEVEN = ("2025-12-31", "Opgeheven: de vereniging vond geen nieuwe bestuursleden.")
REGISTER = [
    # Centrum
    Registratie("bv-binnenstad-noord", "wijk", ("Binnenstad",), 4800, "2011-04-12",
                "Binnenstad ten noorden van de Grote Markt", stand_2027="verleend"),
    Registratie("bo-binnenstad-oost", "wijk", ("Binnenstad-Oost",), 3900, "2009-09-01", stand_2027="in_behandeling"),
    Registratie("bv-hortusbuurt", "wijk", ("Hortusbuurt", "Ebbingekwartier"), 3600, "2013-02-18",
                stand_2027="verleend"),
    Registratie("bv-stationsgebied", "buurt", ("Stationsgebied",), 1100, "2016-06-01", afgemeld=OPGEHEVEN,
                in_2026=False, stand_2027="concept"),
    Registratie("bc-pepergasthuis", "buurt", ("Binnenstad",), 62, "2019-03-04",
                "Het Pepergasthuis, hofje aan de Peperstraat", stand_2027="verleend"),
    # Oude Wijken
    Registratie("wijkraad-de-hoogte", "wijk", ("De Hoogte",), 4300, "2008-10-01", stand_2027="besluit_voorgesteld"),
    Registratie("bo-oosterparkwijk", "wijk", ("Oosterparkwijk",), 11200, "2007-05-14", stand_2027="in_beoordeling"),
    Registratie("wijkraad-korrewegwijk", "wijk", ("Korrewegwijk",), 6900, "2010-01-11", stand_2027="verleend"),
    Registratie("bv-indische-buurt", "buurt", ("Indische buurt",), 3800, "2012-11-05",
                stand_2027="aanvulling_gevraagd"),
    Registratie("bo-professorenbuurt", "wijk", ("Professorenbuurt",), 3400, "2014-09-22", stand_2027="geweigerd"),
    Registratie("vereniging-oranjebuurt", "buurt", ("Oranjewijk",), 4600, "2006-03-01", stand_2027="verleend"),
    Registratie("bo-schildersbuurt", "wijk", ("Schildersbuurt",), 3000, "2015-01-19",
                stand_2027="besluit_voorgesteld"),
    Registratie("bv-kostverloren", "buurt", ("Kostverloren",), 2200, "2017-08-28", stand_2027="concept"),
    Registratie("bo-noorderplantsoenbuurt", "wijk", ("Noorderplantsoenbuurt",), 4100, "2011-06-06",
                stand_2027="in_behandeling"),
    Registratie("bv-zeeheldenbuurt", "buurt", ("Schildersbuurt",), 780, "2018-04-16",
                "Zeeheldenbuurt: De Ruyterstraat, Trompstraat en omliggende straten", stand_2027="verleend"),
    # Oost
    Registratie("wijkraad-beijum", "wijk", ("Beijum",), 13400, "2005-02-01", stand_2027="verleend"),
    Registratie("wijkraad-lewenborg", "wijk", ("Lewenborg",), 9100, "2006-09-04", in_2026=False,
                stand_2027="in_beoordeling"),
    Registratie("bv-meerstad", "wijk", ("Meerstad",), 5600, "2018-10-01", stand_2027="ingediend"),
    Registratie("dorpsbelangen-noorddijk", "dorp", ("Noorddijk",), 1200, "2009-03-16", stand_2027="ingediend"),
    Registratie("bo-ulgersmaborg", "wijk", ("Ulgersmaborg",), 1900, "2016-02-29", stand_2027="buiten_behandeling"),
    Registratie("dorpsvereniging-ruischerbrug", "dorp", ("Ruischerbrug",), 1600, "2008-05-19",
                stand_2027="verleend"),
    Registratie("bv-drielanden", "wijk", ("Drielanden",), 3200, "2013-11-25", stand_2027="in_behandeling"),
    # ASSUMPTION: a registration whose number of residents is still unknown (the CBS figures for the new wijk
    # were not in yet): it can file a draft but not submit it.
    Registratie("bo-de-hunze", "wijk", ("De Hunze",), None, "2026-05-11", in_2026=False, stand_2027="concept"),
    # Zuid
    Registratie("wijkraad-helpman", "wijk", ("Helpman",), 8400, "2007-01-08", stand_2027="verleend"),
    Registratie("bo-de-wijert", "wijk", ("De Wijert",), 6300, "2009-06-15", stand_2027="in_beoordeling"),
    Registratie("wv-corpus-den-hoorn", "wijk", ("Corpus den Hoorn",), 4900, "2010-10-04",
                stand_2027="in_behandeling"),
    Registratie("wijkraad-hoornse-meer", "wijk", ("Hoornse Meer",), 3100, "2012-03-12",
                stand_2027="aanvulling_gevraagd"),
    Registratie("bv-coendersborg", "buurt", ("Coendersborg",), 1100, "2017-05-08", stand_2027="ingetrokken"),
    Registratie("bo-oosterpoort", "wijk", ("Oosterpoort",), 7600, "2006-11-20", stand_2027="verleend"),
    Registratie("bv-herewegbuurt", "wijk", ("Herewegbuurt",), 4500, "2011-09-26", stand_2027="in_beoordeling"),
    Registratie("bv-rivierenbuurt", "wijk", ("Rivierenbuurt",), 6200, "2010-04-19", stand_2027="verleend"),
    Registratie("bv-europapark", "buurt", ("Europapark",), 1400, "2020-09-07", stand_2027="ingediend"),
    Registratie("bv-badstratenbuurt", "buurt", ("Herewegbuurt",), 960, "2014-05-26",
                "Badstratenbuurt: Parkweg, Badstraat en zijstraten", stand_2027="concept_ingetrokken"),
    # West
    Registratie("bo-vinkhuizen", "wijk", ("Vinkhuizen",), 12600, "2005-06-13", stand_2027="verleend"),
    Registratie("wijkraad-paddepoel", "wijk", ("Paddepoel",), 9300, "2006-01-30", stand_2027="besluit_voorgesteld"),
    Registratie("bo-selwerd", "wijk", ("Selwerd",), 7900, "2007-09-10", in_2026=False, stand_2027="verleend"),
    Registratie("dorpsbelangen-hoogkerk", "dorp", ("Hoogkerk",), 10600, "2008-02-25", stand_2027="in_behandeling"),
    Registratie("bv-reitdiep", "wijk", ("Reitdiep",), 3900, "2015-10-12", stand_2027="geweigerd"),
    Registratie("bv-de-held", "wijk", ("De Held",), 7000, "2012-07-02", stand_2027="besluit_voorgesteld"),
    Registratie("bv-gravenburg", "wijk", ("Gravenburg",), 3800, "2026-03-02", in_2026=False, stand_2027="verleend"),
    # Haren
    Registratie("dorpsvereniging-glimmen", "dorp", ("Glimmen",), 1700, "2019-01-01", stand_2027="aanvulling_gevraagd"),
    Registratie("dorpsbelangen-haren", "dorp", ("Haren",), 14100, "2019-01-01", stand_2027="verleend"),
    Registratie("dorpsbelangen-noordlaren", "dorp", ("Noordlaren",), 1000, "2019-01-01", stand_2027="in_beoordeling"),
    Registratie("dorpsvereniging-onnen", "dorp", ("Onnen",), 600, "2019-01-01", in_2026=False),
    Registratie("bv-oosterhaar", "buurt", ("Haren",), 900, "2021-02-15", "Oosterhaar, ten oosten van het dorp Haren"),
    # Ten Boer (registered since the municipalities merged on 1 January 2019)
    Registratie("dorpsbelangen-ten-boer", "dorp", ("Ten Boer",), 4900, "2019-01-01", in_2026=False,
                stand_2027="ingediend"),
    Registratie("dorpsbelangen-garmerwolde", "dorp", ("Garmerwolde",), 580, "2019-01-01", stand_2027="ingediend"),
    Registratie("dorpsbelangen-thesinge", "dorp", ("Thesinge",), 480, "2019-01-01", stand_2027="verleend"),
    Registratie("dorpsvereniging-ten-post", "dorp", ("Ten Post",), 760, "2019-01-01"),
    Registratie("dorpsbelangen-woltersum", "dorp", ("Woltersum",), 460, "2019-01-01", in_2026=False),
]

# --- the stories of the requests --------------------------------------------------------------------------------
FORMULE_MOTIVERING = ("Volgens de formule van de regeling: € 1.500 plus € 1,15 per vertegenwoordigde bewoner, ten "
                      "hoogste € 15.000.")
WEIGERINGEN = {
    "bo-professorenbuurt": "De vereniging heeft in 2026 geen algemene ledenvergadering gehouden en haar jaarverslag "
                           "2025 niet ingediend; zij kan niet laten zien dat zij de bewoners van de wijk "
                           "vertegenwoordigt, zoals het convenant bewonersorganisaties vraagt.",
    "bv-reitdiep": "Het jaarprogramma bestaat uit een eenmalig wijkfeest en de aanschaf van een partytent; dat valt "
                   "onder de bewonersinitiatieven, niet onder de jaarlijkse subsidie voor het werk van de "
                   "bewonersorganisatie.",
}
OMSCHRIJVING = {
    "wijk": "Bewonersavonden, de wijkkrant en het overleg met gemeente, WIJ-team en woningcorporaties over wat er in "
            "de wijk gebeurt.",
    "buurt": "Buurtoverleg, een buurtblad en de schouw van de openbare ruimte met de gemeente.",
    "dorp": "Dorpsavonden, de dorpskrant en het overleg met gemeente en dorpshuis over de toekomst van het dorp.",
}


# When a request that is now in each state was made (the 2027 round: apply before 1 October 2026, or late within
# the four weeks after it), and its steps: each `na` days after the one before, at the pace of a real queue.
START_2027 = {"verleend": "2026-09-01", "buiten_behandeling": "2026-09-01", "ingetrokken": "2026-09-07",
              "geweigerd": "2026-09-08", "concept_ingetrokken": "2026-09-14", "besluit_voorgesteld": "2026-09-15",
              "in_beoordeling": "2026-09-21", "aanvulling_gevraagd": "2026-09-22", "in_behandeling": "2026-09-24",
              "concept": "2026-09-28", "ingediend": "2026-10-12"}
START_2026 = dt.date(2025, 9, 1)
VOORSCHOTDAG = "2026-01-05"  # the whole year is paid (in advance, or at once when settled) in its first week


def verloop(stand: str, weigering: str = "") -> tuple[Stap, ...]:
    """The steps that bring a new draft to `stand`."""
    if stand == "concept":
        return ()
    if stand == "concept_ingetrokken":
        return verhaal.intrekken("Wij vragen dit jaar geen subsidie aan: de buurtvereniging stopt met het "
                                 "buurtblad.", 9)
    stappen = verhaal.indienen(1)
    if stand == "ingetrokken":
        return stappen + verhaal.intrekken("Wij gaan op in de nieuwe wijkraad Zuid en vragen daar samen aan.", 20)
    if stand == "ingediend":
        return stappen
    stappen += verhaal.behandelen(10)
    if stand == "aanvulling_gevraagd":
        return stappen + verhaal.aanvulling("Stuur het jaarverslag 2025 en de begroting voor het nieuwe jaar zoals de "
                                            "ledenvergadering die heeft vastgesteld.", termijn=28, na=40)
    if stand == "buiten_behandeling":
        return stappen + verhaal.aanvulling("Stuur het verslag van de ledenvergadering waarin het nieuwe bestuur is "
                                            "gekozen.") + (Stap(16, "buiten_behandeling_stellen", "behandelaar"),)
    if stand != "in_behandeling":
        stappen += verhaal.volledig(5)
    if stand == "geweigerd":
        return stappen + verhaal.weigervoorstel(weigering, na=7) + (Stap(3, "weigeren", "beslisser"),)
    if stand in ("besluit_voorgesteld", "verleend"):
        stappen += verhaal.voorstel(FORMULE_MOTIVERING, na=7)  # no amount: the formula proposes it
    return stappen + (Stap(3, "verlenen", "beslisser"),) if stand == "verleend" else stappen


def _spec(sleutel: str) -> DemoOrganisatie:
    return ORGANISATIES.get(sleutel) or organisaties.ORGANISATIES[sleutel]


def _grens_direct_vaststellen() -> Decimal:
    """Up to this amount the demo regeling settles an award at once (then it is paid at once, not advanced)."""
    spec = next(spec for spec in regelingen.REGELINGEN if spec["code"] == REGELING)
    return Regeling(**builder._regelingvelden(spec)).grens_direct_vaststellen


def _gevraagd(registratie: Registratie) -> Decimal:
    """Organisations know the formula: they ask its amount, rounded up to € 50 (the formula then proposes less)."""
    if registratie.bewoners is None:
        return Decimal("5000")
    bedrag = Formule(**FORMULE).jaarbedrag(registratie.bewoners)
    return (bedrag / 50).to_integral_value(ROUND_CEILING) * 50


def verhalen() -> list[tuple[int, DemoAanvraag]]:
    """Every request as (boekjaar, story): 2026 granted by the formula and paid, 2027 in its state of today."""
    grens = _grens_direct_vaststellen()
    result = []
    for nummer, registratie in enumerate(REGISTER):
        gevraagd = _gevraagd(registratie)
        if registratie.in_2026:
            verleend = Formule(**FORMULE).jaarbedrag(registratie.bewoners)  # they ask at least this much
            betaald = (verhaal.uitgevoerd(VOORSCHOTDAG) + verhaal.afsluiten() if verleend <= grens
                       else verhaal.voorschot(VOORSCHOTDAG, "1", uitgevoerd_na=3))
            start = START_2026 + dt.timedelta(days=nummer % 21)
            result.append((2026, _verhaal(registratie, 2026, start, verloop("verleend") + betaald, gevraagd)))
        if registratie.stand_2027:
            start = dt.date.fromisoformat(START_2027[registratie.stand_2027]) + dt.timedelta(days=nummer % 5)
            stappen = verloop(registratie.stand_2027, WEIGERINGEN.get(registratie.organisatie, ""))
            result.append((VOLGEND_JAAR, _verhaal(registratie, VOLGEND_JAAR, start, stappen, gevraagd)))
    return result


def _verhaal(registratie: Registratie, jaar: int, start: dt.date, stappen, gevraagd: Decimal) -> DemoAanvraag:
    return DemoAanvraag(f"{_spec(registratie.organisatie).naam}: jaarprogramma {jaar}", registratie.organisatie,
                        REGELING, str(gevraagd), ("01-01", "12-31"), OMSCHRIJVING[registratie.soort],
                        start=start.isoformat(), verloop=stappen)


# --- building it ------------------------------------------------------------------------------------------------
def seed(stdout) -> None:
    """Build the register and its requests, or check they are there when they already are."""
    vandaag = timezone.localdate()
    alle = verhalen()
    gebeurtenissen = plan(alle, vandaag)
    titels = [demo.titel for _, demo in alle]
    with transaction.atomic():
        nieuw = not Aanvraag.objects.filter(titel__in=titels).exists()
        begin = gebeurtenissen[0].moment - dt.timedelta(days=1)
        with time_machine.travel(begin, tick=True) if nieuw else nullcontext() as klok:
            ref = referentiegegevens(vandaag)
            if nieuw:
                speel(gebeurtenissen, alle, ref, klok)
    register = Bewonersorganisatie.objects.met_boekjaar(vandaag.year)
    stdout.write(
        f"Bewonersorganisaties: {register.count()} in het register, {register.geregistreerd_op(vandaag).count()} "
        f"geregistreerd, {register.filter(gesubsidieerd=True).count()} gesubsidieerd in {vandaag.year}; "
        + (f"{len(alle)} jaaraanvragen gemaakt." if nieuw else "de jaaraanvragen bestonden al, niets toegevoegd.")
    )


def referentiegegevens(vandaag: dt.date) -> builder.Referentie:
    """The core demo's reference data, with the organisations, register, formula and 2027 budget of this family."""
    ref = builder.referentiegegevens(vandaag)
    with acting_as(ref.gebruikers[logins.BEHEERDER]):
        zorg_voor_formule(ref.regelingen[REGELING])
        for sleutel, spec in ORGANISATIES.items():
            ref.organisaties[sleutel], ref.leden[sleutel] = zorg_voor_organisatie(spec, ref.wijken)
        for registratie in REGISTER:
            zorg_voor_registratie(registratie, ref)
    return ref


def zorg_voor_formule(regeling: Regeling) -> None:
    """Once: the regeling becomes this family's, yearly (Awb 4.2.8), with its formula, and gets its budget and
    ceiling for 2027, the meerjarenraming carrying 2026's amount forward (as the core demo does)."""
    if Formule.objects.filter(regeling=regeling).exists():
        return
    for veld, waarde in {"familie": FAMILIE, **AANVRAAG_UITERLIJK}.items():
        setattr(regeling, veld, waarde)
    regeling.full_clean()
    regeling.save()
    builder.zorg_voor(Formule, regeling=regeling, defaults=FORMULE)
    bedragen = next(b for post, bron, b in begroting.BUDGETTEN if (post, bron) == (regeling.begrotingspost.code,
                                                                                  regeling.fondsbron.code))
    budget = builder.zorg_voor(Budget, begrotingspost=regeling.begrotingspost, fondsbron=regeling.fondsbron,
                                boekjaar=VOLGEND_JAAR, defaults={"bedrag": builder.per_jaar(bedragen, VOLGEND_JAAR)})
    spec = next(spec for spec in regelingen.REGELINGEN if spec["code"] == REGELING)
    begroting_vastgesteld = next(dag for jaar, dag, _ in begroting.BEGROTINGSJAREN if jaar == VOLGEND_JAAR)
    builder.zorg_voor(Plafond, regeling=regeling, boekjaar=VOLGEND_JAAR, defaults={
        "bedrag": builder.per_jaar(spec["plafonds"], VOLGEND_JAAR), "budget": budget,
        "gepubliceerd_op": dt.date.fromisoformat(begroting_vastgesteld)})


def zorg_voor_organisatie(spec: DemoOrganisatie, wijken: dict):
    """The organisation with its contact person, and the contact person's account that acts for it."""
    wijk = wijken[spec.gebied, spec.wijk]
    contactnaam, functie, telefoon = spec.contact
    organisatie = builder.zorg_voor(Organisatie, naam=spec.naam, defaults={
        "rechtsvorm": spec.rechtsvorm, "kvk_nummer": spec.kvk_nummer,
        "iban": IBAN.generate("NL", bank_code=spec.bank, account_code=spec.rekening).compact,
        "tenaamstelling": spec.naam, "straat": spec.straat, "postcode": spec.postcode, "plaats": spec.plaats,
        "gebied": wijk.gebied, "wijk": wijk, "email": f"info@{spec.domein}", "telefoon": telefoon,
    })
    builder.zorg_voor(Contactpersoon, organisatie=organisatie, naam=contactnaam,
                       defaults={"functie": functie, "email": spec.contact_email, "telefoon": telefoon})
    lid = builder._contactgebruiker(spec)
    if not organisatie.leden.filter(pk=lid.pk).exists():
        organisatie.leden.add(lid)
    return organisatie, lid


def zorg_voor_registratie(registratie: Registratie, ref: builder.Referentie) -> None:
    organisatie = ref.organisaties[registratie.organisatie]
    if Bewonersorganisatie.objects.filter(organisatie=organisatie).exists():
        return
    afgemeld_op, reden = registratie.afgemeld or (None, "")
    nieuw = Bewonersorganisatie(
        organisatie=organisatie, soort=registratie.soort, gebied=organisatie.gebied,
        werkgebied=registratie.werkgebied, aantal_bewoners=registratie.bewoners,
        registratiedatum=dt.date.fromisoformat(registratie.geregistreerd),
        afgemeld_op=dt.date.fromisoformat(afgemeld_op) if afgemeld_op else None, reden_afmelding=reden,
    )
    nieuw.full_clean()
    nieuw.save()
    nieuw.wijken.set([ref.wijken[organisatie.gebied.naam, wijk] for wijk in registratie.wijken])


def plan(alle: list[tuple[int, DemoAanvraag]], vandaag: dt.date) -> list[builder.Gebeurtenis]:
    """Every step of every story on its day, in calendar order; all before today."""
    verhalen = [(dt.date.fromisoformat(demo.start), demo) for _, demo in alle]
    return sorted(builder.in_de_tijd(verhalen, vandaag), key=lambda g: (g.moment, g.nummer))


def speel(gebeurtenissen: list[builder.Gebeurtenis], alle: list[tuple[int, DemoAanvraag]], ref, klok) -> None:
    aanvragen = {}
    for gebeurtenis in gebeurtenissen:
        klok.move_to(gebeurtenis.moment)
        nummer, stap = gebeurtenis.nummer, gebeurtenis.stap
        jaar, demo = alle[nummer]
        if stap is None:
            aanvragen[nummer] = builder.maak_concept(nummer, demo, ref, jaar)
            continue
        aanvraag = Aanvraag.objects.select_related("regeling").get(pk=aanvragen[nummer])
        doel = builder._doel(stap, aanvraag)
        params = {naam: builder._waarde(waarde, gebeurtenis.dag, doel) for naam, waarde in stap.params.items()}
        perform(doel, stap.actie, builder._actor(stap.door, nummer, demo, aanvraag, ref), reden=stap.reden, **params)
