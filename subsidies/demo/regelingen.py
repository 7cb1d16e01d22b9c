"""The demo's seven regelingen: what each is for, its legal basis, the begrotingspost and fondsbron it draws on, and
its plafonds per boekjaar. The other families' demos write their regelingen with the same GRONDSLAG and
ALLE_RECHTSPERSONEN. Assumptions are marked ASSUMPTION.
"""
from decimal import Decimal

from .begroting import RAMING, SOCIAAL_WERK_BUDGET, elk_jaar

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
