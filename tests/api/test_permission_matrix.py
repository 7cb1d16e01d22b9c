"""Who may call what: every API action against every role, as one table.

Columns: anonymous, an aanvrager who is a member of the organisation (lid), an aanvrager of another organisation
(ander), behandelaar, beslisser, auditor, beheerder. An applicant never learns that another organisation's data
exists (404, absent from lists); an auditor reads everything and changes nothing; an anonymous caller is asked to
log in (401) except for the public regelingen. A completeness test keeps the table in step with the schema.
"""
import datetime as dt
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone
from drf_spectacular.generators import SchemaGenerator
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from subsidies.rollen import Rol
from tests.accommodaties import matrix as accommodaties_matrix
from tests.api import assert_error, client_for, meerjarig
from tests.bewonersorganisaties import matrix as bewonersorganisaties_matrix
from tests.factories import (
    AanvraagFactory, BegrotingsjaarFactory, OrganisatieFactory, PlafondFactory, breng_naar, maak_gebruiker,
)
from tests.initiatieven import matrix as initiatieven_matrix
from workflows.models import AuditRecord
from workflows.transitions import perform

ROLES = ("anoniem", "lid", "ander", "behandelaar", "beslisser", "auditor", "beheerder")
VANDAAG = timezone.localdate
JAAR = VANDAAG().year

ORGANISATIE = {"naam": "Speeltuinvereniging De Wilg", "rechtsvorm": "vereniging", "kvk_nummer": "40123456",
               "iban": "NL91ABNA0417164300", "postcode": "9741 AB", "plaats": "Groningen"}
AANVRAAG = {"titel": "Zomerfeest", "omschrijving": "Een middag voor de hele buurt.", "gevraagd_bedrag": "2500.00",
            "periode_van": f"{JAAR}-06-01", "periode_tot": f"{JAAR}-06-30"}
BEGROTINGSJAAR = {"boekjaar": JAAR + 1, "vastgesteld_op": f"{JAAR}-11-10", "indexatie_percentage": "2.40"}
RAADSBESLUIT = "De raad stelde voor dit jaar minder beschikbaar (raadsbesluit over de begroting)."

