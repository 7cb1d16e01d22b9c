"""Factories for the accommodation register, budgets, MJOPs and family data, and helpers that build requests of the
two families through perform()."""
import datetime as dt
from decimal import Decimal

import factory
from django.utils import timezone

from accommodaties import services
from accommodaties.models import (
    Accommodatie, Accommodatiegegevens, Exploitatiebegroting, Exploitatiepost, Onderhoudspost, Post,
)
from subsidies.rollen import Rol
from tests.factories import (
    AanvraagFactory, GebiedFactory, OrganisatieFactory, PlafondFactory, RegelingFactory, maak_gebruiker,
    meerjarige_aanvraag, meerjarige_regeling,
)
from workflows.transitions import perform

JAAR = timezone.localdate().year


class AccommodatieFactory(factory.django.DjangoModelFactory):
    """A neighbourhood centre whose board (a stichting) owns the building."""

    class Meta:
        model = Accommodatie

    naam = factory.Sequence(lambda n: f"Wijkcentrum De Schakel {n}")
    soort = Accommodatie.Soort.BUURTHUIS
    straat = factory.Sequence(lambda n: f"Siersteenlaan {n + 1}")
    postcode = "9745 ED"
    gebied = factory.SubFactory(GebiedFactory)
    bestuur = factory.SubFactory(OrganisatieFactory)
    eigendom = Accommodatie.Eigendom.EIGENAAR
    vloeroppervlak = 640
    openingsuren = "Maandag tot en met vrijdag 9.00–22.00 uur"
    activiteiten = "Inloop, biljart, koor, peuterspeelgroep"
    gebruikers_per_week = 450


class ExploitatiebegrotingFactory(factory.django.DjangoModelFactory):
    """A concept budget for next year; `regels` gives (post, bedrag) lines (default: € 90,000 costs, € 30,000 own
    income, a deficit of € 60,000)."""

    class Meta:
        model = Exploitatiebegroting
        skip_postgeneration_save = True

    accommodatie = factory.SubFactory(AccommodatieFactory)
    boekjaar = JAAR + 1

    @factory.post_generation
    def regels(begroting, create, extracted, **kwargs):
        regels = extracted if extracted is not None else [
            (Post.HUISVESTING, "40000.00"), (Post.BEHEER, "35000.00"), (Post.ENERGIE, "15000.00"),
            (Post.VERHUUR, "22000.00"), (Post.BAR, "8000.00")]
        for post, bedrag in regels:
            ExploitatiepostFactory(begroting=begroting, post=post, bedrag=Decimal(bedrag))


class ExploitatiepostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Exploitatiepost

    begroting = factory.SubFactory(ExploitatiebegrotingFactory, regels=[])
    post = Post.ENERGIE
    omschrijving = "Gas en stroom"
    bedrag = Decimal("12000.00")


class OnderhoudspostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Onderhoudspost

    accommodatie = factory.SubFactory(AccommodatieFactory)
    element = factory.Iterator(["Dakbedekking plat dak", "Cv-ketel", "Kozijnen westgevel", "Schilderwerk buiten"])
    jaar = JAAR + 1
    geraamde_kosten = Decimal("18000.00")
    omschrijving = "Volgens het meerjarenonderhoudsplan van 2024."


class AccommodatiegegevensFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Accommodatiegegevens
        skip_postgeneration_save = True

    accommodatie = factory.SubFactory(AccommodatieFactory)
    aanvraag = factory.LazyAttribute(lambda g: AanvraagFactory(
        organisatie=g.accommodatie.bestuur, regeling=onderhoud_regeling()))

    @factory.post_generation
    def onderhoudsposten(gegevens, create, extracted, **kwargs):
        if extracted:
            gegevens.onderhoudsposten.set(extracted)


# --- approved budgets and the two families' regelingen and requests -----------------------------------------------
def beoordeelde_begroting(accommodatie, boekjaar: int, *, kosten="90000.00", inkomsten="30000.00",
                          status="goedgekeurd", behandelaar=None) -> Exploitatiebegroting:
    """A budget of `kosten` and own income `inkomsten`, submitted by the board and judged (`status`) through
    perform()."""
    begroting = ExploitatiebegrotingFactory(accommodatie=accommodatie, boekjaar=boekjaar, regels=[
        (Post.BEHEER, kosten), (Post.VERHUUR, inkomsten)] if Decimal(inkomsten) else [(Post.BEHEER, kosten)])
    if status == "concept":
        return begroting
    behandelaar = behandelaar or maak_gebruiker(Rol.BEHANDELAAR)
    begroting = perform(begroting, "indienen", behandelaar)
    if status == "goedgekeurd":
        begroting = perform(begroting, "goedkeuren", behandelaar, reden="Reële begroting.")
    elif status == "afgekeurd":
        begroting = perform(begroting, "afkeuren", behandelaar, reden="De energiekosten zijn te laag geraamd.")
    return begroting


def exploitatie_regeling(eerste: int = JAAR + 1, jaren: int = 4):
    """The multi-year exploitatiesubsidie, open for next year's requests until 31 December."""
    return meerjarige_regeling(eerste, jaren, familie=services.EXPLOITATIE, toegestane_rechtsvormen=[
        "stichting", "vereniging"], aanvraag_uiterlijk_dag=31, aanvraag_uiterlijk_maand=12)


def exploitatie_aanvraag(accommodatie, jaarbedragen: dict[int, str], regeling=None):
    """A complete multi-year draft of the accommodation's board, linked to the accommodation."""
    aanvraag = meerjarige_aanvraag(regeling or exploitatie_regeling(min(jaarbedragen)),
                                   {jaar: Decimal(bedrag) for jaar, bedrag in jaarbedragen.items()},
                                   organisatie=accommodatie.bestuur)
    services.leg_vast(aanvraag, accommodatie)
    return aanvraag


def onderhoud_regeling():
    """The one-off onderhoudssubsidie, with a budget and a published ceiling this year."""
    return PlafondFactory(regeling=RegelingFactory(familie=services.ONDERHOUD, max_bedrag=Decimal("50000.00"))).regeling


def onderhoud_aanvraag(accommodatie, posten, bedrag: str, regeling=None):
    """A complete one-off draft for maintenance of `posten`, linked to the accommodation."""
    aanvraag = AanvraagFactory(regeling=regeling or onderhoud_regeling(), organisatie=accommodatie.bestuur,
                               gevraagd_bedrag=Decimal(bedrag), titel=f"Onderhoud {accommodatie}",
                               periode_van=dt.date(JAAR, 1, 1), periode_tot=dt.date(JAAR, 12, 31))
    services.leg_vast(aanvraag, accommodatie, posten)
    return aanvraag
