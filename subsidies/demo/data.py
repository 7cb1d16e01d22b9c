"""The demo's tables: gebieden, money, regelingen, people, organisations and the story of ~50 one-off requests.

Figures are the nota Sociale Basis fase 2 (2023) as quoted in DESIGN §6. Assumptions are marked ASSUMPTION.
Requests are told as a story: each one starts `start` days before today and every step happens `na` days after
the previous one; `builder` replays all steps of all requests in calendar order through `perform()`. The
structural subsidies, whose stories are dated, are in `structureel`.
"""
from dataclasses import dataclass, field
from decimal import Decimal

# --- gebieden, wijken and dorpen (gemeente.groningen.nl) -------------------------------------------------------
# Schildersbuurt is listed once, under Oude Wijken (Oud-West), where the gemeente's gebiedsindeling puts it.
GEBIEDEN = {
    "Centrum": ["Binnenstad", "Binnenstad-Oost", "Hortusbuurt", "Ebbingekwartier", "Stationsgebied"],
    "Oude Wijken": ["Oosterparkwijk", "De Hoogte", "Korrewegwijk", "Indische buurt", "Professorenbuurt",
                    "Oranjewijk", "Schildersbuurt", "Kostverloren", "Noorderplantsoenbuurt"],
    "Oost": ["Beijum", "Lewenborg", "Meerstad", "Noorddijk", "Ulgersmaborg", "Ruischerbrug", "Drielanden",
             "De Hunze"],
    "Zuid": ["Helpman", "De Wijert", "Corpus den Hoorn", "Hoornse Meer", "Coendersborg", "Oosterpoort",
             "Herewegbuurt", "Rivierenbuurt", "Europapark"],
    "West": ["Vinkhuizen", "Paddepoel", "Selwerd", "Hoogkerk", "Reitdiep", "De Held", "Gravenburg"],
    "Haren": ["Glimmen", "Haren", "Noordlaren", "Onnen"],
    "Ten Boer": ["Ten Boer", "Garmerwolde", "Thesinge", "Ten Post", "Woltersum"],
}
DORPSGEBIEDEN = {"Haren", "Ten Boer"}  # their places are dorpen, not wijken

# --- money ------------------------------------------------------------------------------------------------------
BOEKJAREN = range(2023, 2027)  # the years the nota gives figures for
RAMING = range(2027, 2031)  # later years that structural subsidies reach into: the meerjarenraming


def elk_jaar(bedrag: str, jaren=BOEKJAREN) -> dict[int, Decimal]:
    """The same amount in every boekjaar of `jaren` (the nota gives 2023 only)."""
    return {jaar: Decimal(bedrag) for jaar in jaren}


FONDSBRONNEN = [  # code, naam, soort
    ("gemeente", "Gemeentelijke middelen", "gemeente"),
    ("spuk-versterken-sociale-basis", "SPUK Versterken sociale basis", "spuk"),
    ("spuk-mantelzorg", "SPUK Mantelzorg", "spuk"),
    ("spuk-een-tegen-eenzaamheid", "SPUK Eén tegen Eenzaamheid", "spuk"),
    ("gebiedsbudget", "Gebiedsbudget", "gebiedsbudget"),
]

# The six municipal posts of the smalle sociale basis with their 2023 budget; together € 8,191,326.
GEMEENTELIJKE_POSTEN = [
    ("sociaal-culturele-accommodaties", "Sociaal-culturele accommodaties", "5109066.00"),
    ("bewonersorganisaties", "Bewonersorganisaties", "368803.00"),
    ("vrijwillige-inzet", "Vrijwillige inzet", "1304950.00"),
    ("ouderen", "Ouderen (incl. dementie)", "276900.00"),
    ("eenzaamheid", "Eenzaamheid", "76000.00"),
    ("mantelzorg", "Mantelzorg", "1055607.00"),
]
INITIATIEVEN = ("initiatieven", "Bewoners- en maatschappelijke initiatieven")
SOCIAAL_WERK = ("sociaal-werk", "Sociaal werk")  # brede sociale basis: outside the nota's € 8,191,326
BEGROTINGSPOSTEN = [(code, naam) for code, naam, _ in GEMEENTELIJKE_POSTEN] + [INITIATIEVEN, SOCIAAL_WERK]

# ASSUMPTION: the lumpsum for sociaal werk (stichting WIJ Groningen) is not in the nota; € 44 million in 2023,
# growing with the loon- en prijscompensatie (`structureel.BEGROTINGSJAREN`), flat in the raming.
SOCIAAL_WERK_BUDGET = {2023: Decimal("44000000.00"), 2024: Decimal("45400000.00"), 2025: Decimal("46700000.00"),
                       2026: Decimal("47900000.00"), **elk_jaar("49000000.00", RAMING)}
# The council's 2027 budget cuts sociaal-culturele accommodaties by 2 % (the story of the begrotingsvoorbehoud).
ACCOMMODATIES_BUDGET = elk_jaar("5109066.00") | elk_jaar("5006885.00", RAMING)

BUDGETTEN = [  # begrotingspost, fondsbron, {boekjaar: bedrag}
    *((code, "gemeente", elk_jaar(bedrag)) for code, _, bedrag in GEMEENTELIJKE_POSTEN
      if code != "sociaal-culturele-accommodaties"),
    ("sociaal-culturele-accommodaties", "gemeente", ACCOMMODATIES_BUDGET),
    ("sociaal-werk", "gemeente", SOCIAAL_WERK_BUDGET),
    # ASSUMPTION: € 700,000 a year of gebiedsbudget for initiatives; the nota gives no figure.
    ("initiatieven", "gebiedsbudget", elk_jaar("700000.00")),
    # ASSUMPTION: € 250,000 a year of regular municipal money for initiatives funded for several years (nota § 4.5:
    # "niet op basis van bijzonder en gelabeld projectgeld, maar op basis van reguliere geldstromen").
    ("initiatieven", "gemeente", elk_jaar("250000.00", range(BOEKJAREN.start, RAMING.stop))),
    ("initiatieven", "spuk-versterken-sociale-basis",
     {2023: Decimal("408730.00"), 2024: Decimal("403123.00"), 2025: Decimal("403123.00"), 2026: Decimal("302209.00")}),
    ("mantelzorg", "spuk-mantelzorg",
     {2023: Decimal("111981.00"), 2024: Decimal("111979.00"), 2025: Decimal("111979.00"), 2026: Decimal("100736.00")}),
    ("eenzaamheid", "spuk-een-tegen-eenzaamheid",
     {2023: Decimal("111981.00"), 2024: Decimal("111979.00"), 2025: Decimal("89583.00"), 2026: Decimal("0.00")}),
]

