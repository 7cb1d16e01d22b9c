"""Who may open which portal page, written as a matrix like the API's (tests/api/test_permission_matrix.py).

The portal shows each person what belongs to the organisations they are a member of, whatever their role:
- anonymous → the login page (with `next`);
- a member → the page (GET 200; a POST does what the page does);
- a member of another organisation → 404, and a POST changes nothing (a page that takes no POST answers 405 to
  anyone logged in, before it looks for the object);
- staff (behandelaar, beslisser, auditor, beheerder) who are not members → 404 as well: staff work in their own
  face, and the portal neither shows nor tells them more than any other outsider.
An invitation is the exception: its token is the secret, so any logged-in person who holds it may open it.

PAGINAS is the list to extend: (URL name, object kind, how to find the object's id in the `wereld`, what a
member's POST with the given data answers). The other portal helpers add their pages here.
"""
import datetime as dt
from dataclasses import dataclass
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from django.urls import reverse
from django.utils import timezone

from subsidies.models import Aanvraag
from subsidies.rollen import Rol
from subsidies.services.documenten import voeg_document_toe
from tests.bestanden import pdf, upload
from tests.conftest import database_state
from tests.factories import AanvraagFactory, OrganisatieFactory, breng_naar, maak_gebruiker
from workflows.transitions import perform

pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class Pagina:
    naam: str
    soort: str  # organisatie | aanvraag | subsidie | document | beschikking | aanvulling | … (none: a list)
    object_id: object = None  # wereld -> the id in the URL
    post: dict | None = None  # a member's POST: the data sent; None: the page takes no POST (405)
    post_status: int = 405


PAGINAS = [
    Pagina("portaal:overzicht", ""),
    Pagina("portaal:organisaties", "", post={}, post_status=400),
    Pagina("portaal:organisatie", "organisatie", lambda w: w.organisatie.pk, post={"formulier": "gegevens"},
           post_status=400),
    Pagina("portaal:organisatie_leden", "organisatie", lambda w: w.organisatie.pk,
           post={"formulier": "uitnodigen", "email": ""}, post_status=400),
    Pagina("portaal:aanvraag", "aanvraag", lambda w: w.aanvraag.pk),
    Pagina("portaal:intrekken", "aanvraag", lambda w: w.lopend.pk, post={"reden": "Gaat niet door."},
           post_status=302),
    # the decision term of `lopend` has not passed: the member's notice of default is refused (409) and changes nothing
    Pagina("portaal:ingebrekestelling", "aanvraag", lambda w: w.lopend.pk, post={"reden": ""}, post_status=409),
    Pagina("portaal:subsidie", "subsidie", lambda w: w.subsidie.pk),
    Pagina("portaal:document", "document", lambda w: w.document.pk),
    Pagina("portaal:beschikking_brief", "beschikking", lambda w: w.aanvraag.beschikkingen.get().pk),
    Pagina("portaal:aanvulling_brief", "aanvulling", lambda w: w.aanvulling.pk),
]

STAF = [Rol.BEHANDELAAR, Rol.BESLISSER, Rol.AUDITOR, Rol.BEHEERDER]


@pytest.fixture
def wereld(db, behandelaar):
    """One organisation with a member, a request with a document that was granted, and one still open."""
    lid = maak_gebruiker(Rol.AANVRAGER, username="lid")
    organisatie = OrganisatieFactory(leden=[lid])
    aanvraag = AanvraagFactory(organisatie=organisatie)
    document = voeg_document_toe(aanvraag, bestand=upload("plan.pdf", pdf()), omschrijving="Plan", user=lid)
    aanvraag = breng_naar(aanvraag, "verleend", behandelaar=behandelaar)
    lopend = breng_naar(AanvraagFactory(organisatie=organisatie), "ingediend")
    gevraagd = perform(breng_naar(AanvraagFactory(organisatie=organisatie), "in_behandeling", behandelaar=behandelaar),
                       "aanvulling_vragen", behandelaar, reden="Stuur de offerte.",
                       termijn_tot=timezone.localdate() + dt.timedelta(days=14))
    return SimpleNamespace(lid=lid, organisatie=organisatie, aanvraag=aanvraag, subsidie=aanvraag.subsidie,
                           document=document, lopend=lopend, aanvulling=gevraagd.aanvullingen.get(),
                           ander=maak_gebruiker(Rol.AANVRAGER, username="ander-lid"),
                           staf={rol: maak_gebruiker(rol, username=f"staf-{rol}") for rol in STAF})


