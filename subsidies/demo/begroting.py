"""The money side of the demo: the gebieden its budgets and requests are placed in, the boekjaren and the council's
budgets for them, and the fondsbronnen, begrotingsposten and budgets per boekjaar (gemeente, gebiedsbudget, SPUK).

Figures are the nota Sociale Basis fase 2 (2023) as quoted in DESIGN §6. Assumptions are marked ASSUMPTION.
`regelingen` draws its plafonds from these figures; `builder` creates them all.
"""
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


# The council adopts next year's budget in early or mid November, with the loon- en prijscompensatie for it.
# 2027 was adopted on 4 November 2026: on 23 November 2026 its tranches are still within the four weeks of the
# begrotingsvoorbehoud (Awb 4:34), and 2028 and later are the meerjarenraming, not adopted at all.
BEGROTINGSJAREN = [  # boekjaar, vastgesteld op, loon- en prijscompensatie (%)
    (2023, "2022-11-09", "4.60"),
    (2024, "2023-11-08", "3.10"),
    (2025, "2024-11-06", "2.80"),
    (2026, "2025-11-12", "2.50"),
    (2027, "2026-11-04", "2.20"),
]

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
# growing with the loon- en prijscompensatie (`BEGROTINGSJAREN`), flat in the raming.
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