GRONDSLAG = "Algemene subsidieverordening gemeente Groningen; Awb titel 4.2"
ALLE_RECHTSPERSONEN = ["stichting", "vereniging"]

REGELINGEN = [
    {
        "code": "bewonersinitiatief",
        "naam": "Bewonersinitiatieven",
        "omschrijving": "Een snelle, kleine bijdrage voor wat bewoners zelf organiseren voor hun straat, buurt, "
                        "wijk of dorp: een moestuin, een koffie-ochtend, een buurtmaaltijd.",
        "juridische_grondslag": f"{GRONDSLAG}; nota Sociale Basis fase 2, § 4.5",
        "begrotingspost": "initiatieven", "fondsbron": "gebiedsbudget",
        "max_bedrag": Decimal("5000.00"), "beslistermijn_weken": 2,
        "toegestane_rechtsvormen": ["initiatiefgroep", *ALLE_RECHTSPERSONEN],
        "plafonds": elk_jaar("150000.00"),
    },
    {
        "code": "maatschappelijk-initiatief",
        "naam": "Maatschappelijke initiatieven",
        "omschrijving": "Voor grotere initiatieven van inwoners en maatschappelijke organisaties die de sociale "
                        "basis versterken, voor één jaar of korter.",
        "juridische_grondslag": f"{GRONDSLAG}; nota Sociale Basis fase 2, § 4.5; SPUK IZA/GALA",
        "begrotingspost": "initiatieven", "fondsbron": "spuk-versterken-sociale-basis",
        "max_bedrag": Decimal("150000.00"), "beslistermijn_weken": 8,
        "toegestane_rechtsvormen": ALLE_RECHTSPERSONEN,
        "plafonds": {2023: Decimal("400000.00"), 2024: Decimal("400000.00"), 2025: Decimal("400000.00"),
                     2026: Decimal("300000.00")},
    },
    {
        "code": "initiatief-meerjarig",
        "naam": "Meerjarige financiering maatschappelijke initiatieven",
        "omschrijving": "Een initiatief starten is iets anders dan het volhouden. Initiatieven die bijdragen aan de "
                        "doelen van hun wijk of dorp krijgen hier financiering voor twee tot vier jaar, per jaar een "
                        "werkplan en een jaarverantwoording. Aanvragen uiterlijk 13 weken vóór het eerste jaar.",
        "juridische_grondslag": f"{GRONDSLAG}, afdeling 4.2.8; nota Sociale Basis fase 2, § 4.5",
        "begrotingspost": "initiatieven", "fondsbron": "gemeente",
        "max_bedrag": Decimal("60000.00"), "beslistermijn_weken": 8,
        "toegestane_rechtsvormen": ALLE_RECHTSPERSONEN, "meerjarig": True, "max_boekjaren": 4,
        "voorschotschema": "kwartaal",
        "plafonds": elk_jaar("250000.00"),
    },
    {
        "code": "exploitatie-accommodaties",
        "naam": "Exploitatiesubsidie sociaal-culturele accommodaties",
        "omschrijving": "Structurele bijdrage aan exploitatie en beheer van sociaal-culturele accommodaties, "
                        "speeltuinverenigingen inbegrepen, zodat inwoners elkaar dichtbij huis ontmoeten. Voor "
                        "twee tot vier jaar, met per jaar een werkplan en een jaarverantwoording.",
        "juridische_grondslag": f"{GRONDSLAG}, afdeling 4.2.8; accommodatiebeleid (geharmoniseerd 2020)",
        "begrotingspost": "sociaal-culturele-accommodaties", "fondsbron": "gemeente",
        "max_bedrag": Decimal("250000.00"), "beslistermijn_weken": 8,
        "toegestane_rechtsvormen": ALLE_RECHTSPERSONEN, "meerjarig": True, "max_boekjaren": 4,
        "voorschotschema": "kwartaal", "egalisatiereserve": True, "reserve_max_percentage": Decimal("10.00"),
        "plafonds": elk_jaar("4600000.00") | elk_jaar("4500000.00", RAMING),  # the post is cut in 2027
    },
    {
        "code": "sociaal-werk",
        "naam": "Subsidie sociaal werk",
        "omschrijving": "Lumpsumsubsidie voor het sociaal werk in de wijken en dorpen, met per jaar een werkplan "
                        "en resultaten per kernactiviteit: 1. samenlevingsopbouw en preventie; 2. "
                        "basisondersteuning; 3. toegangsfunctie en verwijzing naar specialistische zorg of "
                        "voorziening (Jeugdwet en Wmo).",
        "juridische_grondslag": f"{GRONDSLAG}, afdeling 4.2.8; nota Sociale Basis fase 2, § 4.1; Wmo 2015; "
                                "Jeugdwet",
        "begrotingspost": "sociaal-werk", "fondsbron": "gemeente",
        "max_bedrag": Decimal("50000000.00"), "beslistermijn_weken": 8, "toegestane_rechtsvormen": ["stichting"],
        "meerjarig": True, "max_boekjaren": 4, "voorschotschema": "maandelijks", "egalisatiereserve": True,
        # ASSUMPTION: the reserve may hold at most 5 % of a year's lumpsum; the real agreement is not public.
        "reserve_max_percentage": Decimal("5.00"),
        "plafonds": SOCIAAL_WERK_BUDGET,
    },
    {
        "code": "onderhoud-accommodaties",
        "naam": "Onderhoudssubsidie sociaal-culturele accommodaties",
        "omschrijving": "Eenmalige bijdrage in het onderhoud van een accommodatie, voor besturen die eigenaar "
                        "zijn van hun gebouw, op basis van een meerjarenonderhoudsplan.",
        "juridische_grondslag": f"{GRONDSLAG}; onderhoudssubsidie accommodaties (sinds november 2022)",
        "begrotingspost": "sociaal-culturele-accommodaties", "fondsbron": "gemeente",
        "max_bedrag": Decimal("50000.00"), "beslistermijn_weken": 8,
        "toegestane_rechtsvormen": ALLE_RECHTSPERSONEN,
        "plafonds": elk_jaar("500000.00"),
    },
    {
        "code": "bewonersorganisaties",
        "naam": "Subsidie bewonersorganisaties",
        "omschrijving": "Jaarlijkse subsidie voor geregistreerde wijk-, buurt- en dorpsorganisaties, de spreekbuis "
                        "van bewoners bij wat er in hun wijk of dorp gebeurt.",
        "juridische_grondslag": f"{GRONDSLAG}; convenant bewonersorganisaties",
        "begrotingspost": "bewonersorganisaties", "fondsbron": "gemeente",
        "max_bedrag": Decimal("30000.00"), "beslistermijn_weken": 8,
        "toegestane_rechtsvormen": ALLE_RECHTSPERSONEN,
        "plafonds": elk_jaar("368803.00"),
    },
]

