import pytest

from subsidies.rollen import Rol
from tests.factories import AanvraagFactory, OrganisatieFactory, maak_gebruiker


@pytest.fixture
def aanvrager(db):
    return maak_gebruiker(Rol.AANVRAGER, username="aanvrager")


@pytest.fixture
def behandelaar(db):
    return maak_gebruiker(Rol.BEHANDELAAR, username="behandelaar")


@pytest.fixture
def beslisser(db):
    return maak_gebruiker(Rol.BESLISSER, username="beslisser")


@pytest.fixture
def auditor(db):
    return maak_gebruiker(Rol.AUDITOR, username="auditor")


@pytest.fixture
def beheerder(db):
    return maak_gebruiker(Rol.BEHEERDER, username="beheerder")


@pytest.fixture
def organisatie(aanvrager):
    return OrganisatieFactory(leden=[aanvrager])


@pytest.fixture
def concept(organisatie):
    """A complete draft of the aanvrager's organisation."""
    return AanvraagFactory(organisatie=organisatie)