def _url(pagina, wereld):
    return reverse(pagina.naam, args=[pagina.object_id(wereld)] if pagina.object_id else [])


def _login_url():
    return resolve_url(settings.LOGIN_URL)  # a URL name or a path, whichever the settings give


@pytest.mark.parametrize("pagina", PAGINAS, ids=[p.naam for p in PAGINAS])
def test_matrix(client, wereld, pagina):
    OrganisatieFactory(leden=[wereld.ander])  # the other organisation
    url = _url(pagina, wereld)

    antwoord = client.get(url)
    assert antwoord.status_code == 302 and antwoord.url.startswith(_login_url()), "anonymous GET"
    voor = database_state()
    antwoord = client.post(url, pagina.post or {})
    assert antwoord.status_code == 302 and antwoord.url.startswith(_login_url()), "anonymous POST"
    assert database_state() == voor

    buitenstaanders = [wereld.ander, *wereld.staf.values()]
    for wie in buitenstaanders:
        client.force_login(wie)
        verwacht = 200 if not pagina.soort else 404
        assert client.get(url).status_code == verwacht, (wie.username, "GET")
        if pagina.soort:  # a page without POST says so to anyone (405), which tells nothing about the object
            voor = database_state()
            verwacht = 404 if pagina.post is not None else 405
            assert client.post(url, pagina.post or {}).status_code == verwacht, (wie.username, "POST")
            assert database_state() == voor, f"{wie.username}'s POST changed something"

    client.force_login(wereld.lid)
    assert client.get(url).status_code == 200, "member GET"
    assert client.post(url, pagina.post or {}).status_code == pagina.post_status, "member POST"


def test_a_post_to_withdraw_another_organisations_request_changes_nothing(client, wereld):
    client.force_login(wereld.lid)
    vreemd = breng_naar(AanvraagFactory(), "ingediend")
    antwoord = client.post(reverse("portaal:intrekken", args=[vreemd.pk]), {"reden": "Weg ermee."})
    assert antwoord.status_code == 404
    vreemd.refresh_from_db()
    assert vreemd.status == Aanvraag.Status.INGEDIEND


def test_lists_show_only_the_persons_own_organisations(client, wereld):
    vreemde_organisatie = OrganisatieFactory(leden=[wereld.ander], naam="Stichting Elders")
    AanvraagFactory(organisatie=vreemde_organisatie, titel="Andermans plan")
    for wie in [wereld.lid, *wereld.staf.values()]:
        client.force_login(wie)
        for naam in ("portaal:overzicht", "portaal:organisaties"):
            pagina = client.get(reverse(naam)).content.decode()
            assert "Stichting Elders" not in pagina and "Andermans plan" not in pagina


def test_an_invitation_opens_for_whoever_holds_its_token(client, wereld):
    from subsidies.services.organisaties import uitnodigen

    tokens = []
    uitnodigen(wereld.organisatie, "nieuw@example.org", wereld.lid, link=lambda t: tokens.append(t) or t)
    url = reverse("portaal:uitnodiging", args=[tokens[0]])
    antwoord = client.get(url)
    assert antwoord.status_code == 302 and antwoord.url.startswith(_login_url())
    for wie in [wereld.ander, wereld.lid, *wereld.staf.values()]:
        client.force_login(wie)
        assert client.get(url).status_code == 200
        assert client.get(reverse("portaal:uitnodiging", args=["niet-" + tokens[0]])).status_code == 404
