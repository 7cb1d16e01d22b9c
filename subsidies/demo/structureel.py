"""The demo's structural subsidies (Awb afdeling 4.2.8): nine multi-year stories.

Unlike the one-off requests these are dated: they run from the summer of 2022 to November 2026, when the council
has just adopted the 2027 budget (4 November 2026, `begroting.BEGROTINGSJAREN`) and its four-week
begrotingsvoorbehoud is still open. `builder`
replays them in calendar order with the one-off requests and with what the scheduled jobs do on each day
(opening the boekjaar, the payment run, watching the terms), so the tranches, advances, reminders and reserve
ledgers are what the real jobs would have produced.

- Stichting WIJ Groningen: the lumpsum for sociaal werk 2023–2026 with indexation, monthly advances and an
  egalisatiereserve; 2023 and 2024 settled, 2025's report waiting; continued without a gap for 2027–2030.
- Exploitatiesubsidies for five sociaal-culturele accommodaties: running, settled, cut by the begrotingsvoorbehoud
  2027, ended early for changed circumstances (Awb 4:50) with an eindafrekening of the reserve, and a late request.
- Two maatschappelijke initiatieven: one in its second year, one in its fourth and last year, ended with a notice
  term and a phase-out year 2027 (Awb 4:51).
"""
from decimal import Decimal

from .verhaal import DemoAanvraag, Stap


# --- steps on a date ---------------------------------------------------------------------------------------------
def aangevraagd(ingediend, behandeld, volledig, voorgesteld, motivering, **voorwaarden):
    """Submitted, taken up, complete and proposed for award with its conditions, each on its date."""
    return (Stap(ingediend, "indienen", "aanvrager"), Stap(behandeld, "in_behandeling_nemen", "behandelaar"),
            Stap(volledig, "volledig_verklaren", "behandelaar"),
            Stap(voorgesteld, "besluit_voorstellen", "behandelaar", motivering,
                 {"uitkomst": "verlenen", "voorwaarden": voorwaarden}))


def verleend(dag):
    return (Stap(dag, "verlenen", "beslist"),)


def werkplan(jaar, ingediend, tekst, doelen=(), goedgekeurd=None, teruggestuurd=None):
    """The recipient's werkplan for `jaar`; approved (the year runs) or sent back, or still waiting."""
    stappen = (Stap(ingediend, "werkplan_indienen", "aanvrager", params={"werkplan": tekst, "doelen": list(doelen)},
                    op="tranche", jaar=jaar),)
    if goedgekeurd:
        stappen += werkplan_goedgekeurd(jaar, goedgekeurd)
    if teruggestuurd:
        stappen += werkplan_teruggestuurd(jaar, *teruggestuurd)
    return stappen


def werkplan_goedgekeurd(jaar, dag):
    """Approved: the year runs. The first year's werkplan came with the request and waits for this once the
    tranche is definitive."""
    return (Stap(dag, "werkplan_goedkeuren", "behandelaar", op="tranche", jaar=jaar),)


def werkplan_teruggestuurd(jaar, dag, reden):
    return (Stap(dag, "werkplan_terugsturen", "behandelaar", reden, op="tranche", jaar=jaar),)


def jaarverslag(jaar, dag, verslag, kosten, inkomsten, resultaten=(), accountant=False):
    """The jaarverantwoording over `jaar` (Awb 4:74): activities, costs, own income and a result per goal."""
    return (Stap(dag, "jaarverantwoording_indienen", "aanvrager", params={
        "activiteitenverslag": verslag, "werkelijke_kosten": Decimal(kosten), "eigen_inkomsten": Decimal(inkomsten),
        "accountantsverklaring": accountant, "resultaten": [{"resultaat": r} for r in resultaten]},
        op="tranche", jaar=jaar),)


def jaar_vastgesteld(jaar, dag):
    return (Stap(dag, "vaststellen", "behandelaar", op="tranche", jaar=jaar),)


def voorbehoud(jaar, dag, bedrag, reden):
    return (Stap(dag, "voorbehoud_inroepen", "beslisser", reden, {"bedrag": Decimal(bedrag)}, op="tranche",
                 jaar=jaar),)


def beeindigd(dag, grond, einde, reden, **params):
    return (Stap(dag, "beeindigen", "beslisser", reden, {"grond": grond, "einde_boekjaar": einde, **params},
                 op="subsidie"),)


