"""Demo data of the accommodation families: the register of 48 sociaal-culturele accommodaties in the seven gebieden
(wijkcentra, dorpshuizen in the villages of Haren and Ten Boer, speeltuinverenigingen), their boards (owners and
tenants), MJOPs, exploitation budgets in every state, and requests of both families in every Aanvraag state.

Run after the core demo (`subsidies.demo.builder.seed`): it reuses the core's users, gebieden, budgets, regelingen
and the boards the core demo already has, and marks the core regelingen *exploitatie-accommodaties* and
*onderhoud-accommodaties* with their family. Reference data is looked up by its natural key and only created when
missing; the stories (budgets and requests) are played only when none of their requests exists yet, so a second
run changes nothing. Like the core demo, the stories are replayed in calendar order on a simulated clock, every
state change through `perform()` by a user with the right role.

Exploitatiesubsidies are structural and go through the multi-year path: boards apply for the first boekjaar whose
budget the council has not adopted yet (the new period), each year backed by an approved exploitation budget whose
deficit covers the amount asked. Onderhoudssubsidies are one-off, for owners, against items of their MJOP.
"""
import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

import time_machine
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone
from schwifty import IBAN

from subsidies.demo import builder, data
from subsidies.models import (
    Aanvraag, Begrotingsjaar, Belangenverklaring, Budget, Contactpersoon, Jaarbedrag, Organisatie, Regeling,
)
from subsidies.rollen import Rol
from workflows.context import acting_as
from workflows.transitions import perform

from . import services
from .models import Accommodatie, Exploitatiebegroting, Exploitatiepost, Onderhoudspost, Post

User = get_user_model()
EURO = Decimal("1")
FAMILIE_VAN = {"exploitatie-accommodaties": services.EXPLOITATIE, "onderhoud-accommodaties": services.ONDERHOUD}


# --- the register ------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class DemoAccommodatie:
    naam: str
    soort: str
    gebied: str
    wijk: str
    straat: str
    postcode: str
    eigendom: str
    vloeroppervlak: int
    gebruikers: int
    bestuur: str  # a board of the core demo (by name) is reused; otherwise it is made here
    rechtsvorm: str
    contact: tuple[str, str, str]  # naam, functie, telefoon
    plaats: str = "Groningen"
    openingsuren: str = "Maandag tot en met vrijdag 9.00–17.00 en 19.00–22.30 uur"
    activiteiten: str = ""
    bestuur_postcode: str = ""  # where the board is registered when the building lies outside 97xx

    @property
    def domein(self) -> str:
        return "".join(c for c in self.bestuur.lower() if c.isalnum())[:30] + ".example.org"


def speeltuin(naam, gebied, wijk, straat, postcode, eigendom, m2, gebruikers, contact, **extra):
    return DemoAccommodatie(naam, "speeltuin", gebied, wijk, straat, postcode, eigendom, m2, gebruikers,
                            extra.pop("bestuur", f"Speeltuinvereniging {naam.removeprefix('Speeltuin ')}"),
                            "vereniging", contact,
                            openingsuren=extra.pop("openingsuren", "Dagelijks 13.00–18.00 uur, in de zomer ook "
                                                                   "10.00–12.00 uur"),
                            activiteiten=extra.pop("activiteiten", "Vrij spelen onder toezicht, knutselmiddag, "
                                                                   "speelweek in de zomer, kinderraad"),
                            **extra)


def dorpshuis(naam, gebied, dorp, straat, postcode, eigendom, m2, gebruikers, contact, **extra):
    return DemoAccommodatie(naam, "dorpshuis", gebied, dorp, straat, postcode, eigendom, m2, gebruikers,
                            extra.pop("bestuur", f"Stichting {naam}"), "stichting", contact, plaats=dorp,
                            openingsuren=extra.pop("openingsuren", "Dinsdag tot en met zaterdag 13.00–23.00 uur"),
                            activiteiten=extra.pop("activiteiten", "Soos, biljartclub, koor, dorpsmaaltijd, "
                                                                   "vergaderingen van verenigingen"),
                            **extra)


