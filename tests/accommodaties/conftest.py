"""What most accommodation tests start from: an accommodation whose board has one member with an account."""
import pytest

from subsidies.rollen import Rol
from tests.factories import OrganisatieFactory, maak_gebruiker

from .factories import AccommodatieFactory


@pytest.fixture
def bestuurslid():
    return maak_gebruiker(Rol.AANVRAGER)


@pytest.fixture
def accommodatie(bestuurslid):
    return AccommodatieFactory(bestuur=OrganisatieFactory(leden=[bestuurslid]))
