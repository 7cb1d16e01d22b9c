"""Objects of the accommodation families for the API permission matrix (tests/api/test_permission_matrix.py): the
lid of the matrix sits on the board of an accommodation that owns its building."""
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
