import pytest

from subsidies import families
from subsidies.models import Organisatie, Rechtsvorm
from tests.factories import GebiedFactory, OrganisatieFactory, WijkFactory

from .factories import InitiatiefgroepFactory, bewonersregeling, maatschappelijke_regeling


@pytest.fixture
def oost(db):
    return GebiedFactory(naam="Oost")


@pytest.fixture
def west(db):
    return GebiedFactory(naam="West")


@pytest.fixture
def beijum(oost):
    return WijkFactory(gebied=oost, naam="Beijum")


@pytest.fixture
def regeling(oost, west):
    """Bewonersinitiatieven per gebied, the fast track: Oost and West each their own budget and ceiling."""
    return bewonersregeling([oost, west])


@pytest.fixture
def mi_regeling(db):
    return maatschappelijke_regeling()


@pytest.fixture
def groep(aanvrager, oost, beijum):
    """An initiatiefgroep in Beijum whose member is the aanvrager."""
    return InitiatiefgroepFactory(gebied=oost, wijk=beijum, leden=[aanvrager])


@pytest.fixture
def bewonersorganisaties(monkeypatch):
    """Our own stand-in for the bewonersorganisaties register: every vereniging named 'Bewonersorganisatie …' speaks
    for the wijk it sits in. Registered for the test only."""
    monkeypatch.setattr(families, "_ADVISEURS", [])

    def van_de_wijk(wijk):
        return list(Organisatie.objects.filter(wijk=wijk, naam__startswith="Bewonersorganisatie"))

    families.registreer_adviseurs(van_de_wijk)
    return van_de_wijk


@pytest.fixture
def bo_beijum(bewonersorganisaties, beijum):
    """The bewonersorganisatie of Beijum, with a member who answers requests for advice."""
    from subsidies.rollen import Rol
    from tests.factories import maak_gebruiker

    lid = maak_gebruiker(Rol.AANVRAGER, username="bo-lid")
    return OrganisatieFactory(naam="Bewonersorganisatie Beijum", rechtsvorm=Rechtsvorm.VERENIGING,
                              gebied=beijum.gebied, wijk=beijum, leden=[lid])