# --- people -----------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Login:
    username: str
    rol: str
    voornaam: str
    achternaam: str

    @property
    def wachtwoord(self) -> str:
        return f"{self.username}-2026"


LOGINS = [
    Login("demo-aanvrager", "aanvrager", "Anouk", "Bakker"),
    Login("demo-behandelaar", "behandelaar", "Sanne", "Huizinga"),
    Login("demo-behandelaar2", "behandelaar", "Joost", "Mulder"),
    Login("demo-beslisser", "beslisser", "Marieke", "Postma"),
    Login("demo-auditor", "auditor", "Erik", "Veenstra"),
    Login("demo-beheerder", "beheerder", "Ingrid", "Smit"),
]
AANVRAGER, BEHANDELAARS, BESLISSER = "demo-aanvrager", ("demo-behandelaar", "demo-behandelaar2"), "demo-beslisser"
BEHEERDER = "demo-beheerder"

# A declared tie: the second behandelaar may not handle this organisation's requests (DESIGN §5).
BELANGEN = [("demo-behandelaar2", "dorpsvereniging-glimmen", "Is penningmeester van de dorpsvereniging.")]


@dataclass(frozen=True)
class DemoOrganisatie:
    naam: str
    rechtsvorm: str
    kvk_nummer: str  # "" for an initiatiefgroep
    bank: str
    rekening: str  # the national account code inside the IBAN
    straat: str
    postcode: str
    gebied: str
    wijk: str
    contact: tuple[str, str, str]  # naam, functie, telefoon
    lid_is_demo_aanvrager: bool = False
    plaats: str = "Groningen"

    @property
    def domein(self) -> str:
        return "".join(c for c in self.naam.lower() if c.isalnum())[:30] + ".example.org"

    @property
    def contact_email(self) -> str:
        voornaam = self.contact[0].split()[0].lower()
        return f"{voornaam}@{self.domein}"