def doelen(*regels):
    """Goals of a werkplan: (kernactiviteit, doel, indicator, streefwaarde) per line."""
    return [dict(zip(("kernactiviteit", "doel", "indicator", "streefwaarde"), regel, strict=True)) for regel in regels]


# --- sociaal werk: Stichting WIJ Groningen -----------------------------------------------------------------------
KERN = ("1. Samenlevingsopbouw en preventie", "2. Basisondersteuning",
        "3. Toegangsfunctie en verwijzing naar specialistische zorg of voorziening")


def wij_doelen(initiatieven, jongeren, basis, toegang):
    """The yearly goals per kernactiviteit of the opdracht aan WIJ (nota Sociale Basis fase 2, § 4.1)."""
    return doelen(
        (KERN[0], "Bewoners doen mee en helpen elkaar in hun wijk of dorp",
         "bewonersinitiatieven ondersteund door het opbouwwerk", initiatieven),
        (KERN[0], "Jongeren hebben een plek en een aanspreekpunt in hun wijk",
         "jongeren in bereik van het jongerenwerk", jongeren),
        (KERN[1], "Inwoners met een vraag krijgen dichtbij en zonder indicatie hulp",
         "nieuwe vragen afgerond in de basisondersteuning, zonder maatwerk", basis),
        (KERN[2], "Wie specialistische zorg nodig heeft, krijgt die tijdig en passend",
         "Wmo- en jeugdbeschikkingen binnen de wettelijke termijn", toegang),
    )


WIJ_WERKPLAN = {
    2023: "Het eerste jaar van de meerjarige opdracht. De WIJ-teams werken per gebied samen met de gebiedsteams van "
          "de gemeente. Meer uren voor opbouwwerk en preventie; basisondersteuning zonder indicatie in alle "
          "teams; de toegang tot Wmo en Jeugdwet blijft binnen de wettelijke termijnen.",
    2024: "Gebiedsgericht werken volgens de raadsbrief van oktober 2023: per gebied één werkagenda met "
          "bewonersorganisaties, accommodaties en het GON. Extra jongerenwerk in Oost en West; eenzaamheid onder "
          "ouderen als speerpunt in elk team.",
    2025: "De werkagenda's per gebied worden uitgevoerd en gemonitord. Basisondersteuning ook in de dorpen van Haren "
          "en Ten Boer op vaste inloopmomenten; stageplekken voor mbo-studenten Social Work uitgebreid.",
    2026: "Laatste jaar van de periode: borgen wat werkt. Samenlevingsopbouw rond de accommodaties; de "
          "basisondersteuning neemt de dagstructuur voor ouderen met beginnende dementie over van losse projecten.",
    2027: "Het eerste jaar van de nieuwe periode: dezelfde drie kernactiviteiten, gebiedsgericht, met de "
          "dagstructuur voor ouderen met beginnende dementie als vast onderdeel van de basisondersteuning.",
}
WIJ_VOORWAARDEN = {"indexeren": True, "voorschotschema": "maandelijks", "egalisatiereserve": True}
WIJ_OMSCHRIJVING = ("Sociaal werk in alle wijken en dorpen: buurt- en opbouwwerk, jeugd- en jongerenwerk, "
                    "ouderenwerk en maatschappelijk werk, in WIJ-teams per gebied, volgens de opdracht per "
                    "kernactiviteit.")
SOCIAAL_WERK_2023 = "Sociaal werk 2023–2026: lumpsum WIJ Groningen"

