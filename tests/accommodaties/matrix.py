"""The accommodation families' part of the API permission matrix (tests/api/test_permission_matrix.py): their
rows, and the objects they name. The lid of the matrix sits on the board of an accommodation that owns its
building."""
from tests.accommodaties.factories import (
    JAAR, AccommodatieFactory, ExploitatiebegrotingFactory, OnderhoudspostFactory, onderhoud_aanvraag,
    onderhoud_regeling,
)
from tests.factories import AanvraagFactory
from workflows.transitions import perform

ACCOMMODATIE = {"naam": "Speeltuin De Wilg", "soort": "speeltuin", "straat": "Wilgenlaan 3", "postcode": "9741 AB",
                "plaats": "Groningen", "eigendom": "huurder", "vloeroppervlak": 180, "gebruikers_per_week": 260}
REGELS = [{"post": "beheer", "bedrag": "20000.00"}, {"post": "contributies", "bedrag": "4000.00"}]


def accommodatie(world):
    return AccommodatieFactory(bestuur=world.organisatie, gebied=world.organisatie.gebied)


def nieuwe_accommodatie(world):
    return {**ACCOMMODATIE, "gebied": world.organisatie.gebied_id, "bestuur": world.organisatie.pk}


def begroting(world, status="concept"):
    nieuw = ExploitatiebegrotingFactory(accommodatie=world.get("accommodatie"))
    return perform(nieuw, "indienen", world.users["lid"]) if status == "ingediend" else nieuw


def nieuwe_exploitatiebegroting(world):
    return {"accommodatie": world.get("accommodatie").pk, "boekjaar": JAAR + 3, "regels": REGELS}


def onderhoudspost(world):
    return OnderhoudspostFactory(accommodatie=world.get("accommodatie"))


def nieuwe_onderhoudspost(world):
    return {"accommodatie": world.get("accommodatie").pk, "element": "Valondergrond", "jaar": JAAR + 1,
            "geraamde_kosten": "8000.00"}


def accommodatiegegevens(world):
    return onderhoud_aanvraag(world.get("accommodatie"), [world.get("onderhoudspost")],
                              "5000.00").accommodatiegegevens


def nieuwe_accommodatiegegevens(world):
    aanvraag = AanvraagFactory(organisatie=world.organisatie, regeling=onderhoud_regeling())
    return {"aanvraag": aanvraag.pk, "accommodatie": world.get("accommodatie").pk,
            "onderhoudsposten": [world.get("onderhoudspost").pk]}


# this family's rows of the API permission matrix; the row format is described in tests/api/matrix.py
ROWS = [
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
]
