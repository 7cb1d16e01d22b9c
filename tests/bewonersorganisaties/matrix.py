"""Objects of the bewonersorganisatie family for the API permission matrix (tests/api/test_permission_matrix.py):
the lid of the matrix is a member of a registered bewonersorganisatie."""
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