ACCOMMODATIES = {
    # --- Centrum ---
    "kruispunt": DemoAccommodatie(
        "Buurthuis Het Kruispunt", "buurthuis", "Centrum", "Binnenstad", "Oude Boteringestraat 44", "9712 GK",
        "huurder", 310, 220, "Stichting Het Kruispunt Binnenstad", "stichting", ("Ellen de Vries", "voorzitter",
                                                                                  "050 312 4410"),
        activiteiten="Inloop, taalles, maaltijd voor daklozen op vrijdag"),
    "poortje": DemoAccommodatie(
        "Buurthuis 't Poortje", "buurthuis", "Centrum", "Binnenstad-Oost", "Schuitendiep 58", "9711 RE", "huurder",
        240, 160, "Stichting Buurthuis 't Poortje", "stichting", ("Johan Bakker", "penningmeester", "050 313 0977"),
        activiteiten="Koffie-inloop, buurtmaaltijd, kaartclub"),
    "ebbinge": speeltuin("Speeltuin Ebbingekwartier", "Centrum", "Ebbingekwartier", "Ebbingestraat 90", "9712 NL",
                         "eigenaar", 95, 150, ("Sarah Meijer", "secretaris", "050 318 7712")),
    "hortus": DemoAccommodatie(
        "Ontmoetingscentrum De Hortus", "ontmoetingscentrum", "Centrum", "Hortusbuurt", "Grote Rozenstraat 15",
        "9712 TG", "huurder", 260, 190, "Stichting Ontmoeting Hortusbuurt", "stichting",
        ("Pieter Hofman", "voorzitter", "050 311 6620"), activiteiten="Ouderensoos, schaakclub, repair café"),
    # --- Oude Wijken ---
    "speeltuin-oosterpark": speeltuin(
        "Speeltuin Oosterpark", "Oude Wijken", "Oosterparkwijk", "Vuurvlinderstraat 2", "9713 SN", "eigenaar", 140,
        300, ("Marco Dijkstra", "voorzitter", "050 313 4471"), bestuur="Speeltuinvereniging Oosterpark"),
    "korrel": DemoAccommodatie(
        "Buurthuis De Korrel", "buurthuis", "Oude Wijken", "Korrewegwijk", "Celebesstraat 64", "9715 LV", "huurder",
        520, 380, "Stichting Buurthuis De Korrel", "stichting", ("Rik Brouwer", "coördinator", "050 571 6604"),
        activiteiten="Inloop, huiswerkklas, buurtmaaltijd, verhuur aan buurtverenigingen"),
    "de-hoogte": DemoAccommodatie(
        "Wijkcentrum De Hoogte", "buurthuis", "Oude Wijken", "De Hoogte", "Bedumerweg 36", "9716 AJ", "eigenaar",
        610, 420, "Stichting Wijkcentrum De Hoogte", "stichting", ("Nelleke Smit", "penningmeester", "050 577 2019"),
        activiteiten="Inloop, peuterspeelzaal, sport voor ouderen, wijkrestaurant"),
    "floreshuis": DemoAccommodatie(
        "Het Floreshuis", "buurthuis", "Oude Wijken", "Indische buurt", "Floresstraat 44", "9715 HP", "huurder", 480,
        350, "Stichting Floreshuis", "stichting", ("Ahmed Yilmaz", "voorzitter", "050 571 3390"),
        activiteiten="Inloop, moedercentrum, taalcafé, jongerenwerk"),
    "tuinwijk": speeltuin("Speeltuin Tuinwijk", "Oude Wijken", "Oranjewijk", "Zaagmuldersweg 2", "9713 LZ",
                          "eigenaar", 120, 210, ("Linda Kok", "voorzitter", "050 313 8804")),
    "schildersbuurt": DemoAccommodatie(
        "Buurthuis De Schildersbuurt", "buurthuis", "Oude Wijken", "Schildersbuurt", "Rembrandt van Rijnstraat 12",
        "9718 PM", "huurder", 280, 170, "Stichting Buurthuis Schildersbuurt", "stichting",
        ("Harm Veenstra", "secretaris", "050 318 2231")),
    "kostverloren": speeltuin("Speeltuin Kostverloren", "Oude Wijken", "Kostverloren", "Kostverlorenstraat 3",
                              "9718 XS", "huurder", 80, 110, ("Femke Wolters", "penningmeester", "050 318 5502")),
    "kleine-toekomst": DemoAccommodatie(
        "Wijkcentrum De Kleine Toekomst", "buurthuis", "Oude Wijken", "Oosterparkwijk", "Pioenstraat 10", "9713 TE",
        "eigenaar", 540, 330, "Stichting De Kleine Toekomst", "stichting", ("Bert Hoekstra", "voorzitter",
                                                                           "050 313 9090")),
    "professorenbuurt": DemoAccommodatie(
        "Buurtcentrum Professorenbuurt", "buurthuis", "Oude Wijken", "Professorenbuurt", "Ubbo Emmiusstraat 4",
        "9714 BD", "huurder", 220, 140, "Vereniging Buurtcentrum Professorenbuurt", "vereniging",
        ("Marjan Visser", "secretaris", "050 314 2876")),
    "noorderplantsoen": speeltuin("Speeltuin Noorderplantsoen", "Oude Wijken", "Noorderplantsoenbuurt",
                                  "Kruissingel 9", "9712 XJ", "eigenaar", 110, 260,
                                  ("Tom Jansen", "voorzitter", "050 318 6631")),
    # --- Oost ---
    "schakel-beijum": DemoAccommodatie(
        "Buurtcentrum De Schakel", "buurthuis", "Oost", "Beijum", "Beijumerweg 8", "9736 AC", "huurder", 450, 310,
        "Stichting Buurtcentrum De Schakel Beijum", "stichting", ("Gerda Mulder", "voorzitter", "050 541 1107")),
    "speeltuin-beijum": speeltuin("Speeltuin Beijum", "Oost", "Beijum", "Jensemaheerd 1", "9736 AA", "eigenaar",
                                  130, 240, ("Kevin de Boer", "voorzitter", "050 541 7743")),
    "het-dorp": DemoAccommodatie(
        "Wijkcentrum Het Dorp", "buurthuis", "Oost", "Lewenborg", "Kadijk 4", "9732 AM", "huurder", 980, 560,
        "Stichting Wijkcentrum Lewenborg", "stichting", ("Ans Wiersma", "penningmeester", "050 541 2298"),
        openingsuren="Maandag tot en met zaterdag 8.30–23.00 uur",
        activiteiten="Bibliotheekpunt, sporthal, ouderensoos, jongerenwerk, verhuur"),
    "speeltuin-lewenborg": speeltuin("Speeltuin Lewenborg", "Oost", "Lewenborg", "Rummerinkhof 2", "9732 CC",
                                     "eigenaar", 100, 180, ("Iris Boersma", "secretaris", "050 541 5520")),
    "noorddijk": dorpshuis("Dorpshuis Noorddijk", "Oost", "Noorddijk", "Noorddijkerweg 12", "9734 AR", "eigenaar",
                           260, 120, ("Hendrik Bos", "voorzitter", "050 541 8810")),
    "meerstad": DemoAccommodatie(
        "Ontmoetingscentrum Meerstad", "ontmoetingscentrum", "Oost", "Meerstad", "Meerstadlaan 3", "9733 HA",
        "huurder", 300, 150, "Stichting Ontmoeting Meerstad", "stichting", ("Sanne Koster", "voorzitter",
                                                                           "050 541 3301")),
    "ruischerbrug": dorpshuis("Dorpshuis Ruischerbrug", "Oost", "Ruischerbrug", "Rijksstraatweg 135", "9733 AD",
                              "eigenaar", 210, 90, ("Jan Zuidema", "voorzitter", "050 541 9014"),
                              activiteiten="Soos, klaverjassen, dorpsfeest, vergaderruimte"),
    "hunzehuis": DemoAccommodatie(
        "Buurthuis Het Hunzehuis", "buurthuis", "Oost", "De Hunze", "Hunzeweg 22", "9734 BC", "huurder", 230, 120,
        "Vereniging Buurthuis De Hunze", "vereniging", ("Wouter Dekker", "voorzitter", "050 541 6612")),
    # --- Zuid ---
    "helpman": speeltuin("Speeltuin Helpman", "Zuid", "Helpman", "Coendersweg 4", "9722 GE", "eigenaar", 150, 280,
                         ("Annemiek Prins", "voorzitter", "050 526 3318")),
    "speeltuin-wijert": speeltuin("Speeltuin De Wijert", "Zuid", "De Wijert", "Van Iddekingeweg 2", "9721 CA",
                                  "eigenaar", 90, 170, ("Roel Vos", "penningmeester", "050 526 7751")),
    "corpus": DemoAccommodatie(
        "Buurtcentrum Corpus den Hoorn", "buurthuis", "Zuid", "Corpus den Hoorn", "Paterswoldseweg 480", "9728 BT",
        "huurder", 380, 230, "Stichting Buurtcentrum Corpus den Hoorn", "stichting",
        ("Yvonne Dijk", "secretaris", "050 526 1144")),
    "hoornse-meer": DemoAccommodatie(
        "Wijkcentrum Hoornse Meer", "buurthuis", "Zuid", "Hoornse Meer", "Aduarderdiep 2", "9728 JA", "eigenaar",
        560, 340, "Stichting Wijkcentrum Hoornse Meer", "stichting", ("Erik Schouten", "voorzitter",
                                                                     "050 526 8899")),
    "oosterpoort": speeltuin("Speeltuin Oosterpoort", "Zuid", "Oosterpoort", "Meeuwerderweg 20", "9724 EP",
                             "eigenaar", 85, 160, ("Petra Lubbers", "secretaris", "050 313 2290")),
    "trefpunt": DemoAccommodatie(
        "Buurthuis Het Trefpunt", "buurthuis", "Zuid", "Herewegbuurt", "Esserweg 4", "9721 AB", "huurder", 260, 150,
        "Stichting Buurthuis Het Trefpunt", "stichting", ("Gijs Postma", "voorzitter", "050 526 4417")),
    "rivierenbuurt": DemoAccommodatie(
        "Buurtcentrum De Rivier", "buurthuis", "Zuid", "Rivierenbuurt", "Rijnstraat 30", "9723 BT", "eigenaar", 420,
        260, "Stichting Buurtcentrum De Rivier", "stichting", ("Hanneke Blom", "penningmeester", "050 526 9932")),
    "coendersborg": DemoAccommodatie(
        "Ontmoetingscentrum Coendersborg", "ontmoetingscentrum", "Zuid", "Coendersborg", "Coendersborglaan 1",
        "9722 AT", "huurder", 200, 110, "Stichting Ontmoeting Coendersborg", "stichting",
        ("Rutger Hoving", "voorzitter", "050 526 5530")),
    # --- West ---
    "vinkenborg": DemoAccommodatie(
        "Wijkcentrum De Vinkenborg", "buurthuis", "West", "Vinkhuizen", "Siersteenlaan 412", "9745 ED", "eigenaar",
        1150, 720, "Stichting Wijkcentrum De Vinkenborg", "stichting", ("Peter Zijlstra", "penningmeester",
                                                                       "050 579 8820"),
        openingsuren="Maandag tot en met zaterdag 8.30–23.00 uur",
        activiteiten="Open inloop, 32 vaste groepen, keuken met buurtrestaurant, sportzaal, verhuur"),
    "speeltuin-vinkhuizen": speeltuin("Speeltuin Vinkhuizen", "West", "Vinkhuizen", "Bottemaplein 1", "9746 HB",
                                      "eigenaar", 120, 230, ("Bas Smit", "voorzitter", "050 579 1178")),
    "paddepoel": DemoAccommodatie(
        "Buurtcentrum De Huiskamer", "buurthuis", "West", "Paddepoel", "Pleiadenlaan 10", "9742 EE", "huurder", 340,
        260, "Stichting De Huiskamer Paddepoel", "stichting", ("Miriam Janssen", "voorzitter", "050 571 2240")),
    "speeltuin-selwerd": speeltuin("Speeltuin Selwerd", "West", "Selwerd", "Eikenlaan 1", "9741 EA", "eigenaar",
                                   115, 200, ("Dirk Brink", "voorzitter", "050 577 6624")),
    "wijkcentrum-selwerd": DemoAccommodatie(
        "Wijkcentrum Selwerd", "buurthuis", "West", "Selwerd", "Selwerderdwarsweg 5", "9741 LB", "huurder", 470, 290,
        "Stichting Wijkcentrum Selwerd", "stichting", ("Karin Huisman", "secretaris", "050 577 4471")),
    "hoogkerk": dorpshuis("Dorpshuis Hoogkerk", "West", "Hoogkerk", "Hoofdweg 148", "9744 AH", "eigenaar", 640,
                          330, ("Albert Feenstra", "voorzitter", "050 556 2210")),
    "speeltuin-hoogkerk": speeltuin("Speeltuin Hoogkerk", "West", "Hoogkerk", "Zuiderweg 10", "9744 AP", "huurder",
                                    75, 130, ("Lisa Hoekstra", "secretaris", "050 556 7783"), plaats="Hoogkerk"),
    "de-held": DemoAccommodatie(
        "Jongerencentrum De Held", "jongerencentrum", "West", "De Held", "Peizerweg 200", "9747 BP", "huurder", 290,
        210, "Stichting Jongerenwerk De Held", "stichting", ("Mohammed Amrani", "coördinator", "050 579 3361"),
        openingsuren="Dinsdag tot en met zaterdag 14.00–22.00 uur",
        activiteiten="Inloop voor jongeren, huiswerkhulp, muziekstudio, sport"),
    # --- Haren ---
    "dilgt": DemoAccommodatie(
        "Wijkcentrum De Dilgt", "buurthuis", "Haren", "Haren", "Dilgtweg 20", "9751 NG", "eigenaar", 870, 480,
        "Stichting Wijkcentrum De Dilgt", "stichting", ("Marga Tuin", "voorzitter", "050 534 2208"), plaats="Haren",
        activiteiten="Ouderensoos, biljart, toneel, bridge, peuterspeelzaal, verhuur aan verenigingen"),
    "hoeksteen": dorpshuis("Dorpshuis De Hoeksteen", "Haren", "Glimmen", "Zuiderstraat 5", "9756 AL", "eigenaar",
                           320, 150, ("Klaas Veldman", "voorzitter", "050 406 1129"),
                           bestuur="Dorpsvereniging Glimmen"),
    "noordlaren": dorpshuis("Dorpshuis Noordlaren", "Haren", "Noordlaren", "Zuidlaarderweg 20", "9479 PR",
                            "eigenaar", 290, 130, ("Trijntje Everts", "penningmeester", "050 409 1256"),
                            bestuur_postcode="9751 AB"),
    "onnen": dorpshuis("Dorpshuis Onnen", "Haren", "Onnen", "Onnerweg 28", "9755 PA", "eigenaar", 230, 100,
                       ("Geert Lanting", "voorzitter", "050 406 8832")),
    "speeltuin-haren": speeltuin("Speeltuin Haren", "Haren", "Haren", "Oosterweg 2", "9751 PE", "huurder", 70, 140,
                                 ("Esther Kuiper", "voorzitter", "050 534 6650"), plaats="Haren"),
    # --- Ten Boer ---
    "thesinge": dorpshuis("Dorpshuis Thesinge", "Ten Boer", "Thesinge", "Kloosterlaan 1", "9797 PE", "eigenaar", 280,
                          140, ("Wim Oosterhuis", "beheerder", "050 302 3388"),
                          activiteiten="Soos, biljartclub, dorpsmaaltijd, repetities van het koor"),
    "wiekslag": dorpshuis("Dorpshuis De Wiekslag", "Ten Boer", "Ten Boer", "Stationsstraat 40", "9791 AL",
                          "eigenaar", 520, 260, ("Jannie Pol", "penningmeester", "050 302 1876"),
                          bestuur="Stichting Dorpshuis Ten Boer"),
    "garmerwolde": dorpshuis("Dorpshuis Garmerwolde", "Ten Boer", "Garmerwolde", "Dorpsstraat 12", "9798 TA",
                             "eigenaar", 240, 95, ("Henk Wiersma", "voorzitter", "050 302 4415")),
    "ten-post": dorpshuis("Dorpshuis Ten Post", "Ten Boer", "Ten Post", "Bovenrijge 20", "9792 PA", "huurder", 210,
                          90, ("Aaltje Nienhuis", "secretaris", "050 302 7760")),
    "woltersum": dorpshuis("Dorpshuis Woltersum", "Ten Boer", "Woltersum", "Kerkstraat 3", "9795 TB", "eigenaar",
                           180, 70, ("Jelle Dijkema", "voorzitter", "050 302 9981")),
}