WIJ = [
    DemoAanvraag(
        SOCIAAL_WERK_2023, "wij-groningen", "sociaal-werk", None, None, WIJ_OMSCHRIJVING, start="2022-09-12",
        jaarbedragen=dict.fromkeys(range(2023, 2027), "43200000.00"), werkplan=WIJ_WERKPLAN[2023],
        verloop=aangevraagd("2022-09-20", "2022-09-22", "2022-10-04", "2022-10-11",
                            "De opdracht sluit aan bij de nota Sociale Basis; lumpsum met jaarlijkse indexatie, "
                            "maandelijkse voorschotten en een egalisatiereserve.", **WIJ_VOORWAARDEN)
        + verleend("2022-10-25")
        + werkplan_teruggestuurd(2023, "2022-12-12", "Vul het werkplan aan met de doelen per kernactiviteit, "
                                 "elk met een indicator en een streefwaarde.")
        + werkplan(2023, "2022-12-14", WIJ_WERKPLAN[2023], wij_doelen("350", "2.400", "65%", "95%"),
                   goedgekeurd="2022-12-21")
        + werkplan(2024, "2023-12-13", WIJ_WERKPLAN[2024], wij_doelen("400", "2.600", "68%", "95%"),
                   goedgekeurd="2023-12-20")
        + jaarverslag(2023, "2024-05-29", "Alle teams draaien gebiedsgericht; 372 initiatieven ondersteund, "
                      "2.510 jongeren bereikt. De vacatures in het opbouwwerk zijn pas in het najaar vervuld.",
                      "46187300.00", "4124700.00", ("372 initiatieven", "2.510 jongeren", "67%", "96%"),
                      accountant=True)
        + jaar_vastgesteld(2023, "2024-07-10")
        + werkplan(2025, "2024-12-11", WIJ_WERKPLAN[2025], wij_doelen("450", "2.700", "70%", "95%"),
                   goedgekeurd="2024-12-18")
        + jaarverslag(2024, "2025-05-28", "Werkagenda's in alle zeven gebieden. Het extra jongerenwerk kostte meer "
                      "dan begroot door de cao-verhoging; het tekort komt uit de egalisatiereserve.",
                      "49318450.00", "4366600.00", ("418 initiatieven", "2.790 jongeren", "69%", "94%"),
                      accountant=True)
        + jaar_vastgesteld(2024, "2025-07-09")
        + werkplan(2026, "2025-12-17", WIJ_WERKPLAN[2026], wij_doelen("475", "2.800", "72%", "95%"),
                   goedgekeurd="2025-12-22")
        + jaarverslag(2025, "2026-06-24", "Basisondersteuning nu ook op vaste momenten in de dorpen; 64 "
                      "stageplekken voor mbo-studenten. De inzet op de dorpen gaf een tekort.",
                      "50912300.00", "4611900.00", ("461 initiatieven", "2.740 jongeren", "71%", "96%"),
                      accountant=True),
    ),
    DemoAanvraag(
        "Sociaal werk 2027–2030: lumpsum WIJ Groningen", "wij-groningen", "sociaal-werk", None, None,
        WIJ_OMSCHRIJVING, start="2026-09-10", jaarbedragen=dict.fromkeys(range(2027, 2031), "47400000.00"),
        werkplan=WIJ_WERKPLAN[2027], voortzetting_van=SOCIAAL_WERK_2023,
        verloop=aangevraagd("2026-09-24", "2026-09-28", "2026-10-06", "2026-10-14",
                            "Voortzetting zonder onderbreking van de opdracht 2023–2026; de resultaten per "
                            "kernactiviteit zijn behaald of verklaard.", **WIJ_VOORWAARDEN)
        + verleend("2026-10-28"),
    ),
]


# --- exploitatiesubsidies for sociaal-culturele accommodaties ------------------------------------------------------
def accommodatie_doelen(uren, groepen, vrijwilligers):
    return doelen(
        ("Ontmoeting", "Een open inloop waar buurtbewoners elkaar treffen", "uren open inloop per week", uren),
        ("Activiteiten", "Ruimte voor groepen en verenigingen uit de buurt", "vaste groepen", groepen),
        ("Vrijwilligers", "Een sterke groep vrijwilligers draagt het huis", "actieve vrijwilligers", vrijwilligers),
    )


VOORBEHOUD_2027 = ("De raad heeft bij de begroting 2027 (4 november 2026) het budget voor sociaal-culturele "
                   "accommodaties met 2% verlaagd. Wij verlagen de exploitatiesubsidie voor 2027 daarom met 2% en "
                   "passen geen loon- en prijscompensatie toe.")
EXPLOITATIE_MOTIVERING = "Het huis is opgenomen in het accommodatiebeleid; de begroting is reëel."