# name, method, path as in the schema, object for {id}, actie, payload, expected per role (in ROLES order)
MATRIX = [
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

    ("accommodaties list", "get", "/api/accommodaties/", None, None, None, "401 200 200 200 200 200 200"),
    ("accommodaties retrieve", "get", "/api/accommodaties/{id}/", "accommodatie", None, None,
     "401 200 404 200 200 200 200"),
    ("accommodaties create", "post", "/api/accommodaties/", None, None, "nieuwe_accommodatie",
     "401 403 403 201 403 403 201"),
    ("accommodaties update", "put", "/api/accommodaties/{id}/", "accommodatie", None, "nieuwe_accommodatie",
     "401 403 403 200 403 403 200"),
    ("accommodaties partial update", "patch", "/api/accommodaties/{id}/", "accommodatie", None,
     {"gebruikers_per_week": 520}, "401 403 403 200 403 403 200"),

    ("exploitatiebegrotingen list", "get", "/api/exploitatiebegrotingen/", None, None, None,
     "401 200 200 200 200 200 200"),
    ("exploitatiebegrotingen create", "post", "/api/exploitatiebegrotingen/", None, None,
     "nieuwe_exploitatiebegroting", "401 201 400 201 201 403 201"),
    ("exploitatiebegrotingen retrieve", "get", "/api/exploitatiebegrotingen/{id}/", "begroting_concept", None, None,
     "401 200 404 200 200 200 200"),
    ("exploitatiebegrotingen update concept", "put", "/api/exploitatiebegrotingen/{id}/", "begroting_concept", None,
     "nieuwe_exploitatiebegroting", "401 200 404 200 200 403 200"),
    ("exploitatiebegrotingen partial update concept", "patch", "/api/exploitatiebegrotingen/{id}/",
     "begroting_concept", None, {"toelichting": "Met de nieuwe huurprijs."}, "401 200 404 200 200 403 200"),
    ("exploitatiebegrotingen GET acties", "get", "/api/exploitatiebegrotingen/{id}/acties/", "begroting_concept",
     None, None, "401 200 404 200 200 200 200"),
    ("exploitatiebegrotingen indienen", "post", "/api/exploitatiebegrotingen/{id}/acties/{actie}/",
     "begroting_concept", "indienen", {}, "401 200 404 200 200 403 403"),
    ("exploitatiebegrotingen goedkeuren", "post", "/api/exploitatiebegrotingen/{id}/acties/{actie}/",
     "begroting_ingediend", "goedkeuren", {}, "401 403 404 200 200 403 403"),
    ("exploitatiebegrotingen afkeuren", "post", "/api/exploitatiebegrotingen/{id}/acties/{actie}/",
     "begroting_ingediend", "afkeuren", {"reden": "De energiekosten ontbreken."}, "401 403 404 200 200 403 403"),

    ("onderhoudsposten list", "get", "/api/onderhoudsposten/", None, None, None, "401 200 200 200 200 200 200"),
    ("onderhoudsposten create", "post", "/api/onderhoudsposten/", None, None, "nieuwe_onderhoudspost",
     "401 201 400 201 201 403 201"),
    ("onderhoudsposten retrieve", "get", "/api/onderhoudsposten/{id}/", "onderhoudspost", None, None,
     "401 200 404 200 200 200 200"),
    ("onderhoudsposten update", "put", "/api/onderhoudsposten/{id}/", "onderhoudspost", None,
     "nieuwe_onderhoudspost", "401 200 404 200 200 403 200"),
    ("onderhoudsposten partial update", "patch", "/api/onderhoudsposten/{id}/", "onderhoudspost", None,
     {"geraamde_kosten": "15000.00"}, "401 200 404 200 200 403 200"),
    ("onderhoudsposten destroy", "delete", "/api/onderhoudsposten/{id}/", "onderhoudspost", None, None,
     "401 204 404 204 204 403 204"),

    ("accommodatiegegevens list", "get", "/api/accommodatiegegevens/", None, None, None,
     "401 200 200 200 200 200 200"),
    ("accommodatiegegevens create", "post", "/api/accommodatiegegevens/", None, None, "nieuwe_accommodatiegegevens",
     "401 201 400 201 201 403 201"),
    ("accommodatiegegevens retrieve", "get", "/api/accommodatiegegevens/{id}/", "accommodatiegegevens", None, None,
     "401 200 404 200 200 200 200"),
    ("accommodatiegegevens update concept", "put", "/api/accommodatiegegevens/{id}/", "accommodatiegegevens", None,
     "nieuwe_accommodatiegegevens", "401 200 404 200 200 403 200"),
    ("accommodatiegegevens partial update concept", "patch", "/api/accommodatiegegevens/{id}/",
     "accommodatiegegevens", None, {"onderhoudsposten": []}, "401 200 404 200 200 403 200"),
    ("bewonersorganisaties list", "get", "/api/bewonersorganisaties/", None, None, None,
     "401 200 200 200 200 200 200"),
    ("bewonersorganisaties retrieve", "get", "/api/bewonersorganisaties/{id}/", "bewonersorganisatie", None, None,
     "401 200 200 200 200 200 200"),  # a public register
    ("bewonersorganisaties create", "post", "/api/bewonersorganisaties/", None, None, "nieuwe_bewonersorganisatie",
     "401 403 403 201 403 403 201"),
    ("bewonersorganisaties update", "put", "/api/bewonersorganisaties/{id}/", "bewonersorganisatie", None,
     "bewonersorganisatie_gewijzigd", "401 403 403 200 403 403 200"),
    ("bewonersorganisaties partial update", "patch", "/api/bewonersorganisaties/{id}/", "bewonersorganisatie", None,
     {"aantal_bewoners": 5200}, "401 403 403 200 403 403 200"),
    ("initiatieven list", "get", "/api/initiatieven/", None, None, None, "401 200 200 200 200 200 200"),
    ("initiatieven create", "post", "/api/initiatieven/", None, None, "nieuw_initiatief",
     "401 201 400 201 201 403 201"),
    ("initiatieven retrieve", "get", "/api/initiatieven/{id}/", "initiatief", None, None,
     "401 200 404 200 200 200 200"),
    ("initiatieven update concept", "put", "/api/initiatieven/{id}/", "initiatief", None, "initiatief_gewijzigd",
     "401 200 404 200 200 403 200"),
    ("initiatieven partial update concept", "patch", "/api/initiatieven/{id}/", "initiatief", None,
     {"locatie": "Wijkcentrum"}, "401 200 404 200 200 403 200"),
    ("adviesaanvragen list", "get", "/api/adviesaanvragen/", None, None, None, "401 200 200 200 200 200 200"),
    ("adviesaanvragen create", "post", "/api/adviesaanvragen/", None, None, "nieuwe_adviesaanvraag",
     "401 403 403 201 201 403 403"),
    ("adviesaanvragen adviseurs", "get", "/api/adviesaanvragen/adviseurs/", None, None, "adviseurs_vraag",
     "401 403 403 200 200 403 403"),
    ("adviesaanvragen retrieve", "get", "/api/adviesaanvragen/{id}/", "adviesaanvraag", None, None,
     "401 200 404 200 200 200 200"),
    ("adviesaanvragen GET acties", "get", "/api/adviesaanvragen/{id}/acties/", "adviesaanvraag", None, None,
     "401 200 404 200 200 200 200"),
    ("adviesaanvragen uitbrengen (registered by staff)", "post", "/api/adviesaanvragen/{id}/acties/{actie}/",
     "adviesaanvraag", "uitbrengen", {"advies": "Positief."}, "401 403 404 200 200 403 403"),
    ("adviesaanvragen verlopen", "post", "/api/adviesaanvragen/{id}/acties/{actie}/", "adviesaanvraag_verlopen",
     "verlopen", {}, "401 403 404 200 200 403 403"),
    ("adviesaanvragen intrekken", "post", "/api/adviesaanvragen/{id}/acties/{actie}/", "adviesaanvraag",
     "intrekken", {"reden": "Niet meer nodig."}, "401 403 404 200 200 403 403"),
    ("bereik list", "get", "/api/bereik/", None, None, None, "401 200 200 200 200 200 200"),
    ("bereik create", "post", "/api/bereik/", None, None, "nieuw_bereik", "401 201 400 201 201 403 201"),
    ("bereik retrieve", "get", "/api/bereik/{id}/", "bereik", None, None, "401 200 404 200 200 200 200"),
    ("bereik update", "put", "/api/bereik/{id}/", "bereik", None, "nieuw_bereik", "401 200 404 200 200 403 200"),
    ("bereik partial update", "patch", "/api/bereik/{id}/", "bereik", None, {"vrijwilligers": 10},
     "401 200 404 200 200 403 200"),
    ("themas list", "get", "/api/themas/", None, None, None, "200 200 200 200 200 200 200"),
    ("gezondheidsdimensies list", "get", "/api/gezondheidsdimensies/", None, None, None,
     "200 200 200 200 200 200 200"),
    ("monitoring initiatieven", "get", "/api/monitoring/initiatieven/", None, None, None,
     "401 403 403 200 200 200 200"),
]