# The MJOP of the owners: (element, years after this one, estimated cost, description). Owners without a plan of
# their own get the standard plan of a small building.
MJOP = {
    "de-hoogte": [("Schilderwerk buiten", 0, "12800.00", "Kozijnen, deuren en boeidelen"),
                  ("Dakbedekking", 3, "36000.00", "Bitumineuze dakbedekking platte daken")],
    "speeltuin-beijum": [("Valondergrond klimtoren", 0, "16400.00", "Rubbertegels onder de klimtoren, volgens het "
                                                                    "Warenwetbesluit attractie- en speeltoestellen"),
                         ("Speelhuis: houtrot", 2, "6200.00", "Herstel houtrot en schilderwerk")],
    "noorddijk": [("Kozijnen voorgevel", 0, "23500.00", "Houten kozijnen voorgevel vervangen door hardhout met "
                                                        "HR++-glas"),
                  ("Cv-ketel", 4, "8900.00", "Vervanging van de ketel uit 2011")],
    "hoogkerk": [("Dakbedekking", 0, "26500.00", "Dakbedekking grote zaal vervangen"),
                 ("Dakisolatie", 0, "14500.00", "Isolatie van het platte dak bij vervanging van de bedekking"),
                 ("Schilderwerk buiten", 2, "11000.00", "")],
    "noorderplantsoen": [("Klimtoestel", 0, "12400.00", "Het klimtoestel uit 2004 is afgekeurd bij de keuring"),
                         ("Schommels", 0, "6200.00", "Twee schommels met nieuwe ophanging"),
                         ("Hekwerk", 3, "7800.00", "")],
    "dilgt": [("Cv-installatie", 0, "34000.00", "Ketels, verdelers en radiatoren van de grote zaal"),
              ("Vloer grote zaal", 5, "21000.00", "")],
    "garmerwolde": [("Vloer grote zaal", 0, "15200.00", "Nieuwe houten sportvloer"),
                    ("Dakgoten", 3, "4800.00", "")],
    "oosterpoort": [("Berging speeltoestellen", 0, "9600.00", "Houten berging aan het eind van zijn levensduur")],
    "wiekslag": [("Keuken", 0, "27500.00", "Bedrijfskeuken van de grote zaal"),
                 ("Toiletgroep", 2, "18500.00", "")],
    "hoornse-meer": [("Lift", 0, "11200.00", "Groot onderhoud van de personenlift"),
                     ("Schilderwerk binnen", 1, "9800.00", "")],
    "woltersum": [("Dakgoten en hemelwaterafvoer", 0, "7800.00", "Zinken goten en afvoeren vervangen")],
    "thesinge": [("Cv-ketel", 0, "14500.00", "De ketel is 22 jaar oud en valt steeds uit"),
                 ("Spouwmuurisolatie", 1, "9500.00", "")],
}
STANDAARD_MJOP = [("Schilderwerk buiten", 1, "9500.00", "Kozijnen, deuren en boeidelen"),
                  ("Cv-ketel", 2, "8700.00", "Vervanging van de ketel"),
                  ("Dakbedekking", 4, "24000.00", "Vervanging van de dakbedekking")]