ACCOMMODATIES = [
    DemoAanvraag(
        "Exploitatie Wijkcentrum De Vinkenborg 2025–2028", "wc-vinkhuizen", "exploitatie-accommodaties", None, None,
        "Beheer en exploitatie van het wijkcentrum: 40 uur per week open, 32 vaste groepen.", start="2024-09-16",
        jaarbedragen=dict.fromkeys(range(2025, 2029), "146000.00"),
        werkplan="Open inloop 40 uur per week, 32 vaste groepen, een nieuwe vrijwilligerscoördinator.",
        verloop=aangevraagd("2024-09-25", "2024-09-27", "2024-10-09", "2024-10-23", EXPLOITATIE_MOTIVERING,
                            indexeren=True)
        + verleend("2024-11-14")
        + werkplan(2026, "2025-12-18", "Inloop uitbreiden naar de zaterdag; de keuken wordt vervangen.",
                   accommodatie_doelen("44", "34", "60"), goedgekeurd="2026-01-07")
        + jaarverslag(2025, "2026-04-20", "40 uur per week open, 33 vaste groepen, 58 vrijwilligers. Meer "
                      "zaalverhuur dan verwacht.", "171300.00", "31900.00", accountant=True)
        + jaar_vastgesteld(2025, "2026-06-10")
        + voorbehoud(2027, "2026-11-12", "143080.00", VOORBEHOUD_2027)
        + werkplan(2027, "2026-11-16", "Zelfde openingstijden; minder uren beheer door de lagere subsidie.",
                   accommodatie_doelen("40", "34", ""),
                   teruggestuurd=("2026-11-20", "Geef ook een streefwaarde voor het aantal vrijwilligers, en zeg "
                                                "hoe u de inloop op zaterdag met minder beheeruren openhoudt."))),
    DemoAanvraag(
        "Exploitatie Dorpshuis Thesinge 2024–2027", "dorpshuis-thesinge", "exploitatie-accommodaties", None, None,
        "Beheer van het dorpshuis, de enige ontmoetingsplek in het dorp.", start="2023-08-28",
        jaarbedragen={2024: "42000.00", 2025: "42000.00", 2026: "43500.00", 2027: "43500.00"},
        werkplan="Dorpshuis vijf dagen open; soos, biljartclub, dorpsmaaltijd en de repetities van het koor.",
        verloop=aangevraagd("2023-09-05", "2023-09-07", "2023-09-19", "2023-10-03", EXPLOITATIE_MOTIVERING,
                            voorschotschema="halfjaar", egalisatiereserve=False)
        + verleend("2023-10-17")
        + werkplan_goedgekeurd(2024, "2024-01-08")
        + werkplan(2025, "2024-12-16", "Vijf dagen open; samen met Dorpsbelangen een inloop na de versterking.",
                   accommodatie_doelen("22", "12", "27"), goedgekeurd="2025-01-06")
        + jaarverslag(2024, "2025-03-24", "Vijf dagen open, 11 vaste groepen, 12 dorpsmaaltijden.", "58200.00",
                      "19100.00")
        + jaar_vastgesteld(2024, "2025-04-15")
        + werkplan(2026, "2025-12-19", "Vijf dagen open; zonnepanelen verlagen de energiekosten.",
                   accommodatie_doelen("22", "12", "28"), goedgekeurd="2026-01-08")
        + jaarverslag(2025, "2026-05-11", "Vijf dagen open, 12 vaste groepen, inloop na de versterking elke "
                      "dinsdag.", "61400.00", "18900.00",
                      ("22 uur per week", "12 vaste groepen", "29 vrijwilligers"))
        + voorbehoud(2027, "2026-11-12", "42630.00", VOORBEHOUD_2027)
        + werkplan(2027, "2026-11-19", "Vier in plaats van vijf dagen open; de soos verhuist naar de dinsdag.",
                   accommodatie_doelen("18", "12", "28"))),
    DemoAanvraag(
        "Exploitatie Buurthuis De Korrel 2026–2029", "buurthuis-korrewegwijk", "exploitatie-accommodaties", None,
        None, "Beheer en exploitatie van het buurthuis in de Korrewegwijk.", start="2025-09-08",
        jaarbedragen=dict.fromkeys(range(2026, 2030), "88000.00"),
        werkplan="Open inloop, huiswerkklas en buurtmaaltijd; verhuur aan buurtverenigingen.",
        verloop=aangevraagd("2025-09-15", "2025-09-17", "2025-10-01", "2025-10-15", EXPLOITATIE_MOTIVERING,
                            indexeren=True)
        + verleend("2025-11-04")
        + werkplan_goedgekeurd(2026, "2026-01-12")),
    DemoAanvraag(
        "Exploitatie Buurtcentrum De Wijert 2023–2026", "bc-de-wijert", "exploitatie-accommodaties", None, None,
        "Beheer en exploitatie van het buurtcentrum in De Wijert.", start="2022-09-05",
        jaarbedragen=dict.fromkeys(range(2023, 2027), "64000.00"),
        werkplan="Buurtcentrum zes dagen open; ouderensoos, peuterspeelgroep en verhuur.",
        verloop=aangevraagd("2022-09-12", "2022-09-14", "2022-09-27", "2022-10-11", EXPLOITATIE_MOTIVERING,
                            indexeren=True)
        + verleend("2022-10-27")
        + werkplan_goedgekeurd(2023, "2023-01-09")
        + werkplan(2024, "2023-12-18", "Zes dagen open; een repair café erbij.",
                   accommodatie_doelen("30", "21", "42"), goedgekeurd="2024-01-08")
        + jaarverslag(2023, "2024-04-08", "Zes dagen open, 20 vaste groepen, 41 vrijwilligers.", "81400.00",
                      "22150.00")
        + jaar_vastgesteld(2023, "2024-05-06")
        + werkplan(2025, "2024-12-16", "Zes dagen open; voorbereiding op de sloop van het pand.",
                   accommodatie_doelen("30", "19", "38"), goedgekeurd="2025-01-06")
        + jaarverslag(2024, "2025-04-14", "Zes dagen open, 21 vaste groepen; het repair café trekt 40 mensen per "
                      "maand.", "86900.00", "21700.00",
                      ("30 uur per week", "21 vaste groepen", "44 vrijwilligers"))
        + jaar_vastgesteld(2024, "2025-05-12")
        + beeindigd("2025-05-26", "4:50", 2025,
                    "Woningcorporatie en gemeente slopen het gebouw in 2026 voor nieuwbouw; een vervangende "
                    "ruimte is er pas in 2028. Het bestuur stopt de exploitatie op 31 december 2025 (veranderde "
                    "omstandigheden, Awb 4:50). De activiteiten verhuizen naar de Wijertse scholen en het WIJ-"
                    "team. Voor de kosten van het beëindigen van de huur en het beheercontract krijgt de stichting "
                    "een compensatie.", compensatie=Decimal("7500.00"))
        + jaarverslag(2025, "2026-03-16", "Laatste jaar: zes dagen open tot de verhuizing in december; hogere "
                      "kosten voor het ontruimen.", "92500.00", "21600.00",
                      ("30 uur per week", "17 vaste groepen", "35 vrijwilligers"))
        + jaar_vastgesteld(2025, "2026-04-20")
        + (Stap("2026-06-08", "eindafrekening", "behandelaar", "De subsidie eindigt na 2025.", op="subsidie"),
           Stap("2026-07-13", "afsluiten", "behandelaar", op="subsidie"))),
    DemoAanvraag(
        "Exploitatie Speeltuin Oosterpark 2027–2030", "speeltuin-oosterpark", "exploitatie-accommodaties", None,
        None, "Beheer van de speeltuin en het speeltuingebouw: elke middag open, met een beheerder en "
        "vrijwilligers.", start="2026-10-12", jaarbedragen={2027: "31000.00", 2028: "31000.00", 2029: "32000.00",
                                                            2030: "32000.00"},
        werkplan="Elke middag open, in de zomer ook 's ochtends; speelweek in juli; kinderraad.",
        # After the deadline of 2 October: it gets the one new term of four weeks (Awb 4:60, nadere regels).
        verloop=aangevraagd("2026-10-19", "2026-10-21", "2026-11-03", "2026-11-17",
                            "De aanvraag kwam na 2 oktober binnen, binnen de nieuwe termijn voor late aanvragen. "
                            "De speeltuin is opgenomen in het accommodatiebeleid.")),
]


