"""The bewonersorganisatie family's part of the API permission matrix (tests/api/test_permission_matrix.py): its
rows, and the objects they name. The lid of the matrix is a member of a registered bewonersorganisatie."""
from tests.factories import OrganisatieFactory, WijkFactory

from .factories import BewonersorganisatieFactory

REGISTRATIE = {"soort": "buurt", "werkgebied": "De Held, ten westen van het Reitdiep", "aantal_bewoners": 85,
               "registratiedatum": "2020-05-01"}


def bewonersorganisatie(world):
    return BewonersorganisatieFactory(organisatie=world.organisatie)


def nieuwe_bewonersorganisatie(world):
    organisatie = OrganisatieFactory(rechtsvorm="vereniging")
    return {**REGISTRATIE, "organisatie": organisatie.pk, "gebied": organisatie.gebied_id,
            "wijken": [WijkFactory(gebied=organisatie.gebied).pk]}


def bewonersorganisatie_gewijzigd(world):
    registratie = world.get("bewonersorganisatie")
    return {**REGISTRATIE, "organisatie": registratie.organisatie_id, "gebied": registratie.gebied_id,
            "wijken": list(registratie.wijken.values_list("pk", flat=True))}


# this family's rows of the API permission matrix; the row format is described in tests/api/matrix.py
ROWS = [
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
]
