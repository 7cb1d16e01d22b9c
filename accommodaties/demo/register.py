"""The register the accommodation stories run on: 48 sociaal-culturele accommodaties in the seven gebieden
(wijkcentra, dorpshuizen in the villages of Haren and Ten Boer, speeltuinverenigingen), their boards (owners and
tenants) with a contact who acts for them, the owners' MJOPs, and the core regelingen marked with their family.

Each row is looked up by its natural key and only created when missing, so a second run changes nothing. A board
the core demo already has (by name) is reused; otherwise it is made here.
"""
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from schwifty import IBAN

from subsidies.demo.builder import zorg_voor
from subsidies.models import Contactpersoon, Organisatie, Regeling
from subsidies.rollen import Rol

from .. import services
from ..models import Accommodatie, Onderhoudspost

User = get_user_model()
FAMILIE_VAN = {"exploitatie-accommodaties": services.EXPLOITATIE, "onderhoud-accommodaties": services.ONDERHOUD}


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
        accommodaties[key] = zorg_voor(Accommodatie, naam=spec.naam, plaats=spec.plaats, defaults={
            "soort": spec.soort, "straat": spec.straat, "postcode": spec.postcode, "gebied": wijk.gebied,
            "wijk": wijk, "bestuur": bestuur, "eigendom": spec.eigendom, "vloeroppervlak": spec.vloeroppervlak,
            "openingsuren": spec.openingsuren, "activiteiten": spec.activiteiten,
            "gebruikers_per_week": spec.gebruikers,
        })
        leden[key] = bestuur.leden.order_by("pk").first() or _contactgebruiker(spec, bestuur)
        if spec.eigendom == "eigenaar":
            for element, over, kosten, omschrijving in MJOP.get(key, STANDAARD_MJOP):
                zorg_voor(Onderhoudspost, accommodatie=accommodaties[key], element=element, defaults={
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