# --- maatschappelijke initiatieven funded for several years -------------------------------------------------------
SAMEN_THUIS_DOELEN = doelen(
    ("Ontmoeting", "Ouderen met beginnende dementie hebben een vaste plek om te komen", "deelnemers per week", "30"),
    ("Mantelzorg", "Hun mantelzorgers hebben tijd voor zichzelf", "mantelzorgers ontlast", "25"),
)
OPEN_HUISKAMER_DOELEN = doelen(
    ("Ontmoeting", "Buren die weinig mensen zien, komen elke week langs", "bezoekers per week", "45"),
    ("Meedoen", "Bezoekers worden zelf vrijwilliger", "vrijwilligers uit de bezoekers", "8"),
)

INITIATIEVEN = [
    DemoAanvraag(
        "Samen Thuis Helpman 2023–2026", "ouderen-helpman", "initiatief-meerjarig", None, None,
        "Drie ochtenden per week een huiskamer voor ouderen met beginnende dementie, zodat hun mantelzorgers "
        "even vrij zijn.", start="2022-08-29",
        jaarbedragen={2023: "38000.00", 2024: "38000.00", 2025: "40000.00", 2026: "40000.00"},
        werkplan="Drie ochtenden per week, met een vaste begeleider en twaalf vrijwilligers.",
        verloop=aangevraagd("2022-09-06", "2022-09-08", "2022-09-22", "2022-10-06",
                            "Een bewezen initiatief dat past bij de doelen voor Zuid; het verdient rust om te "
                            "kunnen blijven.")
        + verleend("2022-10-20")
        + werkplan_goedgekeurd(2023, "2023-01-10")
        + werkplan(2024, "2023-12-19", "Drie ochtenden; een lotgenotengroep voor mantelzorgers.",
                   SAMEN_THUIS_DOELEN, goedgekeurd="2024-01-09")
        + jaarverslag(2023, "2024-03-18", "148 ochtenden, gemiddeld 27 deelnemers.", "41200.00", "4800.00",
                      ("27 per week", "22 mantelzorgers"))
        + jaar_vastgesteld(2023, "2024-04-22")
        + werkplan(2025, "2024-12-17", "Drie ochtenden; samenwerking met het WIJ-team Zuid.", SAMEN_THUIS_DOELEN,
                   goedgekeurd="2025-01-07")
        + jaarverslag(2024, "2025-03-10", "150 ochtenden, gemiddeld 31 deelnemers; lotgenotengroep gestart.",
                      "43900.00", "5400.00", ("31 per week", "26 mantelzorgers"))
        + jaar_vastgesteld(2024, "2025-04-07")
        + werkplan(2026, "2025-12-18", "Drie ochtenden; de overdracht aan WIJ voorbereiden.", SAMEN_THUIS_DOELEN,
                   goedgekeurd="2026-01-06")
        + jaarverslag(2025, "2026-03-09", "149 ochtenden, gemiddeld 33 deelnemers.", "45100.00", "5900.00",
                      ("33 per week", "27 mantelzorgers"))
        + jaar_vastgesteld(2025, "2026-04-13")
        + beeindigd("2026-06-22", "4:51", 2027,
                    "Vanaf 2028 hoort de dagstructuur voor ouderen met beginnende dementie bij de basisondersteuning "
                    "van WIJ Groningen. Wij zetten de subsidie daarom na 2026 niet voort. De stichting krijgt sinds "
                    "2023 elk jaar subsidie voor deze activiteit; daarom geldt een redelijke termijn (Awb 4:51): "
                    "2027 is een afbouwjaar met 60% van het bedrag van 2026, om deelnemers en vrijwilligers aan WIJ "
                    "over te dragen.", afbouw={2027: Decimal("24000.00")})),
    DemoAanvraag(
        "De Open Huiskamer Beijum 2025–2028", "buurtkamer-beijum", "initiatief-meerjarig", None, None,
        "Vier middagen per week een open huiskamer in de Kraaiheide, voor buren die weinig mensen zien.",
        start="2024-09-09", jaarbedragen={2025: "24000.00", 2026: "24500.00", 2027: "25000.00", 2028: "25500.00"},
        werkplan="Vier middagen per week open, met koffie, spelletjes en een maaltijd op vrijdag.",
        verloop=aangevraagd("2024-09-17", "2024-09-19", "2024-10-01", "2024-10-15",
                            "De buurtkamer draait sinds 2022 op losse subsidies en past bij de doelen voor Oost.")
        + verleend("2024-10-29")
        + werkplan_goedgekeurd(2025, "2025-01-06")
        # The jaarverantwoording 2025 was due on 30 June 2026 and has not come: the job flags it as late.
        + werkplan(2026, "2025-12-22", "Vier middagen open; een wandelgroep op maandag.", OPEN_HUISKAMER_DOELEN,
                   goedgekeurd="2026-01-07")),
]

AANVRAGEN = WIJ + ACCOMMODATIES + INITIATIEVEN
