"""factory-boy factories for every model, and helpers that walk a request through its lifecycle."""
import datetime as dt
import time
from decimal import Decimal

import factory
from django.contrib.auth.models import Group, User
from django.utils import timezone

from subsidies import models
from subsidies.rollen import Rol
from workflows.transitions import perform


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = factory.Faker("last_name", locale="nl_NL")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")

    @factory.post_generation
    def rollen(user, create, extracted, **kwargs):
        for rol in extracted or ():
            user.groups.add(Group.objects.get_or_create(name=rol)[0])


# Staff roles log in in two steps (access.tweestaps): their test users have it set up, as real staff must.
MET_TWEE_STAPPEN = {Rol.BEHANDELAAR, Rol.BESLISSER, Rol.AUDITOR, Rol.BEHEERDER}
TOTP_GEHEIM = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def maak_gebruiker(rol: str, *, twee_stappen: bool | None = None, **kwargs) -> User:
    """A user with `rol`; staff roles with a second step (TOTP) set up unless `twee_stappen=False`."""
    user = UserFactory(rollen=[rol], **kwargs)
    if twee_stappen if twee_stappen is not None else rol in MET_TWEE_STAPPEN:
        met_twee_stappen(user)
    return user


def met_twee_stappen(user) -> User:
    """Sets up the second login step (an authenticator app with `TOTP_GEHEIM`) for `user`, once."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP

    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(user, TOTP_GEHEIM)
    return user


def met_code_ingelogd(session, user) -> None:
    """Marks a (forced) login `session` as one that included the code, as allauth's login records it."""
    from allauth.account.internal.flows.login import (
        _AUTHENTICATION_METHODS_USER_SESSION_KEY, AUTHENTICATION_METHODS_SESSION_KEY,
    )

    session[AUTHENTICATION_METHODS_SESSION_KEY] = [{"method": "mfa", "type": "totp", "at": time.time()}]
    session[_AUTHENTICATION_METHODS_USER_SESSION_KEY] = str(user.pk)


class GebiedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Gebied
        django_get_or_create = ("naam",)

    naam = factory.Iterator(["Centrum", "Oude Wijken", "Oost", "Zuid", "West", "Haren", "Ten Boer"])


class WijkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Wijk
        django_get_or_create = ("gebied", "naam")

    gebied = factory.SubFactory(GebiedFactory)
    naam = factory.Sequence(lambda n: f"Wijk {n}")


class OrganisatieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Organisatie
        skip_postgeneration_save = True

    naam = factory.Sequence(lambda n: f"Stichting Buurtkracht {n}")
    rechtsvorm = models.Rechtsvorm.STICHTING
    kvk_nummer = factory.Sequence(lambda n: f"{10000000 + n}")
    iban = "NL91ABNA0417164300"
    postcode = "9711 AB"
    gebied = factory.SubFactory(GebiedFactory)

    @factory.post_generation
    def leden(organisatie, create, extracted, **kwargs):
        for user in extracted or ():
            organisatie.leden.add(user)


class FondsbronFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Fondsbron
        django_get_or_create = ("code",)

    code = "gemeente"
    naam = "Gemeentelijke middelen"
    soort = models.Fondsbron.Soort.GEMEENTE


class BegrotingspostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Begrotingspost
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"post-{n}")
    naam = factory.Sequence(lambda n: f"Begrotingspost {n}")


class RegelingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Regeling

    code = factory.Sequence(lambda n: f"regeling-{n}")
    naam = factory.Sequence(lambda n: f"Regeling {n}")
    begrotingspost = factory.SubFactory(BegrotingspostFactory)
    fondsbron = factory.SubFactory(FondsbronFactory)
    max_bedrag = Decimal("200000.00")
    toegestane_rechtsvormen = ["stichting", "vereniging", "initiatiefgroep"]
    vier_ogen_drempel = Decimal("25000.00")


class BudgetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Budget
        django_get_or_create = ("begrotingspost", "boekjaar", "fondsbron")

    begrotingspost = factory.SubFactory(BegrotingspostFactory)
    fondsbron = factory.SubFactory(FondsbronFactory)
    boekjaar = factory.LazyFunction(lambda: timezone.localdate().year)
    bedrag = Decimal("1000000.00")


class PlafondFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Plafond

    regeling = factory.SubFactory(RegelingFactory)
    boekjaar = factory.LazyFunction(lambda: timezone.localdate().year)
    bedrag = Decimal("500000.00")
    gepubliceerd_op = dt.date(2020, 1, 1)
    budget = factory.LazyAttribute(
        lambda p: BudgetFactory(begrotingspost=p.regeling.begrotingspost, fondsbron=p.regeling.fondsbron,
                                boekjaar=p.boekjaar)
    )


class AanvraagFactory(factory.django.DjangoModelFactory):
    """A complete draft (concept) for a regeling with budget and ceiling in the current year."""

    class Meta:
        model = models.Aanvraag

    regeling = factory.LazyFunction(lambda: PlafondFactory().regeling)
    organisatie = factory.SubFactory(OrganisatieFactory)
    titel = factory.Sequence(lambda n: f"Buurtactiviteit {n}")
    omschrijving = "Wekelijkse ontmoeting voor ouderen in de wijk, met koffie en activiteiten."
    gevraagd_bedrag = Decimal("12000.00")
    periode_van = factory.LazyFunction(lambda: dt.date(timezone.localdate().year, 1, 1))
    periode_tot = factory.LazyFunction(lambda: dt.date(timezone.localdate().year, 12, 31))


class GelijkgesteldeDagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "workflows.GelijkgesteldeDag"
        django_get_or_create = ("datum",)

    datum = dt.date(2026, 5, 15)
    omschrijving = "Vrijdag na Hemelvaartsdag"


# --- walking the lifecycle through the one service -----------------------------------------------------------
ROUTE = {
    "ingediend": [("indienen", "aanvrager", {})],
    "in_behandeling": [("in_behandeling_nemen", "behandelaar", {})],
    "in_beoordeling": [("volledig_verklaren", "behandelaar", {})],
    "besluit_voorgesteld": [("besluit_voorstellen", "behandelaar", {"uitkomst": "verlenen", "reden": "Past binnen de regeling."})],
    "verleend": [("verlenen", "beslisser", {})],
}
ORDER = ["ingediend", "in_behandeling", "in_beoordeling", "besluit_voorgesteld", "verleend"]


def breng_naar(aanvraag, status: str, *, aanvrager=None, behandelaar=None, beslisser=None):
    """Walk `aanvraag` forward through perform() until it reaches `status` (one of ORDER)."""
    actors = {
        "aanvrager": aanvrager or aanvraag.organisatie.leden.first() or _lid(aanvraag),
        "behandelaar": behandelaar or maak_gebruiker(Rol.BEHANDELAAR),
        "beslisser": beslisser or maak_gebruiker(Rol.BESLISSER),
    }
    for step in ORDER[: ORDER.index(status) + 1]:
        for actie, rol, params in ROUTE[step]:
            params = dict(params)
            reden = params.pop("reden", "")
            aanvraag = perform(aanvraag, actie, actors[rol], reden=reden, **params)
    return aanvraag


def _lid(aanvraag):
    user = maak_gebruiker(Rol.AANVRAGER)
    aanvraag.organisatie.leden.add(user)
    return user


# --- the multi-year path --------------------------------------------------------------------------------------
class BegrotingsjaarFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Begrotingsjaar
        django_get_or_create = ("boekjaar",)

    boekjaar = factory.LazyFunction(lambda: timezone.localdate().year)
    vastgesteld_op = factory.LazyAttribute(lambda b: dt.date(b.boekjaar - 1, 11, 10))


def meerjarige_regeling(eerste: int, jaren: int = 4, *, budget=Decimal("5000000.00"), **kwargs):
    """A multi-year regeling with a budget (the adopted year and the meerjarenraming) for each of `jaren` years."""
    kwargs.setdefault("max_bedrag", Decimal("500000.00"))
    regeling = RegelingFactory(meerjarig=True, max_boekjaren=jaren, vier_ogen_drempel=Decimal("10000000.00"),
                               **kwargs)
    for jaar in range(eerste, eerste + jaren + 3):  # room for continuation and phase-out years
        BudgetFactory(begrotingspost=regeling.begrotingspost, fondsbron=regeling.fondsbron, boekjaar=jaar,
                      bedrag=budget)
    return regeling