# --- the stories --------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Stap:
    """One action on the request, `na` days after the previous step, by `aanvrager`, `behandelaar`, `beslisser` or
    `beslist` (the beslisser above the four-eyes threshold, else the behandelaar)."""

    na: int
    actie: str
    door: str
    reden: str = ""
    params: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Verhaal:
    """A request of one of the families, from the accommodation's approved budgets (exploitatie) to its last step.
    `start`: days before today the board puts its budgets in (exploitatie) or makes the draft (onderhoud)."""

    titel: str
    accommodatie: str
    familie: str
    start: int
    omschrijving: str
    jaarbedragen: tuple[str, ...] = ()  # exploitatie: the amount per boekjaar from the new period on
    bedrag: str = ""  # onderhoud
    posten: tuple[str, ...] = ()  # onderhoud: elements of the accommodation's MJOP
    werkplan: str = ""
    verloop: tuple[Stap, ...] = ()


def ingediend(na=1):
    return (Stap(na, "indienen", "aanvrager"),)


def in_behandeling(na=2):
    return ingediend() + (Stap(na, "in_behandeling_nemen", "behandelaar"),)


def in_beoordeling(na=3):
    return in_behandeling() + (Stap(na, "volledig_verklaren", "behandelaar"),)


def aanvulling(reden, termijn, na=2):
    return in_behandeling() + (Stap(na, "aanvulling_vragen", "behandelaar", reden, {"termijn_tot": termijn}),)