class World:
    """The actors, and objects in the states the table needs — each built on first use only."""

    def __init__(self):
        self.users = {role: maak_gebruiker(role) for role in (Rol.BEHANDELAAR, Rol.BESLISSER, Rol.AUDITOR,
                                                               Rol.BEHEERDER)}
        self.users.update(lid=maak_gebruiker(Rol.AANVRAGER), ander=maak_gebruiker(Rol.AANVRAGER), anoniem=None)
        self.organisatie = OrganisatieFactory(leden=[self.users["lid"]])
        OrganisatieFactory(leden=[self.users["ander"]])
        self.regeling = PlafondFactory().regeling
        # colleagues who walk requests forward, so the acting behandelaar/beslisser is never the proposer
        self.collega = {"aanvrager": self.users["lid"], "behandelaar": maak_gebruiker(Rol.BEHANDELAAR),
                        "beslisser": maak_gebruiker(Rol.BESLISSER)}
        self._cache = {}

    def get(self, name: str):
        if name not in self._cache:
            self._cache[name] = getattr(self, f"_{name}")() if hasattr(self, f"_{name}") else getattr(self, name)
        return self._cache[name]

    def aanvraag(self, status=None, **fields):
        aanvraag = AanvraagFactory(organisatie=self.organisatie, regeling=self.regeling, **fields)
        return breng_naar(aanvraag, status, **self.collega) if status else aanvraag

    def _nieuwe_aanvraag(self):
        return {"regeling": self.regeling.pk, "organisatie": self.organisatie.pk, **AANVRAAG}

    def _document(self):
        return {"omschrijving": "Begroting", "bestand": SimpleUploadedFile("begroting.pdf", b"%PDF-1.4 demo")}

    def _concept(self):
        return self.aanvraag()

    def _ingediend(self):
        return self.aanvraag("ingediend")

    def _in_behandeling(self):
        return self.aanvraag("in_behandeling")

    def _aanvulling(self):
        return perform(self.aanvraag("in_behandeling"), "aanvulling_vragen", self.collega["behandelaar"],
                       reden="Stuur de begroting.", termijn_tot=VANDAAG() + dt.timedelta(days=14))

    def _in_beoordeling(self):
        return self.aanvraag("in_beoordeling")

    def _voorstel(self):
        return self.aanvraag("besluit_voorgesteld")

    def _voorstel_groot(self):
        return self.aanvraag("besluit_voorgesteld", gevraagd_bedrag=Decimal("30000.00"))

    def _voorstel_weigeren(self):
        return perform(self.aanvraag("in_beoordeling"), "besluit_voorstellen", self.collega["behandelaar"],
                       uitkomst="weigeren", reden="Past niet in de regeling.")

    def _subsidie(self):
        return self.aanvraag("verleend").subsidie

    def _subsidie_gevraagd(self):
        return perform(self.get("subsidie"), "verantwoording_vragen", self.collega["behandelaar"],
                       uiterlijk=VANDAAG() + dt.timedelta(days=90))

    def _subsidie_ingediend(self):
        return perform(self.get("subsidie_gevraagd"), "verantwoording_indienen", self.users["lid"],
                       activiteitenverslag="Gedaan.", werkelijke_kosten=Decimal("12000.00"))

    def _subsidie_verrekend(self):
        """Small, so settled at verlening; its saldo payment is made, so it can be closed."""
        subsidie = self.aanvraag("verleend", gevraagd_bedrag=Decimal("4000.00")).subsidie
        perform(subsidie.betalingen.get(), "uitvoeren", self.collega["behandelaar"])
        return subsidie

    def _subsidie_saldo_open(self):
        """Settled, but its saldo payment was cancelled: the settlement has to be planned again."""
        subsidie = self.aanvraag("verleend", gevraagd_bedrag=Decimal("4000.00")).subsidie
        perform(subsidie.betalingen.get(), "annuleren", self.collega["behandelaar"], reden="Verkeerd rekeningnummer.")
        return subsidie

    def _betaling(self):
        subsidie = perform(self.get("subsidie"), "voorschot_betalen", self.collega["behandelaar"],
                           bedrag=Decimal("3000.00"))
        return subsidie.betalingen.get()

    def _beschikking(self):
        return self.get("voorstel_weigeren") and perform(self.get("voorstel_weigeren"), "weigeren",
                                                         self.collega["behandelaar"]).beschikkingen.get()

    def _auditrecord(self):
        return AuditRecord.objects.filter(object_id=str(self.organisatie.pk)).first()

    # --- the multi-year path: a structural subsidie from two years ago up to next year, and requests ----------
    def _meerjarige_regeling(self):
        return meerjarig.regeling()

    def _meerjarig(self):
        return meerjarig.subsidie(self.get("meerjarige_regeling"), self.organisatie, range(JAAR - 2, JAAR + 2),
                                  actors=self.collega)

    def _meerjarig_afgerond(self):
        """Two years: the first settled, the second lapsed, so the whole can be settled."""
        subsidie = meerjarig.subsidie(self.get("meerjarige_regeling"), self.organisatie, [JAAR - 2, JAAR - 1],
                                      actors=self.collega)
        meerjarig.tranche(subsidie, JAAR - 2, "vastgesteld", actors=self.collega)
        perform(subsidie.tranches.get(boekjaar=JAAR - 1), "vervallen", self.collega["behandelaar"],
                reden="De activiteit is gestopt.")
        return subsidie

    def _tranche(self, boekjaar: int, status: str = "gepland"):
        return meerjarig.tranche(self.get("meerjarig"), boekjaar, status, actors=self.collega)

    def _tranche_gepland(self):
        return self._tranche(JAAR + 1)

    def _tranche_te_bevestigen(self):
        return self._tranche(JAAR)

    def _tranche_voorbehoud(self):
        """Next year's budget was adopted yesterday: the begrotingsvoorbehoud can still be invoked (Awb 4:34)."""
        BegrotingsjaarFactory(boekjaar=JAAR + 1, vastgesteld_op=VANDAAG() - dt.timedelta(days=1))
        return self._tranche(JAAR + 1)

    def _tranche_definitief(self):
        return self._tranche(JAAR, "definitief")

    def _tranche_werkplan(self):
        return self._tranche(JAAR, "werkplan_ingediend")

    def _tranche_lopend(self):
        return self._tranche(JAAR - 1, "lopend")

    def _tranche_verantwoord(self):
        return self._tranche(JAAR - 1, "verantwoord")

    def _meerjarig_in_beoordeling(self):
        return meerjarig.aanvraag(self.get("meerjarige_regeling"), self.organisatie, [JAAR + 1, JAAR + 2],
                                  "in_beoordeling", actors=self.collega)

    def _meerjarig_voorstel(self):
        return perform(self.get("meerjarig_in_beoordeling"), "besluit_voorstellen", self.collega["behandelaar"],
                       uitkomst="verlenen", reden="Past binnen de regeling.")

    def _voortzetting_weigeren(self):
        """A request to continue the structural subsidie after its last year, proposed to be refused."""
        vorige = self.get("meerjarig")
        aanvraag = meerjarig.aanvraag(vorige.regeling, self.organisatie, [JAAR + 2, JAAR + 3], "in_beoordeling",
                                      actors=self.collega, voortzetting_van=vorige)
        return perform(aanvraag, "besluit_voorstellen", self.collega["behandelaar"], uitkomst="weigeren",
                       reden="Het beleid verschuift naar de wijkteams.")

    def _nieuwe_meerjarige_aanvraag(self):
        return {**self.get("nieuwe_aanvraag"), "regeling": self.get("meerjarige_regeling").pk,
                "periode_van": f"{JAAR + 2}-01-01", "periode_tot": f"{JAAR + 3}-12-31", "gevraagd_bedrag": "200000.00",
                "werkplan": "Inloop en huisbezoeken.", "voortzetting_van": self.get("meerjarig").pk,
                "jaarbedragen": [{"boekjaar": JAAR + 2, "gevraagd_bedrag": "100000.00"},
                                 {"boekjaar": JAAR + 3, "gevraagd_bedrag": "100000.00"}]}

    # --- the accommodation families (tests/accommodaties/matrix.py) ------------------------------------------
    def _accommodatie(self):
        return accommodaties_matrix.accommodatie(self)

    def _nieuwe_accommodatie(self):
        return accommodaties_matrix.nieuwe_accommodatie(self)

    def _begroting_concept(self):
        return accommodaties_matrix.begroting(self)

    def _begroting_ingediend(self):
        return accommodaties_matrix.begroting(self, "ingediend")

    def _nieuwe_exploitatiebegroting(self):
        return accommodaties_matrix.nieuwe_exploitatiebegroting(self)

    def _onderhoudspost(self):
        return accommodaties_matrix.onderhoudspost(self)

    def _nieuwe_onderhoudspost(self):
        return accommodaties_matrix.nieuwe_onderhoudspost(self)

    def _accommodatiegegevens(self):
        return accommodaties_matrix.accommodatiegegevens(self)

    def _nieuwe_accommodatiegegevens(self):
        return accommodaties_matrix.nieuwe_accommodatiegegevens(self)

    def _bewonersorganisatie(self):
        return bewonersorganisaties_matrix.bewonersorganisatie(self)

    def _nieuwe_bewonersorganisatie(self):
        return bewonersorganisaties_matrix.nieuwe_bewonersorganisatie(self)

    def _bewonersorganisatie_gewijzigd(self):
        return bewonersorganisaties_matrix.bewonersorganisatie_gewijzigd(self)

    # --- the initiatieven family (tests/initiatieven/matrix.py) ----------------------------------------------
    def _initiatief_regeling(self):
        return initiatieven_matrix.regeling(self)

    def _initiatief(self):
        return initiatieven_matrix.initiatief(self)

    def _nieuw_initiatief(self):
        return initiatieven_matrix.nieuw_initiatief(self)

    def _initiatief_gewijzigd(self):
        return initiatieven_matrix.initiatief_gewijzigd(self)

    def _initiatief_in_behandeling(self):
        return initiatieven_matrix.in_behandeling(self)

    def _gebiedsteam(self):
        return initiatieven_matrix.gebiedsteam(self)

    def _adviesaanvraag(self):
        return initiatieven_matrix.adviesaanvraag(self)

    def _adviesaanvraag_verlopen(self):
        return initiatieven_matrix.adviesaanvraag(self, verlopen=True)

    def _nieuwe_adviesaanvraag(self):
        return initiatieven_matrix.nieuwe_adviesaanvraag(self)

    def _adviseurs_vraag(self):
        return {"aanvraag": self.get("initiatief_in_behandeling").pk}

    def _bereik_subsidie(self):
        return initiatieven_matrix.bereik_subsidie(self)

    def _nieuw_bereik(self):
        return initiatieven_matrix.nieuw_bereik(self)

    def _bereik(self):
        return initiatieven_matrix.bereik(self)

    def _begrotingsjaar(self):
        return BegrotingsjaarFactory(boekjaar=JAAR + 1, vastgesteld_op=None)


