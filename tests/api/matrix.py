"""The API permission matrix as data: every API action against every role, and the status each role gets.

A row is (name, method, path as in the schema, object for {id}, actie, payload, expected per role in ROLES order);
an object or payload given as a string is built by that name by the World in tests/api/test_permission_matrix.py.
The core's rows live here; each request family keeps its rows in its own tests/<app>/matrix.py, next to the
objects they name, and MATRIX gathers them into the one table the tests run.
"""
import datetime as dt

from django.utils import timezone

from tests.accommodaties import matrix as accommodaties_matrix
from tests.api import meerjarig
from tests.bewonersorganisaties import matrix as bewonersorganisaties_matrix
from tests.initiatieven import matrix as initiatieven_matrix

ROLES = ("anoniem", "lid", "ander", "behandelaar", "beslisser", "auditor", "beheerder")
VANDAAG = timezone.localdate
JAAR = VANDAAG().year

ORGANISATIE = {"naam": "Speeltuinvereniging De Wilg", "rechtsvorm": "vereniging", "kvk_nummer": "40123456",
               "iban": "NL91ABNA0417164300", "postcode": "9741 AB", "plaats": "Groningen"}
BEGROTINGSJAAR = {"boekjaar": JAAR + 1, "vastgesteld_op": f"{JAAR}-11-10", "indexatie_percentage": "2.40"}
RAADSBESLUIT = "De raad stelde voor dit jaar minder beschikbaar (raadsbesluit over de begroting)."