def voorgesteld(motivering, na=4, **voorwaarden):
    params = {"uitkomst": "verlenen"} | ({"voorwaarden": voorwaarden} if voorwaarden else {})
    return in_beoordeling() + (Stap(na, "besluit_voorstellen", "behandelaar", motivering, params),)


def verleend(motivering, **voorwaarden):
    return voorgesteld(motivering, **voorwaarden) + (Stap(3, "verlenen", "beslist"),)


def geweigerd(motivering):
    return in_beoordeling() + (Stap(4, "besluit_voorstellen", "behandelaar", motivering, {"uitkomst": "weigeren"}),
                               Stap(3, "weigeren", "beslist"))


def buiten_behandeling(reden):
    return aanvulling(reden, 14) + (Stap(18, "buiten_behandeling_stellen", "behandelaar",
                                         "De gevraagde stukken zijn niet binnen de termijn ontvangen (Awb 4:5)."),)


def ingetrokken(reden, na=6):
    return in_behandeling() + (Stap(na, "intrekken", "aanvrager", reden),)


EXPLOITATIE_MOTIVERING = ("De accommodatie is opgenomen in het accommodatiebeleid en de exploitatiebegroting is "
                          "goedgekeurd; het gevraagde bedrag blijft per jaar binnen het tekort.")
ONDERHOUD_MOTIVERING = ("Het bestuur is eigenaar van het gebouw; de posten staan in het meerjarenonderhoudsplan en de "
                        "raming is reëel.")

