"""Every portal URL, read from the URLconf, within 20 queries on realistic data — a new page cannot escape it.

The data: `portaal` (conftest: five requests in different states with documents and beschikkingen, a multi-year
subsidy with four jaartranches), its member also in an initiatiefgroep with a bewonersinitiatief draft filled in
through the pages (with files), and a municipality's worth of wijken (45, as Groningen has; their names carry the
gebied, which once cost a query per wijk on every organisation form). CASES says per URL name what to request;
a URL name without a case fails `test_every_portal_url_has_a_case`.
"""
from dataclasses import dataclass
from types import SimpleNamespace

import pytest
from django.urls import get_resolver, reverse

from subsidies.services import bezwaren
from subsidies.services.documenten import voeg_bezwaardocument_toe
from subsidies.services.organisaties import uitnodigen
from tests import bestanden
from tests.factories import WijkFactory

from .aanvragen import (  # noqa: F401 - fixtures
    begroting, beijum, bewoner, bi_regeling, groep, oost, start, stap, versie, waar, wat,
)
from .conftest import JAAR

pytestmark = pytest.mark.django_db
MAX_QUERIES = 20


@dataclass
class Bezoek:
    url: str
    post: dict | None = None  # None: a GET
    status: int = 200


@pytest.fixture
def wereld(portaal, groep, bi_regeling, beijum, client):
    WijkFactory.create_batch(45)
    groep.leden.add(portaal.aanvrager)
    client.force_login(portaal.aanvrager)
    draft = start(client, bi_regeling, groep)
    stap(client, draft, "wat", wat())
    stap(client, draft, "waar-en-wanneer", waar(beijum))
    stap(client, draft, "begroting", begroting())
    for naam, inhoud in (("offerte.pdf", bestanden.pdf()), ("foto.png", bestanden.png())):
        client.post(reverse("portaal:aanvraag_bijlagen", args=[draft.pk]),
                    {"omschrijving": naam, "bestand": bestanden.upload(naam, inhoud)})
    tokens = []
    uitnodigen(portaal.organisatie, "nieuw@example.org", portaal.aanvrager, link=lambda t: tokens.append(t) or t)
    return SimpleNamespace(p=portaal, draft=draft, regeling=bi_regeling, token=tokens[0],
                           tranche=portaal.structureel.tranches.get(boekjaar=JAAR),
                           aanvragen=[portaal.concept, portaal.lopend, portaal.aanvulling, portaal.verleend,
                                      portaal.geweigerd, portaal.structureel.aanvraag, draft])


def _bezwaar(w):
    """An objection with a document against the refusal, filed once."""
    weigering = w.p.geweigerd.beschikkingen.get()
    bezwaar = weigering.bezwaren.first()
    if bezwaar is None:
        bezwaar = bezwaren.dien_in(weigering, w.p.aanvrager, gronden="Wij zijn het niet eens.")
        voeg_bezwaardocument_toe(bezwaar, bestand=bestanden.upload("brief.pdf", bestanden.pdf()),
                                 omschrijving="Brief", user=w.p.aanvrager)
    return bezwaar


def _url(naam, *args, query=""):
    return reverse(f"portaal:{naam}", args=args) + query