def _call(client, method: str, path: str, payload):
    """One request whose effects are rolled back, so every role meets the same world."""
    files = [value for value in (payload or {}).values() if hasattr(value, "seek")] if isinstance(payload, dict) else []
    for upload in files:
        upload.seek(0)  # every role sends the same file again
    with transaction.atomic():
        response = getattr(client, method)(path, payload, format="multipart" if files else "json")
        transaction.set_rollback(True)
    return response


@pytest.mark.parametrize(("name", "method", "path", "obj", "actie", "payload", "expected"), MATRIX,
                         ids=[row[0] for row in MATRIX])
def test_permission_matrix(db, name, method, path, obj, actie, payload, expected):
    world = World()
    target = world.get(obj) if obj else None
    url = path.format(id=getattr(target, "pk", None), volgnummer=getattr(target, "volgnummer", None),
                      boekjaar=getattr(target, "boekjaar", None), actie=actie)
    body = world.get(payload) if isinstance(payload, str) else payload
    client = APIClient()
    actual = {}
    for role in ROLES:
        client.force_authenticate(world.users[role])
        actual[role] = _call(client, method, url, body)
    for response in actual.values():
        if response.status_code >= 400:
            assert_error(response, response.status_code)
    assert {role: r.status_code for role, r in actual.items()} == dict(zip(ROLES, map(int, expected.split())))