CORE = [
    # Revoking one's own token: the current one needs a token login (force_authenticate has none), all of them not.
    ("token intrekken", "post", "/api/token/intrekken/", None, None, None, "401 400 400 400 400 400 400"),
    ("tokens alle intrekken", "post", "/api/token/alle-intrekken/", None, None, None, "401 200 200 200 200 200 200"),
    ("regelingen list", "get", "/api/regelingen/", None, None, None, "200 200 200 200 200 200 200"),
    ("regelingen retrieve", "get", "/api/regelingen/{id}/", "regeling", None, None, "200 200 200 200 200 200 200"),
    ("regelingen create", "post", "/api/regelingen/", None, None, {"code": "nieuw"}, "403 403 403 403 403 403 403"),
    ("regelingen update", "put", "/api/regelingen/{id}/", "regeling", None, {"code": "x"},
     "403 403 403 403 403 403 403"),

    ("organisaties list", "get", "/api/organisaties/", None, None, None, "401 200 200 200 200 200 200"),
    ("organisaties retrieve", "get", "/api/organisaties/{id}/", "organisatie", None, None,
     "401 200 404 200 200 200 200"),
    ("organisaties create", "post", "/api/organisaties/", None, None, ORGANISATIE, "401 201 201 201 201 403 201"),
    ("organisaties update", "put", "/api/organisaties/{id}/", "organisatie", None, ORGANISATIE,
     "401 200 404 200 200 403 200"),
    ("organisaties partial update", "patch", "/api/organisaties/{id}/", "organisatie", None,
     {"telefoon": "050 123 4567"}, "401 200 404 200 200 403 200"),

    ("aanvragen list", "get", "/api/aanvragen/", None, None, None, "401 200 200 200 200 200 200"),
    ("aanvragen create concept", "post", "/api/aanvragen/", None, None, "nieuwe_aanvraag",
     "401 201 400 201 201 403 201"),
    ("aanvragen retrieve", "get", "/api/aanvragen/{id}/", "concept", None, None, "401 200 404 200 200 200 200"),
    ("aanvragen update concept", "put", "/api/aanvragen/{id}/", "concept", None, "nieuwe_aanvraag",
     "401 200 404 200 200 403 200"),
    ("aanvragen partial update concept", "patch", "/api/aanvragen/{id}/", "concept", None, {"titel": "Anders"},
     "401 200 404 200 200 403 200"),
    ("aanvragen GET acties", "get", "/api/aanvragen/{id}/acties/", "concept", None, None,
     "401 200 404 200 200 200 200"),
    ("aanvragen GET documenten", "get", "/api/aanvragen/{id}/documenten/", "concept", None, None,
     "401 200 404 200 200 200 200"),
    ("aanvragen POST documenten", "post", "/api/aanvragen/{id}/documenten/", "concept", None, "document",
     "401 201 404 201 201 403 403"),
    ("documenten download", "get", "/api/documenten/{id}/download/", "opgeslagen_document", None, None,
     "401 200 404 200 200 200 200"),
    ("aanvragen indienen", "post", "/api/aanvragen/{id}/acties/{actie}/", "concept", "indienen", {},
     "401 200 404 200 200 403 403"),
    ("aanvragen intrekken", "post", "/api/aanvragen/{id}/acties/{actie}/", "ingediend", "intrekken", {},
     "401 200 404 403 403 403 403"),
    ("aanvragen in_behandeling_nemen", "post", "/api/aanvragen/{id}/acties/{actie}/", "ingediend",
     "in_behandeling_nemen", {}, "401 403 404 200 200 403 403"),
    ("aanvragen beslistermijn_verdagen", "post", "/api/aanvragen/{id}/acties/{actie}/", "ingediend",
     "beslistermijn_verdagen", {"weken": 4, "reden": "Advies van de wijkraad nodig."}, "401 403 404 200 200 403 403"),
    ("aanvragen aanvulling_vragen", "post", "/api/aanvragen/{id}/acties/{actie}/", "in_behandeling",
     "aanvulling_vragen", {"reden": "Stuur de begroting.", "termijn_tot": str(VANDAAG() + dt.timedelta(days=14))},
     "401 403 404 200 200 403 403"),
    ("aanvragen aanvulling_ontvangen", "post", "/api/aanvragen/{id}/acties/{actie}/", "aanvulling",
     "aanvulling_ontvangen", {}, "401 200 404 200 200 403 403"),
    ("aanvragen buiten_behandeling_stellen (term still running)", "post", "/api/aanvragen/{id}/acties/{actie}/",
     "aanvulling", "buiten_behandeling_stellen", {}, "401 403 404 409 409 403 403"),
    ("aanvragen verder_zonder_aanvulling (term still running)", "post", "/api/aanvragen/{id}/acties/{actie}/",
     "aanvulling", "verder_zonder_aanvulling", {}, "401 403 404 409 409 403 403"),
    ("aanvragen volledig_verklaren", "post", "/api/aanvragen/{id}/acties/{actie}/", "in_behandeling",
     "volledig_verklaren", {}, "401 403 404 200 200 403 403"),
    ("aanvragen besluit_voorstellen", "post", "/api/aanvragen/{id}/acties/{actie}/", "in_beoordeling",
     "besluit_voorstellen", {"uitkomst": "verlenen", "reden": "Past."}, "401 403 404 200 200 403 403"),
    ("aanvragen voorstel_terugsturen", "post", "/api/aanvragen/{id}/acties/{actie}/", "voorstel",
     "voorstel_terugsturen", {"reden": "Bedrag opnieuw bekijken."}, "401 403 404 200 200 403 403"),
    ("aanvragen verlenen", "post", "/api/aanvragen/{id}/acties/{actie}/", "voorstel", "verlenen", {},
     "401 403 404 200 200 403 403"),
    ("aanvragen verlenen above the four-eyes threshold", "post", "/api/aanvragen/{id}/acties/{actie}/",
     "voorstel_groot", "verlenen", {}, "401 403 404 403 200 403 403"),
    ("aanvragen weigeren", "post", "/api/aanvragen/{id}/acties/{actie}/", "voorstel_weigeren", "weigeren", {},
     "401 403 404 200 200 403 403"),
    # four-eyes: above the threshold (on the amount asked) a beslisser who did not propose refuses
    ("aanvragen weigeren above the four-eyes threshold", "post", "/api/aanvragen/{id}/acties/{actie}/",
     "voorstel_weigeren_groot", "weigeren", {}, "401 403 404 403 200 403 403"),
    ("aanvragen create meerjarig concept (continuation)", "post", "/api/aanvragen/", None, None,
     "nieuwe_meerjarige_aanvraag", "401 201 400 201 201 403 201"),
    ("aanvragen besluit_voorstellen meerjarig", "post", "/api/aanvragen/{id}/acties/{actie}/",
     "meerjarig_in_beoordeling", "besluit_voorstellen",
     {"uitkomst": "verlenen", "reden": "Past.", "jaarbedragen": {str(JAAR + 1): "90000.00", str(JAAR + 2): "95000.00"},
      "voorwaarden": {"indexeren": True, "voorschotschema": "maandelijks", "egalisatiereserve": True}},
     "401 403 404 200 200 403 403"),
    ("aanvragen verlenen meerjarig", "post", "/api/aanvragen/{id}/acties/{actie}/", "meerjarig_voorstel", "verlenen",
     {}, "401 403 404 200 200 403 403"),
    # the refusal ends the running subsidie with the notice term the behandelaar sets (Subsidie.beeindigen, 4:51)
    ("aanvragen weigeren continuation after 3+ years (notice term)", "post", "/api/aanvragen/{id}/acties/{actie}/",
     "voortzetting_weigeren", "weigeren", {"einde_boekjaar": JAAR + 2}, "401 403 404 200 200 403 403"),

    ("subsidies list", "get", "/api/subsidies/", None, None, None, "401 200 200 200 200 200 200"),
    ("subsidies retrieve", "get", "/api/subsidies/{id}/", "subsidie", None, None, "401 200 404 200 200 200 200"),
    ("subsidies create", "post", "/api/subsidies/", None, None, {}, "401 405 405 405 405 403 405"),
    ("subsidies update", "put", "/api/subsidies/{id}/", "subsidie", None, {}, "401 405 405 405 405 403 405"),
    ("subsidies GET acties", "get", "/api/subsidies/{id}/acties/", "subsidie", None, None,
     "401 200 404 200 200 200 200"),
    ("subsidies voorschot_betalen", "post", "/api/subsidies/{id}/acties/{actie}/", "subsidie", "voorschot_betalen",
     {"bedrag": "1000.00"}, "401 403 404 200 200 403 403"),
    ("subsidies verantwoording_vragen", "post", "/api/subsidies/{id}/acties/{actie}/", "subsidie",
     "verantwoording_vragen", {"uiterlijk": str(VANDAAG() + dt.timedelta(days=90))}, "401 403 404 200 200 403 403"),
    ("subsidies verantwoording_indienen", "post", "/api/subsidies/{id}/acties/{actie}/", "subsidie_gevraagd",
     "verantwoording_indienen", {"activiteitenverslag": "Gedaan.", "werkelijke_kosten": "12000.00"},
     "401 200 404 200 200 403 403"),
    ("subsidies verantwoording_terugsturen", "post", "/api/subsidies/{id}/acties/{actie}/", "subsidie_ingediend",
     "verantwoording_terugsturen", {"reden": "De kosten ontbreken."}, "401 403 404 200 200 403 403"),
    ("subsidies vaststellen", "post", "/api/subsidies/{id}/acties/{actie}/", "subsidie_ingediend", "vaststellen",
     {}, "401 403 404 200 200 403 403"),
    ("subsidies direct_vaststellen (amount too high)", "post", "/api/subsidies/{id}/acties/{actie}/", "subsidie",
     "direct_vaststellen", {}, "401 403 404 409 409 403 403"),
    ("subsidies verrekening_plannen", "post", "/api/subsidies/{id}/acties/{actie}/", "subsidie_saldo_open",
     "verrekening_plannen", {}, "401 403 404 200 200 403 403"),
    ("subsidies afsluiten", "post", "/api/subsidies/{id}/acties/{actie}/", "subsidie_verrekend", "afsluiten", {},
     "401 403 404 200 200 403 403"),
    ("subsidies intrekken", "post", "/api/subsidies/{id}/acties/{actie}/", "subsidie", "intrekken",
     {"reden": "Activiteit gaat niet door."}, "401 403 404 403 200 403 403"),
    ("subsidies beeindigen", "post", "/api/subsidies/{id}/acties/{actie}/", "meerjarig", "beeindigen",
     {"grond": "4:51", "einde_boekjaar": JAAR + 1, "reden": "Het beleid verschuift naar de wijkteams."},
     "401 403 404 200 200 403 403"),
    ("subsidies eindafrekening", "post", "/api/subsidies/{id}/acties/{actie}/", "meerjarig_afgerond",
     "eindafrekening", {}, "401 403 404 200 200 403 403"),
    ("subsidies GET reserve", "get", "/api/subsidies/{id}/reserve/", "meerjarig", None, None,
     "401 200 404 200 200 200 200"),

    ("tranches list", "get", "/api/tranches/", None, None, None, "401 200 200 200 200 200 200"),
    ("tranches retrieve", "get", "/api/tranches/{id}/", "tranche_gepland", None, None, "401 200 404 200 200 200 200"),
    ("tranches create", "post", "/api/tranches/", None, None, {}, "401 405 405 405 405 403 405"),
    ("tranches update", "put", "/api/tranches/{id}/", "tranche_gepland", None, {}, "401 405 405 405 405 403 405"),
    ("tranches GET acties", "get", "/api/tranches/{id}/acties/", "tranche_gepland", None, None,
     "401 200 404 200 200 200 200"),
    ("tranches definitief_maken", "post", "/api/tranches/{id}/acties/{actie}/", "tranche_te_bevestigen",
     "definitief_maken", {}, "401 403 404 200 200 403 403"),
    ("tranches voorbehoud_inroepen", "post", "/api/tranches/{id}/acties/{actie}/", "tranche_voorbehoud",
     "voorbehoud_inroepen", {"bedrag": "60000.00", "reden": RAADSBESLUIT}, "401 403 404 403 200 403 403"),
    ("tranches werkplan_indienen", "post", "/api/tranches/{id}/acties/{actie}/", "tranche_definitief",
     "werkplan_indienen", {"werkplan": "Inloop en huisbezoeken.", "doelen": meerjarig.DOELEN},
     "401 200 404 200 200 403 403"),
    ("tranches werkplan_terugsturen", "post", "/api/tranches/{id}/acties/{actie}/", "tranche_werkplan",
     "werkplan_terugsturen", {"reden": "Maak de doelen meetbaar."}, "401 403 404 200 200 403 403"),
    ("tranches werkplan_goedkeuren", "post", "/api/tranches/{id}/acties/{actie}/", "tranche_werkplan",
     "werkplan_goedkeuren", {}, "401 403 404 200 200 403 403"),
    ("tranches jaarverantwoording_indienen", "post", "/api/tranches/{id}/acties/{actie}/", "tranche_lopend",
     "jaarverantwoording_indienen",
     {"activiteitenverslag": "Gedaan.", "werkelijke_kosten": "99000.00", "eigen_inkomsten": "3000.00",
      "resultaten": meerjarig.RESULTATEN}, "401 200 404 200 200 403 403"),
    ("tranches verantwoording_terugsturen", "post", "/api/tranches/{id}/acties/{actie}/", "tranche_verantwoord",
     "verantwoording_terugsturen", {"reden": "De resultaten ontbreken."}, "401 403 404 200 200 403 403"),
    ("tranches vaststellen", "post", "/api/tranches/{id}/acties/{actie}/", "tranche_verantwoord", "vaststellen", {},
     "401 403 404 200 200 403 403"),
    ("tranches vervallen", "post", "/api/tranches/{id}/acties/{actie}/", "tranche_gepland", "vervallen",
     {"reden": "De activiteit stopt."}, "401 403 404 200 200 403 403"),

    ("betalingen list", "get", "/api/betalingen/", None, None, None, "401 200 200 200 200 200 200"),
    ("betalingen retrieve", "get", "/api/betalingen/{id}/", "betaling", None, None, "401 200 404 200 200 200 200"),
    ("betalingen create", "post", "/api/betalingen/", None, None, {}, "401 405 405 405 405 403 405"),
    ("betalingen update", "put", "/api/betalingen/{id}/", "betaling", None, {}, "401 405 405 405 405 403 405"),
    ("betalingen GET acties", "get", "/api/betalingen/{id}/acties/", "betaling", None, None,
     "401 200 404 200 200 200 200"),
    ("betalingen uitvoeren", "post", "/api/betalingen/{id}/acties/{actie}/", "betaling", "uitvoeren", {},
     "401 403 404 200 200 403 403"),
    ("betalingen annuleren", "post", "/api/betalingen/{id}/acties/{actie}/", "betaling", "annuleren",
     {"reden": "Dubbel."}, "401 403 404 200 200 403 403"),
    ("betalingen betaalrun", "post", "/api/betalingen/betaalrun/", None, None, {}, "401 403 403 200 200 403 403"),

    ("beschikkingen list", "get", "/api/beschikkingen/", None, None, None, "401 200 200 200 200 200 200"),
    ("beschikkingen retrieve", "get", "/api/beschikkingen/{id}/", "beschikking", None, None,
     "401 200 404 200 200 200 200"),
    ("beschikkingen create", "post", "/api/beschikkingen/", None, None, {}, "401 405 405 405 405 403 405"),
    ("beschikkingen update", "put", "/api/beschikkingen/{id}/", "beschikking", None, {},
     "401 405 405 405 405 403 405"),

    # an officer declares their own ties and sees only those; nobody removes one through the API
    ("belangenverklaringen list", "get", "/api/belangenverklaringen/", None, None, None,
     "401 403 403 200 200 403 403"),
    ("belangenverklaringen create", "post", "/api/belangenverklaringen/", None, None, "nieuwe_belangenverklaring",
     "401 403 403 201 201 403 403"),
    ("belangenverklaringen retrieve (the behandelaar's own)", "get", "/api/belangenverklaringen/{id}/",
     "belangenverklaring", None, None, "401 403 403 200 404 403 403"),

    ("begroting list", "get", "/api/begroting/", None, None, None, "401 403 403 200 200 200 200"),
    ("begroting create", "post", "/api/begroting/", None, None, {}, "401 403 403 403 403 403 403"),
    ("begroting meerjarenraming", "get", "/api/begroting/meerjarenraming/", None, None, None,
     "401 403 403 200 200 200 200"),

    ("begrotingsjaren list", "get", "/api/begrotingsjaren/", None, None, None, "401 403 403 200 200 200 200"),
    ("begrotingsjaren retrieve", "get", "/api/begrotingsjaren/{boekjaar}/", "begrotingsjaar", None, None,
     "401 403 403 200 200 200 200"),
    ("begrotingsjaren create", "post", "/api/begrotingsjaren/", None, None, {**BEGROTINGSJAAR, "boekjaar": JAAR + 5},
     "401 403 403 403 403 403 201"),
    ("begrotingsjaren update", "put", "/api/begrotingsjaren/{boekjaar}/", "begrotingsjaar", None, BEGROTINGSJAAR,
     "401 403 403 403 403 403 200"),
    ("begrotingsjaren partial update", "patch", "/api/begrotingsjaren/{boekjaar}/", "begrotingsjaar", None,
     {"indexatie_percentage": "3.10"}, "401 403 403 403 403 403 200"),

    ("audittrail list", "get", "/api/audittrail/", None, None, None, "401 403 403 403 403 200 200"),
    ("audittrail retrieve", "get", "/api/audittrail/{volgnummer}/", "auditrecord", None, None,
     "401 403 403 403 403 200 200"),
    ("audittrail create", "post", "/api/audittrail/", None, None, {}, "401 403 403 403 403 403 403"),
    ("audittrail update", "put", "/api/audittrail/{volgnummer}/", "auditrecord", None, {},
     "401 403 403 403 403 403 403"),
]

# the one place that lists the families: a family that adds endpoints adds its rows here
MATRIX = [*CORE, *accommodaties_matrix.ROWS, *bewonersorganisaties_matrix.ROWS, *initiatieven_matrix.ROWS]