CASES = {
    "overzicht": lambda w: [Bezoek(_url("overzicht"))],
    "keuzehulp": lambda w: [Bezoek(_url("keuzehulp")),
                            Bezoek(_url("keuzehulp", query="?wie=organisatie&wat=meerjarig&bedrag=25000"))],
    "organisaties": lambda w: [Bezoek(_url("organisaties"))],
    "organisatie": lambda w: [Bezoek(_url("organisatie", w.p.organisatie.pk))],
    "organisatie_leden": lambda w: [Bezoek(_url("organisatie_leden", w.p.organisatie.pk))],
    "uitnodiging": lambda w: [Bezoek(_url("uitnodiging", w.token))],
    "aanvraag_starten": lambda w: [Bezoek(_url("aanvraag_starten", w.regeling.code))],
    "aanvraag_invullen": lambda w: [Bezoek(_url("aanvraag_invullen", w.draft.pk))],
    "aanvraag_stap": lambda w: [Bezoek(_url("aanvraag_stap", w.draft.pk, slug))
                                for slug in ("wat", "waar-en-wanneer", "begroting", "bijlagen")],
    "aanvraag_autosave": lambda w: [Bezoek(_url("aanvraag_autosave", w.draft.pk, "wat"),
                                           post={**wat(), "versie": versie(w.draft)})],
    "aanvraag_bijlagen": lambda w: [Bezoek(_url("aanvraag_bijlagen", w.draft.pk), status=302, post={
        "omschrijving": "Begroting", "bestand": bestanden.upload("begroting.pdf", bestanden.pdf())})],
    "aanvraag_controleren": lambda w: [Bezoek(_url("aanvraag_controleren", w.draft.pk))],
    "ontvangstbevestiging": lambda w: [Bezoek(_url("ontvangstbevestiging", w.p.lopend.pk))],
    "aanvraag": lambda w: [Bezoek(_url("aanvraag", a.pk)) for a in w.aanvragen],
    "intrekken": lambda w: [Bezoek(_url("intrekken", w.p.lopend.pk)), Bezoek(_url("intrekken", w.p.verleend.pk))],
    "ingebrekestelling": lambda w: [Bezoek(_url("ingebrekestelling", w.p.lopend.pk))],
    "document": lambda w: [Bezoek(_url("document", w.p.verleend.documenten.first().pk))],
    "beschikking_brief": lambda w: [Bezoek(_url("beschikking_brief", w.p.verleend.beschikkingen.first().pk))],
    "aanvulling_brief": lambda w: [Bezoek(_url("aanvulling_brief", w.p.aanvulling.aanvullingen.first().pk))],
    "aanvulling": lambda w: [Bezoek(_url("aanvulling", w.p.aanvulling.pk))],
    "subsidie": lambda w: [Bezoek(_url("subsidie", w.p.subsidie.pk)), Bezoek(_url("subsidie", w.p.structureel.pk))],
    "bezwaar_maken": lambda w: [Bezoek(_url("bezwaar_maken", w.p.geweigerd.beschikkingen.get().pk)),
                                Bezoek(_url("bezwaar_maken", w.p.verleend.beschikkingen.first().pk), status=302,
                                       post={"gronden": "Het bedrag is te laag."})],
    "bezwaar": lambda w: [Bezoek(_url("bezwaar", _bezwaar(w).pk))],
    "bezwaar_intrekken": lambda w: [Bezoek(_url("bezwaar_intrekken", _bezwaar(w).pk))],
    "bezwaardocument": lambda w: [Bezoek(_url("bezwaardocument", _bezwaar(w).documenten.get().pk))],
    "instellingen": lambda w: [Bezoek(_url("instellingen"))],
    "werkplan": lambda w: [Bezoek(_url("werkplan", w.tranche.pk))],
    "verantwoording": lambda w: [Bezoek(_url("verantwoording", w.p.subsidie.pk)),
                                 Bezoek(_url("verantwoording", w.p.structureel.pk, query=f"?boekjaar={JAAR - 2}"))],
}


def test_every_portal_url_has_a_case():
    namen = {patroon.name for patroon in get_resolver("portaal.urls").url_patterns}
    assert namen - set(CASES) == set(), "add the new portal page to CASES"
    assert set(CASES) - namen == set(), "a case for a URL name that no longer exists"


@pytest.mark.parametrize("naam", sorted(CASES))
def test_every_portal_page_within_20_queries(client, wereld, naam, django_assert_max_num_queries):
    for bezoek in CASES[naam](wereld):
        with django_assert_max_num_queries(MAX_QUERIES):
            if bezoek.post is None:
                antwoord = client.get(bezoek.url)
            else:
                antwoord = client.post(bezoek.url, bezoek.post)
        assert antwoord.status_code == bezoek.status, bezoek.url