def test_the_matrix_covers_every_operation_and_action_in_the_schema():
    schema = SchemaGenerator().get_schema(request=None, public=True)
    in_schema = set()
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            acties = next((p["schema"]["enum"] for p in operation.get("parameters", [])
                           if (p["in"], p["name"]) == ("path", "actie")), [None])
            in_schema |= {(method, path, actie) for actie in acties}
    in_matrix = {(method, path, actie) for _, method, path, _, actie, _, _ in MATRIX}
    in_matrix |= {("patch", path, None) for _, method, path, _, _, _, _ in MATRIX if method == "put"
                  and path.startswith(("/api/regelingen", "/api/subsidies", "/api/betalingen", "/api/beschikkingen",
                                       "/api/audittrail", "/api/tranches"))}
    assert in_schema - in_matrix == {("post", "/api/token/", None)}


def test_auditor_is_refused_every_write_in_the_schema(db):
    """Not only the table: any operation that is not a read answers 403 to an auditor, whatever it is."""
    world = World()
    ids = {"id": world.get("concept").pk, "volgnummer": world.get("auditrecord").volgnummer,
           "boekjaar": world.get("begrotingsjaar").boekjaar, "actie": "indienen"}
    schema = SchemaGenerator().get_schema(request=None, public=True)
    writes = [(method, path) for path, operations in schema["paths"].items() for method in operations
              if method not in ("get", "head", "options") and path != "/api/token/"]
    assert len(writes) >= 9
    client = client_for(world.users[Rol.AUDITOR])
    for method, path in writes:
        response = _call(client, method, path.format(**ids), {})
        assert_error(response, 403, "geen_toestemming")