def meerjarige_aanvraag(regeling, jaarbedragen: dict[int, Decimal], **kwargs):
    """A complete multi-year draft: one amount per boekjaar, adding up, with a werkplan for the first year."""
    jaren = sorted(jaarbedragen)
    aanvraag = AanvraagFactory(
        regeling=regeling, gevraagd_bedrag=sum(jaarbedragen.values()), periode_van=dt.date(jaren[0], 1, 1),
        periode_tot=dt.date(jaren[-1], 12, 31), werkplan="Wekelijkse inloop en twee buurtfeesten per jaar.", **kwargs,
    )
    for jaar, bedrag in jaarbedragen.items():
        models.Jaarbedrag.objects.create(aanvraag=aanvraag, boekjaar=jaar, gevraagd_bedrag=bedrag)
    return aanvraag


def verleen_meerjarig(aanvraag, *, aanvrager=None, behandelaar=None, beslisser=None, jaarbedragen=None,
                      voorwaarden=None) -> models.Subsidie:
    """Walk a multi-year request (a draft, or one in_beoordeling) to its award, proposing `jaarbedragen` and
    `voorwaarden`; return the Subsidie."""
    behandelaar = behandelaar or maak_gebruiker(Rol.BEHANDELAAR)
    if aanvraag.status == models.Aanvraag.Status.CONCEPT:
        aanvraag = breng_naar(aanvraag, "in_beoordeling", aanvrager=aanvrager, behandelaar=behandelaar)
    aanvraag = perform(aanvraag, "besluit_voorstellen", behandelaar, reden="Past binnen de regeling.",
                       uitkomst="verlenen", jaarbedragen=jaarbedragen, voorwaarden=voorwaarden)
    aanvraag = perform(aanvraag, "verlenen", beslisser or maak_gebruiker(Rol.BESLISSER))
    return models.Subsidie.objects.get(aanvraag=aanvraag)


def jaarverslag(kosten, inkomsten="0", **kwargs) -> dict:
    """The parameters of a jaarverantwoording: activities, net costs from `kosten` minus `inkomsten`."""
    return {"activiteitenverslag": "Wekelijkse inloop, gemiddeld 30 bezoekers; twee buurtfeesten.",
            "werkelijke_kosten": Decimal(kosten), "eigen_inkomsten": Decimal(inkomsten), **kwargs}


TRANCHE_ROUTE = {  # status → the next step: action, who takes it
    "gepland": ("definitief_maken", "behandelaar"),
    "definitief": ("werkplan_indienen", "aanvrager"),
    "werkplan_ingediend": ("werkplan_goedkeuren", "behandelaar"),
    "lopend": ("jaarverantwoording_indienen", "aanvrager"),
    "verantwoord": ("vaststellen", "behandelaar"),
}


def breng_tranche_naar(tranche, status: str, *, aanvrager=None, behandelaar=None, verslag=None, **vaststelling):
    """Walk `tranche` from where it stands to `status` through perform(); the clock must allow each step.

    By default the werkplan is a short text and exactly the year's amount was spent (with an accountant's statement,
    which the highest tier asks)."""
    actors = {"aanvrager": aanvrager or tranche.organisatie.leden.first() or _lid(tranche.subsidie.aanvraag),
              "behandelaar": behandelaar or maak_gebruiker(Rol.BEHANDELAAR)}
    while tranche.status != status:
        actie, rol = TRANCHE_ROUTE[tranche.status]
        params = {
            "werkplan_indienen": {"werkplan": "Inloop, buurtfeesten, huiswerkklas."},
            "jaarverantwoording_indienen": verslag or jaarverslag(tranche.bedrag, accountantsverklaring=True),
            "vaststellen": vaststelling,
        }.get(actie, {})
        tranche = perform(tranche, actie, actors[rol], **params)
    return tranche


def netto_uitgevoerd(verplichting) -> Decimal:
    """What actually moved for one year's commitment: paid out minus recovered, planned payments not counted."""
    return sum((-b.bedrag if b.soort == models.Betaling.Soort.TERUGVORDERING else b.bedrag)
               for b in verplichting.betalingen.filter(status=models.Betaling.Status.UITGEVOERD))
