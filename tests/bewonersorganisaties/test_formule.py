"""The regeling's formula proposes the yearly subsidy: a base amount plus an amount per resident represented."""
import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from bewonersorganisaties import services
from bewonersorganisaties.models import FAMILIE
from tests.factories import breng_naar, meerjarige_aanvraag, meerjarige_regeling, verleen_meerjarig
from workflows.transitions import perform

from .factories import BewonersorganisatieFactory, FormuleFactory, jaaraanvraag

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("basis", "per_bewoner", "maximum", "bewoners", "jaarbedrag"), [
    ("1500.00", "1.1500", "15000.00", 4200, "6330.00"),  # € 1,500 + 4,200 × € 1.15
    ("1500.00", "1.1500", "15000.00", 85, "1597.75"),  # a buurtvereniging of 85 residents
    ("1500.00", "1.1245", None, 10, "1511.25"),  # 1,511.245: half a cent rounds up, not to even
    ("0.00", "0.3333", None, 3, "1.00"),  # 0.9999
    ("1500.00", "1.1500", "15000.00", 20000, "15000.00"),  # 24,500 by the formula, the maximum caps it
    ("1500.00", "1.1500", "15000.00", 11739, "14999.85"),  # just under the maximum
])
def test_formula_is_base_plus_per_resident_rounded_to_cents_and_capped(basis, per_bewoner, maximum, bewoners,
                                                                       jaarbedrag):
    formule = FormuleFactory(basisbedrag=Decimal(basis), bedrag_per_bewoner=Decimal(per_bewoner),
                             maximum=Decimal(maximum) if maximum else None)
    assert formule.jaarbedrag(bewoners) == Decimal(jaarbedrag)


def test_the_formula_proposes_the_amount_when_the_behandelaar_gives_none(aanvrager, behandelaar):
    formule = FormuleFactory()
    registratie = BewonersorganisatieFactory(organisatie__leden=[aanvrager], aantal_bewoners=4200)
    aanvraag = breng_naar(jaaraanvraag(registratie.organisatie, formule.regeling, gevraagd_bedrag=Decimal("9000.00")),
                          "in_beoordeling", aanvrager=aanvrager, behandelaar=behandelaar)

    aanvraag = perform(aanvraag, "besluit_voorstellen", behandelaar, uitkomst="verlenen",
                       reden="Volgens de formule van de regeling.")

    assert aanvraag.voorstel_bedrag == Decimal("6330.00")


def test_an_organisation_asking_less_than_the_formula_gets_what_it_asked(aanvrager, behandelaar):
    formule = FormuleFactory()
    registratie = BewonersorganisatieFactory(organisatie__leden=[aanvrager], aantal_bewoners=4200)
    aanvraag = breng_naar(jaaraanvraag(registratie.organisatie, formule.regeling, gevraagd_bedrag=Decimal("5000.00")),
                          "besluit_voorgesteld", aanvrager=aanvrager, behandelaar=behandelaar)

    assert aanvraag.voorstel_bedrag == Decimal("5000.00")


def test_without_a_formula_the_amount_asked_is_proposed(aanvrager, behandelaar):
    regeling = FormuleFactory().regeling
    regeling.formule.delete()
    registratie = BewonersorganisatieFactory(organisatie__leden=[aanvrager])
    aanvraag = breng_naar(jaaraanvraag(registratie.organisatie, regeling, gevraagd_bedrag=Decimal("9000.00")),
                          "besluit_voorgesteld", aanvrager=aanvrager, behandelaar=behandelaar)

    assert services.voorstel(aanvraag) is None
    assert aanvraag.voorstel_bedrag == Decimal("9000.00")


def test_multi_year_each_year_follows_the_formula(aanvrager, vandaag):
    vandaag(dt.date(2026, 9, 1))  # applying in time for 2027–2029
    jaren = [2027, 2028, 2029]
    regeling = meerjarige_regeling(2027, 3, familie=FAMILIE)
    FormuleFactory(regeling=regeling)
    registratie = BewonersorganisatieFactory(organisatie__leden=[aanvrager], aantal_bewoners=4200)
    aanvraag = meerjarige_aanvraag(regeling, dict.fromkeys(jaren, Decimal("7000.00")),
                                   organisatie=registratie.organisatie)

    assert services.jaarbedragen(aanvraag) == dict.fromkeys(jaren, Decimal("6330.00"))
    assert services.voorstel(aanvraag) == Decimal("18990.00")  # three years of € 6,330

    subsidie = verleen_meerjarig(aanvraag, aanvrager=aanvrager, jaarbedragen=services.jaarbedragen(aanvraag))
    assert {t.boekjaar: t.basisbedrag for t in subsidie.tranches.all()} == dict.fromkeys(jaren, Decimal("6330.00"))
    assert subsidie.verleend_bedrag == Decimal("18990.00")


def test_a_formula_belongs_to_a_regeling_of_this_family():
    formule = FormuleFactory()
    formule.regeling.familie = ""
    with pytest.raises(ValidationError, match="bewonersorganisaties"):
        formule.full_clean()


def test_register_rules_deregistration_after_registration_with_a_reason():
    registratie = BewonersorganisatieFactory(registratiedatum=dt.date(2020, 1, 1))
    registratie.afgemeld_op = dt.date(2019, 12, 31)
    with pytest.raises(ValidationError) as info:
        registratie.full_clean()
    assert set(info.value.message_dict) == {"afgemeld_op", "reden_afmelding"}