LIJSTEN = ["organisaties", "aanvragen", "subsidies", "betalingen", "beschikkingen", "tranches"]


@pytest.mark.parametrize("resource", LIJSTEN)
def test_lists_show_applicants_only_their_own_organisations_data(db, resource):
    world = World()
    eigen = world.get("betaling")  # builds a request, subsidie, betaling and beschikking of the lid's organisation
    vreemd = OrganisatieFactory()
    AanvraagFactory(organisatie=vreemd)
    subsidie = breng_naar(AanvraagFactory(organisatie=vreemd), "verleend").subsidie
    perform(subsidie, "voorschot_betalen", world.collega["behandelaar"], bedrag=Decimal("500.00"))
    assert eigen.subsidie.aanvraag.organisatie == world.organisatie
    if resource == "tranches":
        world.get("meerjarig")
        meerjarig.subsidie(world.get("meerjarige_regeling"), vreemd, [JAAR, JAAR + 1],
                           actors={**world.collega, "aanvrager": None})

    client = APIClient()

    def ids(role):
        client.force_authenticate(world.users[role])
        response = client.get(f"/api/{resource}/", {"page_size": 200})
        assert response.status_code == 200
        return {row["id"] for row in response.json()["results"]}

    alles, van_lid = ids(Rol.BEHANDELAAR), ids("lid")
    assert van_lid and van_lid < alles
    assert ids("ander").isdisjoint(van_lid)
    assert ids(Rol.AUDITOR) == ids(Rol.BEHEERDER) == alles


