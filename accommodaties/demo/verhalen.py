"""The stories of the accommodation families as tables: each request of both families from its first to its last
step, and how the budgets of the accommodations without a story are made up.

Exploitatiesubsidies are structural and go through the multi-year path: boards apply for the first boekjaar whose
budget the council has not adopted yet (the new period), each year backed by an approved exploitation budget whose
deficit covers the amount asked. Onderhoudssubsidies are one-off, for owners, against items of their MJOP.
Like the core demo's one-off requests (`subsidies.demo.eenmalig`), each story starts `start` days before today and
every step happens `na` days after the previous one; `replay` plays them.
"""
from dataclasses import dataclass, field

from .. import services
from ..models import Post


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
