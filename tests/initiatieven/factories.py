"""Factories for every model of the initiatieven family, and helpers that build complete drafts of both kinds."""
import datetime as dt
from decimal import Decimal

import factory
from django.utils import timezone

from initiatieven import models
from subsidies.models import Begrotingsregel, Budget, Contactpersoon, Fondsbron, Plafond, Rechtsvorm
from tests.factories import (
    AanvraagFactory, BegrotingspostFactory, FondsbronFactory, GebiedFactory, OrganisatieFactory, RegelingFactory,
    UserFactory, WijkFactory,
)


class ThemaFactory(factory.django.DjangoModelFactory):
    """Seeded by the data migration; looked up by code."""

    class Meta:
        model = models.Thema
        django_get_or_create = ("code",)

    code = "ontmoeting"
    naam = factory.LazyAttribute(lambda t: t.code.replace("-", " ").capitalize())


class DimensieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Dimensie
        django_get_or_create = ("code",)

    code = models.Dimensie.Code.MEEDOEN
    naam = factory.LazyAttribute(lambda d: models.Dimensie.Code(d.code).label)


class GebiedsbudgetFactory(factory.django.DjangoModelFactory):
    """The budget of one gebied on a begrotingspost (a gebiedsbudget)."""

    class Meta:
        model = Budget
        django_get_or_create = ("begrotingspost", "boekjaar", "fondsbron", "gebied")

    begrotingspost = factory.SubFactory(BegrotingspostFactory)
    fondsbron = factory.SubFactory(FondsbronFactory, code="gebiedsbudget", naam="Gebiedsbudget",
                                   soort=Fondsbron.Soort.GEBIEDSBUDGET)
    boekjaar = factory.LazyFunction(lambda: timezone.localdate().year)
    gebied = factory.SubFactory(GebiedFactory)
    bedrag = Decimal("50000.00")


def bewonersregeling(gebieden, *, budget=Decimal("50000.00"), plafond=Decimal("20000.00"), **kwargs):
    """The fast track: a regeling per gebied with a 2-week decision term, settled directly up to its maximum; each
    gebied its own budget and published ceiling this year."""
    regeling = RegelingFactory(
        familie=models.Soort.BEWONERSINITIATIEF, per_gebied=True, beslistermijn_weken=2, max_bedrag=Decimal("5000.00"),
        grens_direct_vaststellen=Decimal("5000.00"), toegestane_rechtsvormen=["initiatiefgroep", "stichting",
                                                                              "vereniging"],
        fondsbron=FondsbronFactory(code="gebiedsbudget", naam="Gebiedsbudget", soort=Fondsbron.Soort.GEBIEDSBUDGET),
        **kwargs,
    )
    for gebied in gebieden:
        gebiedsbudget = GebiedsbudgetFactory(begrotingspost=regeling.begrotingspost, fondsbron=regeling.fondsbron,
                                             gebied=gebied, bedrag=budget)
        Plafond.objects.create(regeling=regeling, boekjaar=gebiedsbudget.boekjaar, gebied=gebied, bedrag=plafond,
                               budget=gebiedsbudget, gepubliceerd_op=dt.date(2020, 1, 1))
    return regeling


def maatschappelijke_regeling(**kwargs):
    """One-off maatschappelijke initiatieven from one municipal budget and ceiling."""
    from tests.factories import PlafondFactory

    kwargs.setdefault("regeling", RegelingFactory(familie=models.Soort.MAATSCHAPPELIJK, max_bedrag=Decimal("150000.00"),
                                                  toegestane_rechtsvormen=["stichting", "vereniging"]))
    return PlafondFactory(**kwargs).regeling


class InitiatiefgroepFactory(OrganisatieFactory):
    """Residents without legal personality: no KvK number; a contact person and the account holder's name."""

    naam = factory.Sequence(lambda n: f"Initiatiefgroep Buurtmoestuin {n}")
    rechtsvorm = Rechtsvorm.INITIATIEFGROEP
    kvk_nummer = ""
    tenaamstelling = "B. de Jong inz. buurtmoestuin"
    wijk = factory.SubFactory(WijkFactory, gebied=factory.SelfAttribute("..gebied"))

    @factory.post_generation
    def contactpersoon(organisatie, create, extracted, **kwargs):
        if extracted is not False:
            Contactpersoon.objects.create(organisatie=organisatie, naam="Bram de Jong", functie="trekker",
                                          email="bram@example.org")