def test_token_authentication(db):
    world = World()
    token = Token.objects.create(user=world.users[Rol.BEHANDELAAR])
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    assert client.get("/api/begroting/").status_code == 200
    client.credentials(HTTP_AUTHORIZATION="Token onzin")
    assert_error(client.get("/api/begroting/"), 401, "niet_ingelogd")
    anonymous = APIClient().get("/api/begroting/")
    assert_error(anonymous, 401, "niet_ingelogd")
    assert anonymous["WWW-Authenticate"] == "Token"


def test_token_is_issued_for_username_and_password(db):
    user = maak_gebruiker(Rol.AANVRAGER, username="marleen")
    user.set_password("een-lang-wachtwoord")
    user.save()
    response = APIClient().post("/api/token/", {"username": "marleen", "password": "een-lang-wachtwoord"},
                                format="json")
    assert response.status_code == 200
    assert response.json()["token"] == Token.objects.get(user=user).key
    assert_error(APIClient().post("/api/token/", {"username": "marleen", "password": "fout"}, format="json"), 400)


def test_session_authentication_needs_the_csrf_token_for_writes(db):
    world = World()
    concept = world.get("concept")
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(world.users["lid"])
    assert client.get(f"/api/aanvragen/{concept.pk}/").status_code == 200
    url = f"/api/aanvragen/{concept.pk}/"
    assert_error(client.patch(url, {"titel": "Zonder token"}, format="json"), 403, "geen_toestemming")
    csrf = client.get("/admin/login/").cookies["csrftoken"].value
    response = client.patch(url, {"titel": "Met token"}, format="json", HTTP_X_CSRFTOKEN=csrf)
    assert response.status_code == 200 and response.json()["titel"] == "Met token"