ORGANISATIES = {
    "buurtkamer-beijum": DemoOrganisatie(
        "Stichting Buurtkamer Beijum", "stichting", "01094712", "RABO", "0312845560", "Kraaiheide 31", "9736 AR",
        "Oost", "Beijum", ("Anouk Bakker", "voorzitter", "050 541 2290"), lid_is_demo_aanvrager=True),
    "taalcafe-paddepoel": DemoOrganisatie(
        "Stichting Taalcafé Paddepoel", "stichting", "01087731", "INGB", "0006251873", "Zonnelaan 4",
        "9742 EA", "West", "Paddepoel", ("Fatima el Amrani", "coördinator", "050 571 0143"),
        lid_is_demo_aanvrager=True),
    "mantelzorg-haren": DemoOrganisatie(
        "Stichting Mantelzorg Haren", "stichting", "02083156", "ABNA", "0567213498", "Kerkstraat 18", "9751 BB",
        "Haren", "Haren", ("Gerda Wiersma", "secretaris", "050 534 7781"), lid_is_demo_aanvrager=True,
        plaats="Haren"),
    "bo-selwerd": DemoOrganisatie(
        "Vereniging Bewonersorganisatie Selwerd", "vereniging", "40025318", "TRIO", "0198765432",
        "Zaagmuldersweg 7", "9741 LK", "West", "Selwerd", ("Harm Kuipers", "voorzitter", "050 577 3315")),
    "wc-vinkhuizen": DemoOrganisatie(
        "Stichting Wijkcentrum De Vinkenborg", "stichting", "01098820", "RABO", "0338174622", "Siersteenlaan 412",
        "9745 ED", "West", "Vinkhuizen", ("Peter Zijlstra", "penningmeester", "050 579 8820")),
    "speeltuin-oosterpark": DemoOrganisatie(
        "Speeltuinvereniging Oosterpark", "vereniging", "40021904", "INGB", "0004417265", "Vuurvlinderstraat 2",
        "9713 SN", "Oude Wijken", "Oosterparkwijk", ("Marco Dijkstra", "voorzitter", "050 313 4471")),
    "wijkraad-de-hoogte": DemoOrganisatie(
        "Vereniging Wijkraad De Hoogte", "vereniging", "40020311", "ABNA", "0481923374", "Kerklaan 26",
        "9714 JE", "Oude Wijken", "De Hoogte", ("Yvonne Hoekstra", "secretaris", "050 360 2217")),
    "buurthuis-korrewegwijk": DemoOrganisatie(
        "Stichting Buurthuis De Korrel", "stichting", "01101457", "SNSB", "0927461183", "Celebesstraat 64",
        "9715 LV", "Oude Wijken", "Korrewegwijk", ("Rik Brouwer", "coördinator", "050 571 6604")),
    "dorpsvereniging-glimmen": DemoOrganisatie(
        "Dorpsvereniging Glimmen", "vereniging", "40024478", "RABO", "0147735291", "Zuiderstraat 5", "9756 AL",
        "Haren", "Glimmen", ("Klaas Veldman", "voorzitter", "050 406 1129"), plaats="Glimmen"),
    "dorpsbelangen-ten-boer": DemoOrganisatie(
        "Vereniging Dorpsbelangen Ten Boer", "vereniging", "40027743", "RABO", "0325590614", "Stationsstraat 9",
        "9791 AH", "Ten Boer", "Ten Boer", ("Jannie Pol", "secretaris", "050 302 1876"), plaats="Ten Boer"),
    "dorpshuis-thesinge": DemoOrganisatie(
        "Stichting Dorpshuis Thesinge", "stichting", "02069924", "ABNA", "0593318270", "Kloosterlaan 1",
        "9797 PE", "Ten Boer", "Thesinge", ("Wim Oosterhuis", "beheerder", "050 302 3388"), plaats="Thesinge"),
    "wijkraad-lewenborg": DemoOrganisatie(
        "Vereniging Wijkraad Lewenborg", "vereniging", "40023397", "INGB", "0007724519", "Kadijk 2", "9732 AM",
        "Oost", "Lewenborg", ("Ans Boersma", "voorzitter", "050 541 9970")),
    "ouderen-helpman": DemoOrganisatie(
        "Stichting Ouderenwerk Helpman", "stichting", "01092276", "TRIO", "0211498830", "Verlengde Hereweg 174",
        "9722 AN", "Zuid", "Helpman", ("Hennie van der Meulen", "coördinator", "050 526 4410")),
    "binnenstad-samen": DemoOrganisatie(
        "Stichting Binnenstad Samen", "stichting", "01105583", "ABNA", "0612284957", "Oude Kijk in 't Jatstraat 9",
        "9712 EA", "Centrum", "Binnenstad", ("Lotte Jansen", "projectleider", "050 318 2260")),
    "moestuin-selwerd": DemoOrganisatie(
        "Initiatiefgroep Moestuin Selwerd", "initiatiefgroep", "", "RABO", "0386627714", "Eikenlaan 61",
        "9741 EE", "West", "Selwerd", ("Bram de Jong", "trekker", "06 1234 8871")),
    "vinkhuizen-noord": DemoOrganisatie(
        "Bewonersgroep Vinkhuizen-Noord", "initiatiefgroep", "", "INGB", "0005538126", "Bottemaplein 12",
        "9746 HB", "West", "Vinkhuizen", ("Samira Bouali", "trekker", "06 2255 1903")),
    "hoornse-meer": DemoOrganisatie(
        "Initiatiefgroep Hoornse Meer Beweegt", "initiatiefgroep", "", "ASNB", "0708843216", "Aduarderdiep 40",
        "9728 JK", "Zuid", "Hoornse Meer", ("Tineke Smit", "trekker", "06 4471 2086")),
    "bc-de-wijert": DemoOrganisatie(
        "Stichting Buurtcentrum De Wijert", "stichting", "01097345", "RABO", "0362118450", "Van Iddekingeweg 33",
        "9721 CB", "Zuid", "De Wijert", ("Gerrit Kramer", "voorzitter", "050 525 7712")),
    "wij-groningen": DemoOrganisatie(
        "Stichting WIJ Groningen", "stichting", "61372889", "BNGH", "0285067123", "Hereweg 95", "9721 AA",
        "Zuid", "Herewegbuurt", ("Marleen Bos", "controller", "050 367 5900")),
}

# --- the story of the requests --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Dagen:
    """A date `n` days after the day of the step (negative: before it)."""

    n: int


@dataclass(frozen=True)
class Deel:
    """A share of the subsidy granted, e.g. Deel("0.5")."""

    fractie: str


@dataclass(frozen=True)
class Stap:
    """One action in a request's story, `na` days after the previous step (or on the ISO date `na`), by a role:
    `aanvrager`, `behandelaar`, `beslisser`, or `beslist` (the beslisser above the four-eyes threshold, else the
    behandelaar)."""

    na: int | str
    actie: str
    door: str
    reden: str = ""
    params: dict = field(default_factory=dict)
    op: str = "aanvraag"  # aanvraag | subsidie | betaling (the oldest planned payment) | tranche (of `jaar`)
    jaar: int = 0


@dataclass(frozen=True)
class DemoAanvraag:
    """A one-off request (`bedrag`, `periode` in the current boekjaar), or a multi-year one (`jaarbedragen`)."""

    titel: str
    organisatie: str
    regeling: str
    bedrag: str | None
    periode: tuple[str, str] | None  # ("MM-DD", "MM-DD") in the current boekjaar
    omschrijving: str
    start: int | str  # days before today the draft was made, or its ISO date
    verloop: tuple[Stap, ...] = ()
    wijk: str = ""  # default: the organisation's wijk
    jaarbedragen: dict[int, str] | None = None  # the meerjarenbegroting: {boekjaar: bedrag}
    werkplan: str = ""  # for the first year
    voortzetting_van: str = ""  # the titel of the request whose subsidie this one continues

    @property
    def gevraagd(self) -> Decimal | None:
        if self.jaarbedragen:
            return sum(Decimal(bedrag) for bedrag in self.jaarbedragen.values())
        return Decimal(self.bedrag) if self.bedrag else None


MOTIVERING = "Het initiatief past bij de doelen van de regeling en de begroting is reëel."


def indienen(na=1):
    return (Stap(na, "indienen", "aanvrager"),)


def papier(na=0, dagen_oud=3):
    """A paper request: the behandelaar types it in and registers it with the day it arrived."""
    return (Stap(na, "indienen", "behandelaar", "Papieren aanvraag, per post ontvangen.",
                 {"ontvangen_op": Dagen(-dagen_oud)}),)


def behandelen(na=2):
    return (Stap(na, "in_behandeling_nemen", "behandelaar"),)


