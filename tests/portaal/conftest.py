"""Realistic data for the portal's tests: an organisation with five requests in different states, with documents
and beschikkingen, and a multi-year subsidy with four jaartranches; another organisation beside it."""
import datetime as dt
from types import SimpleNamespace

import pytest
from django.utils import timezone

from subsidies.rollen import Rol
from subsidies.services.documenten import voeg_document_toe
from tests import bestanden
from tests.api import meerjarig
from tests.factories import AanvraagFactory, OrganisatieFactory, breng_naar, maak_gebruiker
from workflows.transitions import perform

JAAR = meerjarig.JAAR


def met_document(aanvraag, user, naam="begroting.pdf"):
    voeg_document_toe(aanvraag, bestand=bestanden.upload(naam, bestanden.pdf()), omschrijving="Begroting", user=user)
    return aanvraag


@pytest.fixture
def portaal(db, aanvrager, behandelaar, beslisser, organisatie):
    """`organisatie` (member: `aanvrager`) with a draft, a request in behandeling, one waiting for an aanvulling,
    a granted one asked for its verantwoording, a refused one, and a multi-year subsidy whose four years stand at
    lopend (two past years), definitief (this year) and gepland; every request with a document."""
    actors = {"aanvrager": aanvrager, "behandelaar": behandelaar, "beslisser": beslisser}
    concept = met_document(AanvraagFactory(organisatie=organisatie, titel="Buurtmoestuin"), aanvrager)
    lopend = breng_naar(met_document(AanvraagFactory(organisatie=organisatie, titel="Taalcafé"), aanvrager),
                        "in_behandeling", **actors)
    aanvulling = breng_naar(met_document(AanvraagFactory(organisatie=organisatie, titel="Huiswerkklas"), aanvrager),
                            "in_behandeling", **actors)
    aanvulling = perform(aanvulling, "aanvulling_vragen", behandelaar, reden="Stuur de begroting voor 2027.",
                         termijn_tot=timezone.localdate() + dt.timedelta(days=21))
    verleend = breng_naar(met_document(AanvraagFactory(organisatie=organisatie, titel="Buurtfeest"), aanvrager),
                          "verleend", **actors)
    subsidie = perform(verleend.subsidie, "verantwoording_vragen", behandelaar,
                       uiterlijk=timezone.localdate() + dt.timedelta(days=60))
    geweigerd = breng_naar(met_document(AanvraagFactory(organisatie=organisatie, titel="Kerstmarkt"), aanvrager),
                           "in_beoordeling", **actors)
    geweigerd = perform(geweigerd, "besluit_voorstellen", behandelaar, reden="Interne notitie: past niet.",
                        uitkomst="weigeren")
    geweigerd = perform(geweigerd, "weigeren", beslisser)
    structureel = meerjarig.subsidie(meerjarig.regeling(), organisatie, range(JAAR - 2, JAAR + 2), actors=actors)
    for boekjaar, status in ((JAAR - 2, "lopend"), (JAAR - 1, "lopend"), (JAAR, "definitief")):
        meerjarig.tranche(structureel, boekjaar, status, actors=actors)
    return SimpleNamespace(organisatie=organisatie, aanvrager=aanvrager, concept=concept, lopend=lopend,
                           aanvulling=aanvulling, verleend=verleend, subsidie=subsidie, geweigerd=geweigerd,
                           structureel=structureel, behandelaar=behandelaar, beslisser=beslisser)


@pytest.fixture
def ander(db):
    """A member of another organisation, with a request of its own."""
    lid = maak_gebruiker(Rol.AANVRAGER, username="ander-lid")
    organisatie = OrganisatieFactory(leden=[lid], naam="Stichting Elders")
    return SimpleNamespace(lid=lid, organisatie=organisatie, aanvraag=AanvraagFactory(organisatie=organisatie))
