"""Only a registered bewonersorganisatie with complete register data applies, once per boekjaar; every refusal
says why and leaves everything as it was (the draft stays)."""
import datetime as dt

import pytest
from django.utils import timezone

from workflows.errors import InvalidInput
from workflows.transitions import perform

from .factories import BewonersorganisatieFactory, FormuleFactory, jaaraanvraag

pytestmark = pytest.mark.django_db


@pytest.fixture
def regeling():
    return FormuleFactory().regeling


def test_a_registered_organisation_with_complete_data_can_apply(aanvrager, regeling):
    registratie = BewonersorganisatieFactory(organisatie__leden=[aanvrager])

    aanvraag = perform(jaaraanvraag(registratie.organisatie, regeling), "indienen", aanvrager)

    assert aanvraag.status == "ingediend"


def test_an_organisation_not_in_the_register_is_refused(aanvrager, organisatie, regeling, geweigerd):
    aanvraag = jaaraanvraag(organisatie, regeling)

    with geweigerd(InvalidInput, "niet_geregistreerd") as info:
        perform(aanvraag, "indienen", aanvrager)

    assert "staat niet geregistreerd als bewonersorganisatie" in info.value.nl
    assert "Uw concept is bewaard" in info.value.nl
    assert info.value.details == {"velden": ["organisatie"]}


def test_an_organisation_registered_only_later_is_refused(aanvrager, regeling, geweigerd):
    registratie = BewonersorganisatieFactory(organisatie__leden=[aanvrager],
                                             registratiedatum=timezone.localdate() + dt.timedelta(days=1))
    aanvraag = jaaraanvraag(registratie.organisatie, regeling)

    with geweigerd(InvalidInput, "niet_geregistreerd"):
        perform(aanvraag, "indienen", aanvrager)


def test_a_deregistered_organisation_is_refused_with_the_date_and_reason(aanvrager, regeling, geweigerd):
    vandaag = timezone.localdate()
    registratie = BewonersorganisatieFactory(organisatie__leden=[aanvrager], afgemeld_op=vandaag,
                                             reden_afmelding="opgeheven: geen bestuur meer")
    aanvraag = jaaraanvraag(registratie.organisatie, regeling)

    with geweigerd(InvalidInput, "bewonersorganisatie_afgemeld") as info:
        perform(aanvraag, "indienen", aanvrager)

    assert f"op {vandaag:%d-%m-%Y} afgemeld" in info.value.nl
    assert "opgeheven: geen bestuur meer" in info.value.nl
    assert "deregistered" in info.value.en


def test_deregistration_announced_for_a_later_day_does_not_stop_an_application_today(aanvrager, regeling):
    registratie = BewonersorganisatieFactory(organisatie__leden=[aanvrager],
                                             afgemeld_op=timezone.localdate() + dt.timedelta(days=30),
                                             reden_afmelding="fusie met de wijkraad ernaast")

    assert perform(jaaraanvraag(registratie.organisatie, regeling), "indienen", aanvrager).status == "ingediend"


def test_incomplete_register_data_are_named(aanvrager, regeling, geweigerd):
    registratie = BewonersorganisatieFactory(organisatie__leden=[aanvrager], aantal_bewoners=None, wijken=[],
                                             contactpersoon=False)
    aanvraag = jaaraanvraag(registratie.organisatie, regeling)

    with geweigerd(InvalidInput, "registergegevens_onvolledig") as info:
        perform(aanvraag, "indienen", aanvrager)

    assert info.value.details == {"velden": ["aantal_bewoners", "wijken", "contactpersoon"]}
    assert "het aantal bewoners dat zij vertegenwoordigt" in info.value.nl


def test_one_subsidy_per_organisation_per_boekjaar(aanvrager, regeling, geweigerd):
    registratie = BewonersorganisatieFactory(organisatie__leden=[aanvrager])
    eerste = perform(jaaraanvraag(registratie.organisatie, regeling), "indienen", aanvrager)
    tweede = jaaraanvraag(registratie.organisatie, regeling)

    with geweigerd(InvalidInput, "al_aangevraagd") as info:
        perform(tweede, "indienen", aanvrager)
    assert info.value.details["aanvraag"] == eerste.nummer

    perform(eerste, "intrekken", aanvrager, reden="Verkeerde begroting bijgevoegd.")
    assert perform(tweede, "indienen", aanvrager).status == "ingediend"
    volgend_jaar = jaaraanvraag(registratie.organisatie, regeling, eerste.boekjaar + 1)
    assert perform(volgend_jaar, "indienen", aanvrager).status == "ingediend"