def aanvulling(reden, termijn=14, na=1):
    return (Stap(na, "aanvulling_vragen", "behandelaar", reden, {"termijn_tot": Dagen(termijn)}),)


def aangevuld(na=6):
    return (Stap(na, "aanvulling_ontvangen", "aanvrager", "De gevraagde stukken zijn bijgevoegd."),)


def volledig(na=2):
    return (Stap(na, "volledig_verklaren", "behandelaar"),)


def verdagen(reden, weken=4, na=1):
    return (Stap(na, "beslistermijn_verdagen", "behandelaar", reden, {"weken": weken}),)


def voorstel(motivering=MOTIVERING, bedrag=None, na=3):
    params = {"uitkomst": "verlenen"} | ({"bedrag": Decimal(bedrag)} if bedrag else {})
    return (Stap(na, "besluit_voorstellen", "behandelaar", motivering, params),)


def weigervoorstel(motivering, na=3):
    return (Stap(na, "besluit_voorstellen", "behandelaar", motivering, {"uitkomst": "weigeren"}),)


def terugsturen(reden, na=2):
    return (Stap(na, "voorstel_terugsturen", "beslisser", reden),)


def ter_beoordeling():
    return indienen() + behandelen() + volledig()


def verleend(motivering=MOTIVERING, bedrag=None):
    return ter_beoordeling() + voorstel(motivering, bedrag) + (Stap(2, "verlenen", "beslist"),)


def geweigerd(motivering):
    return ter_beoordeling() + weigervoorstel(motivering) + (Stap(2, "weigeren", "beslist"),)


def intrekken(reden, na=3):
    return (Stap(na, "intrekken", "aanvrager", reden),)


def voorschot(na, deel="1", uitgevoerd_na=None):
    stap = Stap(na, "voorschot_betalen", "behandelaar", "Voorschot volgens de beschikking.", {"bedrag": Deel(deel)},
                op="subsidie")
    return (stap,) + (uitgevoerd(uitgevoerd_na) if uitgevoerd_na else ())


def uitgevoerd(na):
    return (Stap(na, "uitvoeren", "behandelaar", op="betaling"),)


def verantwoording_vragen(na, termijn=120):
    return (Stap(na, "verantwoording_vragen", "behandelaar", "De activiteiten zijn afgelopen; graag uw verantwoording.",
                 {"uiterlijk": Dagen(termijn)}, op="subsidie"),)


def verantwoording(na, verslag, kosten):
    return (Stap(na, "verantwoording_indienen", "aanvrager", "",
                 {"activiteitenverslag": verslag, "werkelijke_kosten": Decimal(kosten)}, op="subsidie"),)


def vaststellen(na, bedrag=None, reden=""):
    params = {"bedrag": Decimal(bedrag)} if bedrag else {}
    return (Stap(na, "vaststellen", "behandelaar", reden, params, op="subsidie"),)


def afsluiten(na=1):
    return (Stap(na, "afsluiten", "behandelaar", op="subsidie"),)


def subsidie_intrekken(na, reden):
    return (Stap(na, "intrekken", "beslisser", reden, op="subsidie"),)


