"""What the tests of the application form share: regelingen of each family, an applicant with an organisation,
and the answers a person types in every step."""
import pytest
from django.urls import reverse
from django.utils import timezone

from portaal.models import Formulierconcept
from subsidies.models import Aanvraag
from subsidies.rollen import Rol
from tests.factories import GebiedFactory, OrganisatieFactory, WijkFactory, maak_gebruiker
from tests.initiatieven.factories import InitiatiefgroepFactory, bewonersregeling, maatschappelijke_regeling

JAAR = timezone.localdate().year


@pytest.fixture
def oost(db):
    return GebiedFactory(naam="Oost")


@pytest.fixture
def beijum(oost):
    return WijkFactory(gebied=oost, naam="Beijum")


@pytest.fixture
def bi_regeling(oost):
    return bewonersregeling([oost], code="bewonersinitiatieven", naam="Bewonersinitiatieven")


@pytest.fixture
def mi_regeling(db):
    return maatschappelijke_regeling()


@pytest.fixture
def bewoner(db):
    return maak_gebruiker(Rol.AANVRAGER, username="bewoner", first_name="Bram", last_name="de Jong")


@pytest.fixture
def groep(bewoner, oost, beijum):
    """An initiatiefgroep in Beijum whose only member is `bewoner`."""
    return InitiatiefgroepFactory(gebied=oost, wijk=beijum, leden=[bewoner])


@pytest.fixture
def stichting(bewoner, oost):
    return OrganisatieFactory(naam="Stichting Samen", gebied=oost, leden=[bewoner])


@pytest.fixture
def ingelogd(client, bewoner):
    client.force_login(bewoner)
    return client


def wat(**extra) -> dict:
    return {"titel": "Buurtmoestuin Beijum", "omschrijving": "Samen groente kweken met buren.",
            "doelgroep": "Buren van alle leeftijden", "verwachte_deelnemers": "25", "themas": ["ontmoeting"],
            "dimensies": ["meedoen"], **extra}


def waar(wijk, **extra) -> dict:
    return {"wijk": str(wijk.pk), "locatie": "Achter het buurthuis", "wanneer": "Elke zaterdag",
            "periode_van": f"{JAAR}-01-01", "periode_tot": f"{JAAR}-12-31", **extra}


def regels(*regels: tuple[str, str, str], prefix="regel") -> dict:
    data = {f"{prefix}-TOTAL_FORMS": str(len(regels)), f"{prefix}-INITIAL_FORMS": "0"}
    for i, (soort, omschrijving, bedrag) in enumerate(regels):
        data.update({f"{prefix}-{i}-soort": soort, f"{prefix}-{i}-omschrijving": omschrijving,
                     f"{prefix}-{i}-bedrag": bedrag})
    return data


def begroting(**extra) -> dict:
    return {**regels(("kosten", "Zaden, aarde en gereedschap", "1200"), ("dekking", "Eigen bijdrage", "200")),
            "gevraagd_bedrag": "1000", **extra}


def doelen(*rijen: tuple[str, str, str, str]) -> dict:
    data = {"doel-TOTAL_FORMS": str(len(rijen)), "doel-INITIAL_FORMS": "0"}
    for i, (doel, indicator, streefwaarde, eenheid) in enumerate(rijen):
        data.update({f"doel-{i}-omschrijving": doel, f"doel-{i}-indicator": indicator,
                     f"doel-{i}-streefwaarde": streefwaarde, f"doel-{i}-eenheid": eenheid})
    return data


def start(client, regeling, organisatie=None) -> Aanvraag:
    """Start a request as the person does: the start page's button."""
    url = reverse("portaal:aanvraag_starten", args=[regeling.code])
    response = client.post(url, {"organisatie": organisatie.pk} if organisatie else {})
    assert response.status_code == 302, response.content.decode()
    return Aanvraag.objects.get(pk=int(response.url.split("/")[3]))


def versie(aanvraag) -> int:
    return Formulierconcept.objects.get(aanvraag=aanvraag).versie


def stap(client, aanvraag, slug, data, actie="volgende"):
    """Post one step with the draft's current version, as the page would."""
    return client.post(reverse("portaal:aanvraag_stap", args=[aanvraag.pk, slug]),
                       {**data, "versie": versie(aanvraag), "actie": actie})


def url(naam, aanvraag, *args) -> str:
    return reverse(f"portaal:{naam}", args=[aanvraag.pk, *args])