class InitiatiefFactory(factory.django.DjangoModelFactory):
    """Complete family data: who, where, how many, one theme and one dimension."""

    class Meta:
        model = models.Initiatief
        skip_postgeneration_save = True

    aanvraag = factory.SubFactory(AanvraagFactory)
    doelgroep = "Ouderen in de wijk die weinig mensen zien"
    locatie = "Buurthuis, Kraaiheide 31"
    wanneer = "Elke woensdagmiddag"
    verwachte_deelnemers = 30

    @factory.post_generation
    def themas(initiatief, create, extracted, **kwargs):
        for code in ("ontmoeting",) if extracted is None else extracted:
            initiatief.themas.add(ThemaFactory(code=code))

    @factory.post_generation
    def dimensies(initiatief, create, extracted, **kwargs):
        for code in (models.Dimensie.Code.MEEDOEN,) if extracted is None else extracted:
            initiatief.dimensies.add(DimensieFactory(code=code))


class DoelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Doel

    initiatief = factory.SubFactory(InitiatiefFactory)
    omschrijving = "Minder eenzaamheid onder ouderen in de wijk"


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Indicator

    doel = factory.SubFactory(DoelFactory)
    omschrijving = "Aantal ouderen dat minstens tien keer meedoet"
    streefwaarde = Decimal("40")
    eenheid = "deelnemers"


class GebiedsteamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Gebiedsteam
        django_get_or_create = ("gebied",)

    gebied = factory.SubFactory(GebiedFactory)
    naam = factory.LazyAttribute(lambda t: f"Gebiedsteam {t.gebied.naam}")
    email = factory.LazyAttribute(lambda t: f"gebiedsteam.{t.gebied.pk}@groningen.example.org")


class AdviesaanvraagFactory(factory.django.DjangoModelFactory):
    """An open request for advice (status gevraagd) to the gebiedsteam of the request's gebied."""

    class Meta:
        model = models.Adviesaanvraag

    aanvraag = factory.SubFactory(AanvraagFactory)
    gebiedsteam = factory.LazyAttribute(lambda a: GebiedsteamFactory(gebied=a.aanvraag.gebied or GebiedFactory()))
    vraag = "Past dit plan bij wat er in de wijk al gebeurt?"
    gevraagd_op = factory.LazyFunction(timezone.localdate)
    gevraagd_door = factory.SubFactory(UserFactory)
    termijn_tot = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=7))


class BereikFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Bereik

    subsidie = None  # a Subsidie of an initiative: pass it
    boekjaar = factory.LazyAttribute(lambda b: b.subsidie.eerste_boekjaar)
    deelnemers = 35
    vrijwilligers = 6
    toelichting = "Elke week kwamen er meer mensen."
    gemeld_door = factory.SubFactory(UserFactory)


class ResultaatFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Resultaat

    bereik = None  # pass it
    indicator = None  # pass it
    gerealiseerd = Decimal("38")
    toelichting = "Bijna gehaald."


def begroting(aanvraag, kosten, dekking="0") -> None:
    """One cost line, and one line of other funds and own contribution when `dekking` is not zero."""
    Begrotingsregel.objects.create(aanvraag=aanvraag, soort=Begrotingsregel.Soort.KOSTEN,
                                   omschrijving="Huur, boodschappen en materiaal", bedrag=Decimal(kosten))
    if Decimal(dekking):
        Begrotingsregel.objects.create(aanvraag=aanvraag, soort=Begrotingsregel.Soort.DEKKING,
                                       omschrijving="Eigen bijdrage en fonds", bedrag=Decimal(dekking))


def bewonersinitiatief(regeling, organisatie, *, gebied=None, wijk=None, bedrag="1500.00", kosten=None, **kwargs):
    """A complete draft of a bewonersinitiatief in `gebied` (default: the organisation's), its budget covering the
    amount asked."""
    gebied = gebied or organisatie.gebied
    wijk = wijk or WijkFactory(gebied=gebied)
    aanvraag = AanvraagFactory(regeling=regeling, organisatie=organisatie, gebied=gebied, wijk=wijk,
                               gevraagd_bedrag=Decimal(bedrag), **kwargs)
    begroting(aanvraag, kosten or bedrag)
    InitiatiefFactory(aanvraag=aanvraag)
    return aanvraag


def maatschappelijk_initiatief(regeling, organisatie, *, bedrag="20000.00", kosten="30000.00", dekking="10000.00",
                               **kwargs):
    """A complete draft of a maatschappelijk initiatief: co-funded, with a goal and an indicator."""
    aanvraag = AanvraagFactory(regeling=regeling, organisatie=organisatie, gevraagd_bedrag=Decimal(bedrag), **kwargs)
    return met_doelen(aanvraag, kosten, dekking)


def met_doelen(aanvraag, kosten, dekking="0"):
    """Complete the data of a maatschappelijk initiatief: its budget, and a goal with one indicator."""
    begroting(aanvraag, kosten, dekking)
    IndicatorFactory(doel=DoelFactory(initiatief=InitiatiefFactory(aanvraag=aanvraag)))
    return aanvraag