EXPLOITATIE = [
    Verhaal("Exploitatie Dorpshuis Garmerwolde", "garmerwolde", services.EXPLOITATIE, 9,
            "Beheer van het dorpshuis, het enige ontmoetingspunt in Garmerwolde.", ("24500.00", "25000.00"),
            werkplan="Vier dagen open; soos, biljart en een dorpsmaaltijd per maand."),
    Verhaal("Exploitatie Wijkcentrum De Hoogte", "de-hoogte", services.EXPLOITATIE, 16,
            "Beheer en exploitatie van het wijkcentrum met peuterspeelzaal en wijkrestaurant.",
            ("96000.00", "96000.00", "98000.00", "98000.00"),
            werkplan="Zes dagen open, wijkrestaurant op woensdag en vrijdag, 25 vaste groepen.", verloop=ingediend()),
    Verhaal("Exploitatie Speeltuin Helpman", "helpman", services.EXPLOITATIE, 30,
            "Beheer van de speeltuin en het speeltuingebouw.", ("28500.00", "28500.00", "29000.00"),
            werkplan="Elke middag open, speelweek in juli, kinderraad van tien kinderen.", verloop=in_behandeling()),
    Verhaal("Exploitatie Het Floreshuis", "floreshuis", services.EXPLOITATIE, 34,
            "Beheer en exploitatie van het Floreshuis in de Indische buurt.", ("71000.00", "72500.00"),
            werkplan="Inloop, moedercentrum en taalcafé; jongerenwerk op vier avonden.",
            verloop=aanvulling("Stuur de jaarrekening van vorig jaar en het nieuwe huurcontract met de "
                               "woningcorporatie.", 45)),
    Verhaal("Exploitatie Dorpshuis De Wiekslag", "wiekslag", services.EXPLOITATIE, 58,
            "Beheer van het dorpshuis van Ten Boer.", ("47000.00", "47000.00", "48000.00", "48000.00"),
            werkplan="Vijf dagen open; inloop voor dorpsgenoten in versterkte woningen.", verloop=in_beoordeling()),
    Verhaal("Exploitatie Wijkcentrum De Dilgt", "dilgt", services.EXPLOITATIE, 76,
            "Beheer en exploitatie van het wijkcentrum van Haren.", ("118000.00", "118000.00", "121000.00",
                                                                      "121000.00"),
            werkplan="Zes dagen open; soos, toneel, bridge en verhuur aan 40 verenigingen.",
            verloop=voorgesteld(EXPLOITATIE_MOTIVERING, indexeren=True)),
    Verhaal("Exploitatie Dorpshuis Onnen", "onnen", services.EXPLOITATIE, 150,
            "Beheer van het dorpshuis van Onnen.", ("19500.00", "20000.00"),
            werkplan="Drie dagen open; soos en klaverjassen, de dorpsvereniging vergadert er.",
            verloop=verleend(EXPLOITATIE_MOTIVERING)),
    Verhaal("Exploitatie Wijkcentrum Het Dorp", "het-dorp", services.EXPLOITATIE, 205,
            "Beheer en exploitatie van het wijkcentrum van Lewenborg, met bibliotheekpunt en sporthal.",
            ("134000.00", "134000.00", "137000.00", "137000.00"),
            werkplan="Zes dagen open; ouderensoos, jongerenwerk, 45 vaste groepen.",
            verloop=verleend(EXPLOITATIE_MOTIVERING, indexeren=True, voorschotschema="maandelijks")),
    Verhaal("Exploitatie Speeltuin Selwerd", "speeltuin-selwerd", services.EXPLOITATIE, 122,
            "Beheer van de speeltuin Selwerd.", ("31000.00", "31500.00", "32000.00"),
            werkplan="Elke middag open, in de zomer ook 's ochtends; drie speelweken.",
            verloop=verleend(EXPLOITATIE_MOTIVERING)),
    Verhaal("Exploitatie Ontmoetingscentrum Meerstad", "meerstad", services.EXPLOITATIE, 102,
            "Beheer van het ontmoetingscentrum in Meerstad.", ("56000.00", "56000.00"),
            werkplan="Vijf dagen open; inloop en activiteiten voor nieuwe bewoners.",
            verloop=geweigerd("Meerstad krijgt in het nieuwe multifunctionele centrum een ontmoetingsplek die de "
                              "gemeente zelf exploiteert; een tweede accommodatie in de wijk past niet in het "
                              "accommodatiebeleid.")),
    Verhaal("Exploitatie Jongerencentrum De Held", "de-held", services.EXPLOITATIE, 92,
            "Beheer van het jongerencentrum.", ("44000.00", "45000.00"),
            werkplan="Vijf middagen en avonden open; muziekstudio en huiswerkhulp.",
            verloop=buiten_behandeling("Stuur het activiteitenplan met het bereik per week en de jaarrekening.")),
    Verhaal("Exploitatie Buurthuis 't Poortje", "poortje", services.EXPLOITATIE, 82,
            "Beheer van het buurthuis in Binnenstad-Oost.", ("38000.00", "38000.00"),
            werkplan="Koffie-inloop en buurtmaaltijd, vier dagen open.",
            verloop=ingetrokken("Het bestuur fuseert met Het Kruispunt; de nieuwe stichting vraagt opnieuw aan.")),
]