AANVRAGEN = [
    # --- concept ---
    DemoAanvraag("Buurtkamer Beijum: oliebollen op oudejaarsdag", "buurtkamer-beijum", "bewonersinitiatief", "850",
                 ("12-31", "12-31"), "Samen oliebollen bakken en uitdelen aan buren die de jaarwisseling alleen "
                 "doorbrengen.", start=2),
    DemoAanvraag("Taalcafé Paddepoel: taalkamp in de kerstvakantie", "taalcafe-paddepoel",
                 "maatschappelijk-initiatief", "4800", ("12-21", "12-31"),
                 "Vijf ochtenden Nederlands oefenen met spelletjes, voor nieuwkomers en hun kinderen.", start=6),
    DemoAanvraag("Wandelgroep Hoornse Meer", "hoornse-meer", "bewonersinitiatief", None, None,
                 "Elke week samen wandelen rond het meer, met koffie na afloop.", start=9),
    DemoAanvraag("Dorpshuis Thesinge: nieuwe cv-ketel", "dorpshuis-thesinge", "onderhoud-accommodaties", "14500",
                 ("12-01", "12-31"), "De ketel is 22 jaar oud en valt steeds uit; vervanging volgens het "
                 "meerjarenonderhoudsplan.", start=4),
    # --- ingediend ---
    DemoAanvraag("Kerstdiner voor alleenstaanden Vinkhuizen", "vinkhuizen-noord", "bewonersinitiatief", "3250",
                 ("12-24", "12-26"), "Een warm kerstdiner voor zestig buurtbewoners die de feestdagen anders "
                 "alleen doorbrengen, gekookt door vrijwilligers.", start=4, verloop=indienen()),
    DemoAanvraag("Respijtmiddagen voor mantelzorgers Haren", "mantelzorg-haren", "maatschappelijk-initiatief",
                 "12400", ("12-01", "12-31"), "Vrijwilligers nemen de zorg een middag over, zodat mantelzorgers "
                 "even op adem kunnen komen.", start=6, verloop=indienen()),
    DemoAanvraag("Kerstmarkt Ten Boer", "dorpsbelangen-ten-boer", "bewonersinitiatief", "2900", ("12-12", "12-12"),
                 "Een kerstmarkt op het kerkplein met kramen van verenigingen uit het dorp.", start=8,
                 verloop=papier()),
    DemoAanvraag("Pakjesavond voor buurtkinderen Binnenstad-Oost", "binnenstad-samen", "bewonersinitiatief", "1200",
                 ("12-05", "12-05"), "Een pakjesavond in het buurthuis voor kinderen uit gezinnen met weinig geld.",
                 start=5, verloop=indienen(), wijk="Binnenstad-Oost"),
    # --- in behandeling ---
    DemoAanvraag("Stoelyoga voor 75-plussers in Helpman", "ouderen-helpman", "maatschappelijk-initiatief", "9800",
                 ("12-01", "12-31"), "Wekelijkse stoelyoga met een gediplomeerde docent, gericht op balans en "
                 "ontmoeting.", start=12, verloop=indienen() + behandelen()),
    DemoAanvraag("Buurtkamer Beijum: kerstinloop", "buurtkamer-beijum", "bewonersinitiatief", "1500",
                 ("12-20", "12-22"), "Drie dagen open huis met warme chocolademelk en een kerststukjesworkshop.",
                 start=8, verloop=indienen() + behandelen()),
    DemoAanvraag("Speeltuin Oosterpark: vervanging valondergrond", "speeltuin-oosterpark", "onderhoud-accommodaties",
                 "38000", ("11-01", "12-31"), "De rubbertegels onder de klimtoestellen voldoen niet meer aan het "
                 "Warenwetbesluit attractie- en speeltoestellen.", start=20, verloop=indienen() + behandelen()),
    DemoAanvraag("De Hoogte kookt: buurtmaaltijden", "wijkraad-de-hoogte", "maatschappelijk-initiatief", "16000",
                 ("12-01", "12-31"), "Twee keer per week een betaalbare maaltijd in de wijk, gekookt door bewoners "
                 "met en zonder werk.", start=15, verloop=indienen() + behandelen()),
    DemoAanvraag("Huiswerkklas Korrewegwijk", "buurthuis-korrewegwijk", "maatschappelijk-initiatief", "22000",
                 ("09-01", "12-31"), "Vier middagen per week huiswerkbegeleiding door studenten voor kinderen uit "
                 "groep 7 en 8 en de brugklas.", start=40,
                 verloop=indienen() + behandelen() + aanvulling("Stuur de begroting per maand en de VOG's van de "
                                                                "begeleiders.") + aangevuld()),
    # --- aanvulling gevraagd ---
    DemoAanvraag("Taalmaatjes Paddepoel", "taalcafe-paddepoel", "maatschappelijk-initiatief", "14000",
                 ("12-01", "12-31"), "Vrijwillige taalmaatjes die een jaar lang wekelijks afspreken met een "
                 "nieuwkomer.", start=9,
                 verloop=indienen() + behandelen() + aanvulling("Hoeveel taalmaatjes en deelnemers verwacht u? "
                                                                "Vul de begroting aan met de kosten voor werving.")),
    DemoAanvraag("Wijkcentrum De Vinkenborg: dakrenovatie", "wc-vinkhuizen", "onderhoud-accommodaties", "45000",
                 ("12-01", "12-31"), "Het platte dak lekt; vervanging van dakbedekking en isolatie.", start=18,
                 verloop=indienen() + behandelen() + aanvulling("Stuur het meerjarenonderhoudsplan en twee offertes "
                                                                "voor het dak.", termijn=28)),
    DemoAanvraag("Snerttocht Glimmen", "dorpsvereniging-glimmen", "bewonersinitiatief", "1100", ("12-27", "12-27"),
                 "Een winterwandeling door de Glimmer Es met snert bij het dorpshuis.", start=10,
                 verloop=indienen() + behandelen() + aanvulling("Wie zijn de organisatoren, en is er toestemming "
                                                                "van de eigenaar van het pad?")),
    DemoAanvraag("Jeu-de-boulesbaan Hoornse Meer", "hoornse-meer", "bewonersinitiatief", "4600", ("10-01", "12-31"),
                 "Een jeu-de-boulesbaan op het grasveld aan het meer, onderhouden door de buurt.", start=25,
                 verloop=indienen() + behandelen() + aanvulling("Stuur de toestemming van de gemeente (beheer "
                                                                "openbare ruimte) voor het grasveld.")),
    # --- in beoordeling ---
    DemoAanvraag("Lotgenotengroep jonge mantelzorgers Haren", "mantelzorg-haren", "maatschappelijk-initiatief",
                 "14500", ("12-01", "12-31"), "Maandelijkse avonden voor mantelzorgers van 16 tot 25 jaar, met een "
                 "ervaringsdeskundige begeleider.", start=20, verloop=ter_beoordeling()),
    DemoAanvraag("Repair Café Lewenborg", "wijkraad-lewenborg", "maatschappelijk-initiatief", "7200",
                 ("12-01", "12-31"), "Maandelijks samen spullen repareren in het wijkcentrum; ontmoeting en minder "
                 "afval.", start=30,
                 verloop=indienen() + behandelen() + verdagen("Wij vragen eerst advies aan de bewonersorganisatie "
                                                              "(convenant bewonersorganisaties).") + volledig()),
    DemoAanvraag("Dorpsbelangen Ten Boer: dorpsavonden en dorpskrant", "dorpsbelangen-ten-boer",
                 "bewonersorganisaties", "3800", ("01-01", "12-31"), "Vier dorpsavonden en zes edities van de "
                 "dorpskrant over de versterking en de toekomst van het dorp.", start=35, verloop=ter_beoordeling()),
    DemoAanvraag("Dorpshuis Thesinge: isolatie en zonnepanelen", "dorpshuis-thesinge", "onderhoud-accommodaties",
                 "32000", ("10-01", "12-31"), "Spouwmuurisolatie en twintig zonnepanelen om de energiekosten te "
                 "halveren.", start=28,
                 verloop=ter_beoordeling() + voorstel("Past in het meerjarenonderhoudsplan.")
                 + terugsturen("Zonnepanelen zijn verduurzaming, geen onderhoud: splits de begroting.")),
    # --- besluit voorgesteld ---
    DemoAanvraag("Ouderensoos Helpman", "ouderen-helpman", "maatschappelijk-initiatief", "28000",
                 ("12-01", "12-31"), "Drie middagen per week een soos met maaltijd, voor ouderen die weinig "
                 "mensen zien.", start=26, verloop=ter_beoordeling() + voorstel()),
    DemoAanvraag("Wijkcentrum De Vinkenborg: vervanging keuken", "wc-vinkhuizen", "onderhoud-accommodaties",
                 "26500", ("12-01", "12-31"), "De keuken van de grote zaal is versleten en voldoet niet meer aan de "
                 "hygiëne-eisen.", start=22, verloop=ter_beoordeling() + voorstel()),
    DemoAanvraag("Moestuin Selwerd: kas voor de winter", "moestuin-selwerd", "bewonersinitiatief", "2850",
                 ("12-01", "12-31"), "Een kweekkas zodat de moestuingroep ook in de winter samen bezig is.",
                 start=12, verloop=ter_beoordeling()
                 + voorstel("Past bij de regeling; de verwarming van de kas valt erbuiten.", bedrag="2500")),
    DemoAanvraag("Buurtconciërge De Hoogte", "wijkraad-de-hoogte", "maatschappelijk-initiatief", "19000",
                 ("12-01", "12-31"), "Een betaalde buurtconciërge die kleine klussen doet en bewoners verbindt.",
                 start=24, verloop=ter_beoordeling() + weigervoorstel(
                     "Een betaalde functie in de wijk valt onder het wijkbudget van WIJ Groningen, niet onder "
                     "deze regeling.")),
    # --- verleend, with the subsidy in each of its states ---
    DemoAanvraag("Kookclub Binnenstad-Oost: samen koken, samen eten", "binnenstad-samen",
                 "maatschappelijk-initiatief", "13800", ("09-01", "12-31"), "Twee avonden per week koken en eten "
                 "met buurtbewoners die alleen wonen, met een kok als begeleider.", start=100, wijk="Binnenstad-Oost",
                 verloop=verleend() + voorschot(3, "0.5", 4) + voorschot(60, "0.25", 4)),
    DemoAanvraag("Buurtkamer Beijum: warme winter", "buurtkamer-beijum", "maatschappelijk-initiatief", "8400",
                 ("12-01", "12-31"), "Soep en spelletjes op de koudste middagen, voor buren die thuis de verwarming "
                 "laag zetten.", start=25, verloop=verleend()),
    DemoAanvraag("Bewonersorganisatie Selwerd: jaarprogramma 2026", "bo-selwerd", "bewonersorganisaties", "18750",
                 ("01-01", "12-31"), "Wijkkrant, bewonersavonden en het wijkschouw-programma.", start=295,
                 verloop=verleend() + voorschot(3, "1", 5) + verantwoording_vragen(250, termijn=160)),
    DemoAanvraag("Wijkraad Lewenborg: jaarprogramma 2026", "wijkraad-lewenborg", "bewonersorganisaties", "16300",
                 ("01-01", "12-31"), "Bewonersavonden, de wijkkrant en het overleg met gemeente en corporaties.",
                 start=285, verloop=verleend() + voorschot(3, "0.9", 5) + verantwoording_vragen(245, termijn=150)),
    DemoAanvraag("Zomerschool Binnenstad: taal en sport voor kinderen", "binnenstad-samen",
                 "maatschappelijk-initiatief", "11900", ("07-13", "08-21"), "Zes zomerweken taal en sport voor "
                 "kinderen die niet op vakantie gaan.", start=200,
                 verloop=verleend() + voorschot(3, "1", 4) + verantwoording_vragen(100, termijn=56)
                 + verantwoording(40, "Zes weken, gemiddeld 34 kinderen per dag; 12 vrijwilligers.", "11640")),
    DemoAanvraag("Taalcafé Paddepoel", "taalcafe-paddepoel", "maatschappelijk-initiatief", "24000",
                 ("01-15", "06-30"), "Elke dinsdag en donderdag een taalcafé in de bibliotheek, voor iedereen die "
                 "Nederlands wil oefenen.", start=310,
                 verloop=verleend() + voorschot(3, "0.8", 4) + verantwoording_vragen(160, termijn=70)
                 + verantwoording(60, "46 bijeenkomsten, 38 vaste deelnemers, 9 vrijwilligers.", "24310")),
    DemoAanvraag("Mantelzorgcafé Haren", "mantelzorg-haren", "maatschappelijk-initiatief", "19600",
                 ("02-01", "06-30"), "Maandelijks mantelzorgcafé met een spreker en lotgenotencontact.", start=305,
                 verloop=verleend() + voorschot(3, "0.8", 4) + verantwoording_vragen(150, termijn=60)
                 + verantwoording(55, "Vijf cafés met gemiddeld 27 mantelzorgers.", "19850")
                 + vaststellen(75, reden="Activiteiten uitgevoerd zoals verleend.")),
    DemoAanvraag("Dorpshuis De Hoeksteen Glimmen: nieuwe kozijnen", "dorpsvereniging-glimmen",
                 "onderhoud-accommodaties", "21000", ("04-01", "06-30"), "Vervanging van de houten kozijnen aan de "
                 "west- en zuidgevel door kunststof met HR++-glas.", start=270,
                 verloop=verleend() + voorschot(3, "1", 4) + verantwoording_vragen(100, termijn=60)
                 + verantwoording(20, "Kozijnen vervangen in juni; de aanbesteding viel gunstig uit.", "17650")
                 + vaststellen(110, "17650", "De werkelijke kosten zijn lager dan begroot; wij stellen vast op de "
                                            "werkelijke kosten (Awb 4:46 lid 2).")),
    DemoAanvraag("Valpreventie Helpman: In Balans-cursus", "ouderen-helpman", "maatschappelijk-initiatief", "9500",
                 ("03-01", "06-30"), "Twaalf lessen valpreventie voor ouderen, met een fysiotherapeut.", start=280,
                 verloop=verleend() + voorschot(3, "1", 4) + verantwoording_vragen(120, termijn=60)
                 + verantwoording(25, "Twee groepen van 14 deelnemers.", "9720") + vaststellen(12) + afsluiten()),
    DemoAanvraag("Moestuin Selwerd", "moestuin-selwerd", "bewonersinitiatief", "3400", ("03-15", "10-31"),
                 "Een gezamenlijke moestuin op het braakliggende veld aan de Eikenlaan.", start=268,
                 verloop=verleend() + uitgevoerd(5) + afsluiten(40)),
    DemoAanvraag("Sint-Maartenlampionnen maken in Vinkhuizen", "vinkhuizen-noord", "bewonersinitiatief", "950",
                 ("11-09", "11-11"), "Lampionnen knutselen en samen langs de deuren.", start=30, verloop=verleend()),
    DemoAanvraag("Zomerspeelweek Oosterpark", "speeltuin-oosterpark", "maatschappelijk-initiatief", "6800",
                 ("07-20", "07-24"), "Een week lang spelen, knutselen en sport in de speeltuin.", start=190,
                 verloop=verleend() + voorschot(3, "1", 4) + verantwoording_vragen(70, termijn=42)
                 + verantwoording(25, "Vijf dagen, 140 kinderen; de springkussens werden gesponsord.", "5900")
                 + vaststellen(10, "5900", "Lagere kosten door sponsoring van de springkussens.") + uitgevoerd(20)
                 + afsluiten(2)),
    DemoAanvraag("Buurtmaaltijd Korrewegwijk", "buurthuis-korrewegwijk", "maatschappelijk-initiatief", "12000",
                 ("04-01", "12-31"), "Elke vrijdag een buurtmaaltijd voor wie alleen eet.", start=250,
                 verloop=verleend() + voorschot(3, "0.5", 4) + subsidie_intrekken(
                     210, "De buurtmaaltijden zijn na de zomer gestopt: er is geen kok meer en de activiteit gaat "
                          "niet door (Awb 4:48 lid 1 onder a). Het betaalde voorschot wordt teruggevorderd.")),
    DemoAanvraag("Ten Boer verbindt: ontmoetingsmiddagen", "dorpsbelangen-ten-boer", "maatschappelijk-initiatief",
                 "27500", ("10-01", "12-31"), "Wekelijkse ontmoetingsmiddagen voor dorpsbewoners die na de "
                 "versterking van hun huis in een nieuwe straat wonen.", start=50, verloop=verleend()),
    DemoAanvraag("Buurtkamer Beijum: koffie-ochtend voor ouderen", "buurtkamer-beijum", "bewonersinitiatief", "2400",
                 ("03-01", "12-31"), "Elke woensdag koffie en een praatje voor ouderen uit de buurt.", start=280,
                 verloop=verleend() + uitgevoerd(5) + afsluiten(60)),
    DemoAanvraag("Zomerfeest Ten Post", "dorpsbelangen-ten-boer", "bewonersinitiatief", "4200", ("06-27", "06-27"),
                 "Een dorpsfeest met spelletjes, muziek en een barbecue.", start=175,
                 verloop=verleend() + uitgevoerd(5) + afsluiten(30), wijk="Ten Post"),
    # --- geweigerd ---
    DemoAanvraag("Selwerd Festival", "bo-selwerd", "maatschappelijk-initiatief", "48000", ("08-29", "08-29"),
                 "Een eendaags muziekfestival in het Stadspark-Noord.", start=170,
                 verloop=geweigerd("Een eendaags festival draagt niet blijvend bij aan ontmoeting en onderlinge "
                                   "steun; daarvoor is de regeling niet bedoeld. Wij verwijzen naar het "
                                   "evenementenbudget.")),
    DemoAanvraag("Buurtdisco Hoornse Meer", "hoornse-meer", "bewonersinitiatief", "1800", ("11-28", "11-28"),
                 "Een discoavond in de gymzaal met entree van € 10.", start=40,
                 verloop=geweigerd("Met de entreeheffing zijn de kosten al gedekt; een bewonersinitiatief is "
                                   "bedoeld voor activiteiten die zonder bijdrage niet doorgaan.")),
    DemoAanvraag("Buurthuis De Korrel: nieuwe vloer grote zaal", "buurthuis-korrewegwijk", "onderhoud-accommodaties",
                 "18500", ("09-01", "10-31"), "Een nieuwe sportvloer in de grote zaal.", start=120,
                 verloop=geweigerd("Onderhoudssubsidie is er voor besturen die eigenaar zijn van hun gebouw. De "
                                   "Korrel huurt het pand; het onderhoud is aan de verhuurder.")),
    # --- buiten behandeling ---
    DemoAanvraag("Buurtbingo Vinkhuizen", "vinkhuizen-noord", "bewonersinitiatief", "600", ("10-10", "10-10"),
                 "Een bingoavond met prijzen van de winkeliers uit de buurt.", start=80,
                 verloop=indienen() + behandelen() + aanvulling("Stuur een begroting: waar gaat het geld naartoe?")
                 + (Stap(16, "buiten_behandeling_stellen", "behandelaar"),)),
    DemoAanvraag("Lewenborg Digitaal: computerles voor ouderen", "wijkraad-lewenborg", "maatschappelijk-initiatief",
                 "7800", ("10-01", "12-31"), "Computerles in het wijkcentrum: mailen, DigiD, videobellen.",
                 start=110,
                 verloop=indienen() + behandelen() + aanvulling("Stuur de offerte van de docent en de begroting.",
                                                                termijn=21)
                 + (Stap(23, "buiten_behandeling_stellen", "behandelaar"),)),
    # --- ingetrokken ---
    DemoAanvraag("Buurtkamer Beijum: filmavond", "buurtkamer-beijum", "bewonersinitiatief", "700",
                 ("10-17", "10-17"), "Een filmavond met een film over het oude Beijum.", start=60,
                 verloop=indienen() + intrekken("De zaal is die avond toch niet beschikbaar.")),
    DemoAanvraag("Cultuurmiddagen Thesinge", "dorpshuis-thesinge", "maatschappelijk-initiatief", "8600",
                 ("09-01", "12-31"), "Maandelijks een voorstelling of lezing in het dorpshuis.", start=130,
                 verloop=indienen() + behandelen() + intrekken("Een fonds betaalt de cultuurmiddagen al.")),
    DemoAanvraag("Zomerbarbecue Hoornse Meer", "hoornse-meer", "bewonersinitiatief", "900", ("08-15", "08-15"),
                 "Een barbecue op het grasveld voor de hele straat.", start=100,
                 verloop=intrekken("De buurt organiseert het zelf, zonder subsidie.", na=5)),
]
