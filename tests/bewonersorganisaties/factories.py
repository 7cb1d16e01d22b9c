"""Factories for the register of bewonersorganisaties, the formula, and their requests."""
import datetime as dt
from decimal import Decimal

import factory
from django.utils import timezone

from bewonersorganisaties.models import FAMILIE, Bewonersorganisatie, Formule
from subsidies.models import Contactpersoon, Rechtsvorm
from tests.factories import AanvraagFactory, OrganisatieFactory, PlafondFactory, WijkFactory


class BewonersorganisatieFactory(factory.django.DjangoModelFactory):
    """A registered wijkraad with complete register data: residents, one wijk of its gebied, a contact person."""

    class Meta:
        model = Bewonersorganisatie
        skip_postgeneration_save = True

    organisatie = factory.SubFactory(OrganisatieFactory, naam=factory.Sequence(lambda n: f"Wijkraad {n}"),
                                     rechtsvorm=Rechtsvorm.VERENIGING)
    soort = Bewonersorganisatie.Soort.WIJK
    gebied = factory.LazyAttribute(lambda registratie: registratie.organisatie.gebied)
    aantal_bewoners = 4200
    registratiedatum = dt.date(2015, 3, 1)

    @factory.post_generation
    def wijken(registratie, create, extracted, **kwargs):
        for wijk in extracted if extracted is not None else [WijkFactory(gebied=registratie.gebied)]:
            registratie.wijken.add(wijk)

    @factory.post_generation
    def contactpersoon(registratie, create, extracted, **kwargs):
        if extracted is not False:
            Contactpersoon.objects.create(organisatie=registratie.organisatie, naam="Jannie Pol", functie="secretaris",
                                          email="secretaris@wijkraad.example.org")


class FormuleFactory(factory.django.DjangoModelFactory):
    """€ 1,500 a year plus € 1.15 per resident, at most € 15,000, on a regeling of this family with budget and
    ceiling in the current year."""

    class Meta:
        model = Formule

    regeling = factory.LazyFunction(lambda: PlafondFactory(regeling__familie=FAMILIE).regeling)
    basisbedrag = Decimal("1500.00")
    bedrag_per_bewoner = Decimal("1.1500")
    maximum = Decimal("15000.00")


def jaaraanvraag(organisatie, regeling, jaar: int | None = None, **kwargs):
    """A complete draft of `organisatie` for the whole boekjaar `jaar` (default: this year)."""
    jaar = jaar or timezone.localdate().year
    kwargs.setdefault("gevraagd_bedrag", Decimal("9000.00"))
    return AanvraagFactory(organisatie=organisatie, regeling=regeling, titel=f"Jaarprogramma {jaar}",
                           periode_van=dt.date(jaar, 1, 1), periode_tot=dt.date(jaar, 12, 31), **kwargs)