ONDERHOUD = [
    Verhaal("Dorpshuis Woltersum: dakgoten en hemelwaterafvoer", "woltersum", services.ONDERHOUD, 6,
            "De zinken goten lekken; vervanging volgens het meerjarenonderhoudsplan.", bedrag="7800.00",
            posten=("Dakgoten en hemelwaterafvoer",)),
    Verhaal("Speeltuin Beijum: nieuwe valondergrond", "speeltuin-beijum", services.ONDERHOUD, 11,
            "De rubbertegels onder de klimtoren voldoen niet meer aan het Warenwetbesluit.", bedrag="16400.00",
            posten=("Valondergrond klimtoren",), verloop=ingediend()),
    Verhaal("Wijkcentrum De Hoogte: schilderwerk buiten", "de-hoogte", services.ONDERHOUD, 22,
            "Schilderwerk van kozijnen, deuren en boeidelen.", bedrag="12800.00", posten=("Schilderwerk buiten",),
            verloop=in_behandeling()),
    Verhaal("Dorpshuis Noorddijk: kozijnen voorgevel", "noorddijk", services.ONDERHOUD, 26,
            "De houten kozijnen van de voorgevel zijn verrot.", bedrag="23500.00", posten=("Kozijnen voorgevel",),
            verloop=aanvulling("Stuur twee offertes voor de kozijnen.", 35)),
    Verhaal("Dorpshuis Hoogkerk: dakbedekking en dakisolatie", "hoogkerk", services.ONDERHOUD, 36,
            "Vervanging van de dakbedekking van de grote zaal, met isolatie.", bedrag="41000.00",
            posten=("Dakbedekking", "Dakisolatie"), verloop=in_beoordeling()),
    Verhaal("Speeltuin Noorderplantsoen: klimtoestel en schommels", "noorderplantsoen", services.ONDERHOUD, 42,
            "Vervanging van het afgekeurde klimtoestel en twee schommels.", bedrag="18600.00",
            posten=("Klimtoestel", "Schommels"), verloop=voorgesteld(ONDERHOUD_MOTIVERING)),
    Verhaal("Wijkcentrum De Dilgt: cv-installatie", "dilgt", services.ONDERHOUD, 132,
            "Vervanging van ketels, verdelers en radiatoren.", bedrag="34000.00", posten=("Cv-installatie",),
            verloop=verleend(ONDERHOUD_MOTIVERING)),
    Verhaal("Dorpshuis Garmerwolde: vloer grote zaal", "garmerwolde", services.ONDERHOUD, 172,
            "Een nieuwe houten sportvloer in de grote zaal.", bedrag="15200.00", posten=("Vloer grote zaal",),
            verloop=verleend(ONDERHOUD_MOTIVERING)),
    Verhaal("Speeltuin Oosterpoort: berging", "oosterpoort", services.ONDERHOUD, 112,
            "Vervanging van de houten berging voor de speeltoestellen.", bedrag="9600.00",
            posten=("Berging speeltoestellen",),
            verloop=geweigerd("Het bestuur verkoopt het terrein volgend jaar aan de gemeente voor de nieuwe "
                              "schoolspeelplaats; onderhoud met subsidie aan een gebouw dat dan verdwijnt is niet "
                              "doelmatig.")),
    Verhaal("Dorpshuis De Wiekslag: keuken", "wiekslag", services.ONDERHOUD, 97,
            "Vervanging van de bedrijfskeuken.", bedrag="27500.00", posten=("Keuken",),
            verloop=buiten_behandeling("Stuur de offerte en het advies van de keukenleverancier over de "
                                       "afzuiging.")),
    Verhaal("Wijkcentrum Hoornse Meer: onderhoud lift", "hoornse-meer", services.ONDERHOUD, 72,
            "Groot onderhoud van de personenlift.", bedrag="11200.00", posten=("Lift",),
            verloop=ingetrokken("De woningcorporatie neemt het onderhoud van de lift over.")),
]
VERHALEN = EXPLOITATIE + ONDERHOUD
# The budgets of the other accommodations for the new period are brought to these states in turn.
BEGROTINGSSTANDEN = ["goedgekeurd", "goedgekeurd", "ingediend", "goedgekeurd", "concept", "afgekeurd"]
KOSTENVERDELING = [(Post.HUISVESTING, 28, "Huur of rente en afschrijving"), (Post.ENERGIE, 18, "Gas, stroom en water"),
                   (Post.BEHEER, 34, "Beheerder en vrijwilligersvergoedingen"), (Post.SCHOONMAAK, 9, "Schoonmaak"),
                   (Post.KLEIN_ONDERHOUD, 6, "Klein onderhoud en inventaris"),
                   (Post.VERZEKERINGEN, 5, "Verzekeringen, belastingen en administratie")]
INKOMSTENVERDELING = [(Post.VERHUUR, 55, "Verhuur van zalen"), (Post.BAR, 30, "Bar en keuken"),
                      (Post.CONTRIBUTIES, 15, "Bijdragen van groepen en leden")]


# --- building it --------------------------------------------------------------------------------------------------
def seed(stdout) -> None:
    """Build the accommodation demo, or check it is complete when it is already there."""
    vandaag = timezone.localdate()
    with transaction.atomic():
        ref = builder.referentiegegevens(vandaag)
        beheerder = ref.gebruikers[data.BEHEERDER]
        with acting_as(beheerder):
            regelingen = zorg_voor_families()
            accommodaties, leden = zorg_voor_register(ref.wijken)
        nieuw = not Aanvraag.objects.filter(verhaal_titels()).exists()
        if nieuw:
            periode = eerste_jaar_van_de_periode(regelingen[services.EXPLOITATIE], vandaag)
            with acting_as(beheerder):
                zorg_voor_budgetten(regelingen[services.EXPLOITATIE], periode)
            speel(plan(vandaag, periode, accommodaties), accommodaties, leden, regelingen, ref, vandaag, periode)
        koppel_kernconcept(accommodaties, leden)
    aanvragen = Aanvraag.objects.filter(accommodatiegegevens__isnull=False).count()
    stdout.write(f"Accommodaties: {Accommodatie.objects.count()} in het register, "
                 f"{Onderhoudspost.objects.count()} onderhoudsposten, "
                 f"{Exploitatiebegroting.objects.count()} exploitatiebegrotingen, {aanvragen} aanvragen"
                 + (" aangemaakt." if nieuw else " (al aanwezig, niets toegevoegd).") + "\n")


def verhaal_titels() -> Q:
    """The stories' requests; an exploitatie title ends with its years."""
    titels = Q()
    for verhaal in VERHALEN:
        titels |= Q(titel__startswith=verhaal.titel)
    return titels


def _zorg_voor(model, defaults=None, **lookup):
    """The object with this natural key; created (and validated) only when it does not exist yet."""
    obj = model._default_manager.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **(defaults or {}))
        obj.full_clean()
        obj.save()
    return obj


def zorg_voor_families() -> dict[str, Regeling]:
    """The regelingen of the two families: the core demo's, marked with their family (once)."""
    regelingen = {}
    for code, familie in FAMILIE_VAN.items():
        regeling = Regeling.objects.filter(familie=familie).first() or Regeling.objects.get(code=code)
        if not regeling.familie:
            regeling.familie = familie
            regeling.full_clean()
            regeling.save()
        regelingen[familie] = regeling
    return regelingen


def zorg_voor_register(wijken: dict) -> tuple[dict, dict]:
    """The accommodations with their boards; per board the user who acts for it (its contact person)."""
    accommodaties, leden = {}, {}
    for nummer, (key, spec) in enumerate(ACCOMMODATIES.items()):
        wijk = wijken[spec.gebied, spec.wijk]
        bestuur = Organisatie.objects.filter(naam=spec.bestuur).first() or _maak_bestuur(nummer, spec, wijk)
        accommodaties[key] = _zorg_voor(Accommodatie, naam=spec.naam, plaats=spec.plaats, defaults={
            "soort": spec.soort, "straat": spec.straat, "postcode": spec.postcode, "gebied": wijk.gebied,
            "wijk": wijk, "bestuur": bestuur, "eigendom": spec.eigendom, "vloeroppervlak": spec.vloeroppervlak,
            "openingsuren": spec.openingsuren, "activiteiten": spec.activiteiten,
            "gebruikers_per_week": spec.gebruikers,
        })
        leden[key] = bestuur.leden.order_by("pk").first() or _contactgebruiker(spec, bestuur)
        if spec.eigendom == "eigenaar":
            for element, over, kosten, omschrijving in MJOP.get(key, STANDAARD_MJOP):
                _zorg_voor(Onderhoudspost, accommodatie=accommodaties[key], element=element, defaults={
                    "jaar": timezone.localdate().year + over, "geraamde_kosten": Decimal(kosten),
                    "omschrijving": omschrijving})
    return accommodaties, leden


def _maak_bestuur(nummer: int, spec: DemoAccommodatie, wijk) -> Organisatie:
    """A board the core demo does not have: a stichting or vereniging with its KvK number, IBAN and contact."""
    bank = ("RABO", "INGB", "ABNA", "SNSB", "TRIO")[nummer % 5]
    bestuur = Organisatie(
        naam=spec.bestuur, rechtsvorm=spec.rechtsvorm, kvk_nummer=f"{41100000 + 137 * nummer}",
        iban=IBAN.generate("NL", bank_code=bank, account_code=f"{3400000000 + 104729 * nummer:010d}").compact,
        tenaamstelling=spec.bestuur, straat=spec.straat, postcode=spec.bestuur_postcode or spec.postcode,
        plaats="Haren" if spec.bestuur_postcode else spec.plaats, gebied=wijk.gebied, wijk=wijk,
        email=f"info@{spec.domein}", telefoon=spec.contact[2],
    )
    bestuur.full_clean()
    bestuur.save()
    naam, functie, telefoon = spec.contact
    Contactpersoon.objects.create(organisatie=bestuur, naam=naam, functie=functie, telefoon=telefoon,
                                  email=f"{naam.split()[0].lower()}@{spec.domein}")
    return bestuur


def _contactgebruiker(spec: DemoAccommodatie, bestuur: Organisatie):
    """The contact person's own account, a member of the board; it has no password, so nobody logs in with it."""
    email = f"{spec.contact[0].split()[0].lower()}@{spec.domein}"
    user = User.objects.filter(username=email).first()
    if user is None:
        voornaam, _, achternaam = spec.contact[0].partition(" ")
        user = User(username=email, email=email, first_name=voornaam, last_name=achternaam)
        user.set_unusable_password()
        user.save()
        user.groups.add(Group.objects.get_or_create(name=Rol.AANVRAGER)[0])
    bestuur.leden.add(user)
    return user


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
        _zorg_voor(Budget, begrotingspost=regeling.begrotingspost, fondsbron=regeling.fondsbron, boekjaar=jaar,
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
    namen = data.BEHANDELAARS[volgorde % 2:] + data.BEHANDELAARS[:volgorde % 2]
    return next(ref.gebruikers[naam] for naam in namen if not Belangenverklaring.objects.filter(
        medewerker=ref.gebruikers[naam], organisatie=accommodatie.bestuur).exists())


def _actor(door: str, aanvraag, lid, behandelaar, ref):
    if door == "aanvrager":
        return lid
    if door == "beslisser":
        return ref.gebruikers[data.BESLISSER]
    if door == "beslist":  # above the four-eyes threshold a beslisser decides who did not make the proposal
        groot = (aanvraag.voorstel_bedrag or aanvraag.gevraagd_bedrag) > aanvraag.regeling.vier_ogen_drempel
        return ref.gebruikers[data.BESLISSER] if groot else behandelaar
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
