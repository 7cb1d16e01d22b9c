"""Every page of the applicant portal and of the accounts, in a real browser, over realistic data: no console or
Content-Security-Policy error, no serious or critical axe violation, a screenshot, and on a 360 px phone no
sideways scrolling. The list of pages comes from portaal/urls.py: a new portal page without an entry here fails.

Also the application form without JavaScript (steps and the draft by plain posts), and with JavaScript its autosave.
"""
import re

import pytest
from django.urls import URLPattern, reverse
from playwright.sync_api import expect

from portaal import urls as portaal_urls
from portaal.models import Formulierconcept
from subsidies.services import bezwaren, organisaties
from subsidies.services.documenten import voeg_bezwaardocument_toe
from tests import bestanden
from tests.factories import AanvraagFactory, GebiedFactory, WijkFactory
from tests.initiatieven.factories import bewonersregeling
from tests.portaal.conftest import ander, portaal  # noqa: F401 - fixtures: the realistic data

from .conftest import geen_horizontale_scroll, toegankelijk

SCHERMEN = {"bureau": {"viewport": {"width": 1280, "height": 800}},
            "telefoon": {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}}
# Views that answer only a POST (no page of their own): the step's autosave and the files step's upload.
ALLEEN_POST = {"aanvraag_autosave", "aanvraag_bijlagen"}


@pytest.fixture
def gegevens(referentiedata, portaal, ander, aanvrager):  # noqa: F811 - the fixtures imported above
    """The portal's realistic data, plus what the application pages need: a bewonersinitiatief draft with two steps
    typed, a regeling to start on, and an invitation of another organisation for the aanvrager."""
    oost = GebiedFactory(naam="Oost")
    beijum = WijkFactory(gebied=oost, naam="Beijum")
    regeling = bewonersregeling([oost], code="bewonersinitiatieven", naam="Bewonersinitiatieven")
    concept = AanvraagFactory(regeling=regeling, organisatie=portaal.organisatie, titel="", gevraagd_bedrag=None)
    Formulierconcept.objects.create(aanvraag=concept, gewijzigd_door=aanvrager, versie=2, gegevens={
        "wat": {"titel": ["Buurtmoestuin Beijum"], "omschrijving": ["Samen groente kweken met buren."],
                "doelgroep": ["Buren"], "verwachte_deelnemers": ["25"], "themas": ["ontmoeting"],
                "dimensies": ["meedoen"]},
        "waar-en-wanneer": {"wijk": [str(beijum.pk)], "locatie": ["Achter het buurthuis"]}})
    ander.organisatie.leden.add(ander.lid)
    tokens = []
    organisaties.uitnodigen(ander.organisatie, aanvrager.email or "aanvrager@example.org", ander.lid,
                            link=lambda token: tokens.append(token) or f"/portaal/uitnodiging/{token}/")
    portaal.bi_concept, portaal.bi_regeling, portaal.uitnodiging_token = concept, regeling, tokens[0]
    portaal.bezwaar = bezwaren.dien_in(portaal.geweigerd.beschikkingen.get(), portaal.aanvrager,
                                       gronden="Wij zijn het niet eens met de weigering.")
    voeg_bezwaardocument_toe(portaal.bezwaar, bestand=bestanden.upload("brief.pdf", bestanden.pdf()),
                             omschrijving="Onze brief", user=portaal.aanvrager)
    return portaal


def portaalpaginas(d) -> dict[str, list[str]]:
    """Per URL name of portal page, the addresses to visit over the data `d` (several where the page differs by the
    state of what it shows). `None`: a file, not a page (checked by its answer, not scanned)."""
    tranche = d.structureel.tranches.get(status="definitief")
    document = d.lopend.documenten.first()
    stappen = ["wat", "waar-en-wanneer", "begroting", "bijlagen"]
    return {
        "overzicht": [reverse("portaal:overzicht")],
        "keuzehulp": [reverse("portaal:keuzehulp"), reverse("portaal:keuzehulp") + "?wie=bewoners&wat=eenmalig"],
        "organisaties": [reverse("portaal:organisaties")],
        "organisatie": [reverse("portaal:organisatie", args=[d.organisatie.pk])],
        "organisatie_leden": [reverse("portaal:organisatie_leden", args=[d.organisatie.pk])],
        "uitnodiging": [reverse("portaal:uitnodiging", args=[d.uitnodiging_token])],
        "aanvraag_starten": [reverse("portaal:aanvraag_starten", args=[d.bi_regeling.code])],
        "aanvraag_invullen": [reverse("portaal:aanvraag_invullen", args=[d.bi_concept.pk])],
        "aanvraag_stap": [reverse("portaal:aanvraag_stap", args=[d.bi_concept.pk, stap]) for stap in stappen],
        "aanvraag_controleren": [reverse("portaal:aanvraag_controleren", args=[d.bi_concept.pk])],
        "ontvangstbevestiging": [reverse("portaal:ontvangstbevestiging", args=[d.lopend.pk])],
        "aanvraag": [reverse("portaal:aanvraag", args=[a.pk])
                     for a in (d.concept, d.lopend, d.aanvulling, d.verleend, d.geweigerd, d.structureel.aanvraag)],
        "intrekken": [reverse("portaal:intrekken", args=[d.lopend.pk])],
        "ingebrekestelling": [reverse("portaal:ingebrekestelling", args=[d.lopend.pk])],
        "document": [None, reverse("portaal:document", args=[document.pk])],
        "beschikking_brief": [None, reverse("portaal:beschikking_brief", args=[d.verleend.beschikkingen.first().pk])],
        "aanvulling_brief": [None, reverse("portaal:aanvulling_brief", args=[d.aanvulling.aanvullingen.first().pk])],
        "aanvulling": [reverse("portaal:aanvulling", args=[d.aanvulling.pk])],
        "bezwaar_maken": [reverse("portaal:bezwaar_maken", args=[d.verleend.beschikkingen.first().pk])],
        "bezwaar": [reverse("portaal:bezwaar", args=[d.bezwaar.pk])],
        "bezwaar_intrekken": [reverse("portaal:bezwaar_intrekken", args=[d.bezwaar.pk])],
        "bezwaardocument": [None, reverse("portaal:bezwaardocument", args=[d.bezwaar.documenten.get().pk])],
        "instellingen": [reverse("portaal:instellingen")],
        "subsidie": [reverse("portaal:subsidie", args=[s.pk]) for s in (d.subsidie, d.structureel)],
        "werkplan": [reverse("portaal:werkplan", args=[tranche.pk])],
        "verantwoording": [reverse("portaal:verantwoording", args=[d.subsidie.pk]),
                           reverse("portaal:verantwoording", args=[d.structureel.pk])],
    }


def pagina_namen() -> set[str]:
    """The portal's URL names that show a page (answer a GET)."""
    namen = set()
    for patroon in portaal_urls.urlpatterns:
        assert isinstance(patroon, URLPattern), "portaal/urls.py includes another URLconf: list its pages here"
        view = patroon.callback.view_class
        if "get" in view.http_method_names and hasattr(view, "get"):
            namen.add(patroon.name)
    return namen


# The fields that look wrong before anyone typed: styled exactly as when marked invalid.
AL_ROOD = """() => [...document.querySelectorAll(
        ".utrecht-textarea:not([aria-invalid]), .utrecht-textbox:not([aria-invalid])")].filter((veld) => {
        const stijl = () => { const s = getComputedStyle(veld); return s.borderColor + s.backgroundColor; };
        const gewoon = stijl();
        veld.setAttribute("aria-invalid", "true");
        const fout = stijl();
        veld.removeAttribute("aria-invalid");
        return gewoon === fout;
    }).map((veld) => veld.name)"""


def bekijk(page, naam: str, scherm: str, schermafdruk):
    assert page.evaluate(AL_ROOD) == [], f"{page.url}: fields shown as wrong before anything was typed"
    toegankelijk(page)
    if scherm == "telefoon":
        geen_horizontale_scroll(page)
    schermafdruk(page, naam)


@pytest.mark.parametrize("scherm", ["bureau", "telefoon"])
def test_every_portal_page_is_clean_accessible_and_fits(browser_pagina, inloggen, gegevens, schermafdruk, scherm):
    page = browser_pagina(**SCHERMEN[scherm])
    inloggen(page, gegevens.aanvrager)
    paginas = portaalpaginas(gegevens)
    # Nothing forgotten: a new portal page fails here until it is listed in `portaalpaginas`.
    assert set(paginas) == pagina_namen() == {p.name for p in portaal_urls.urlpatterns} - ALLEEN_POST

    for naam, urls in paginas.items():
        if urls[0] is None:  # a file: it comes as a download, whole and of its own type
            for url in urls[1:]:
                antwoord = page.request.get(url)
                assert antwoord.ok and antwoord.headers["content-type"] == "application/pdf", url
            continue
        for i, url in enumerate(urls):
            antwoord = page.goto(url)
            assert antwoord.ok, f"{naam}: {url} answered {antwoord.status}"
            assert page.url.endswith(url), f"{naam}: {url} went on to {page.url}"
            expect(page.locator("h1")).to_have_count(1)
            bekijk(page, f"{naam}-{i}", scherm, schermafdruk)


@pytest.mark.parametrize("scherm", ["bureau", "telefoon"])
def test_every_account_page_is_clean_accessible_and_fits(browser_pagina, schermafdruk, scherm):
    page = browser_pagina(**SCHERMEN[scherm])
    for naam, url in [("inloggen", "/account/login/"), ("registreren", "/account/signup/"),
                      ("wachtwoord-vergeten", "/account/password/reset/"),
                      ("wachtwoord-mail-verstuurd", "/account/password/reset/done/")]:
        assert page.goto(url).ok, url
        bekijk(page, naam, scherm, schermafdruk)
    page.goto("/account/signup/")
    page.fill("[name=email]", "nieuw@example.org")
    page.fill("[name=password1]", "Wachtwoord-voor-Selwerd-2026")
    page.fill("[name=password2]", "Wachtwoord-voor-Selwerd-2026")
    page.locator("main form [type=submit]").click()
    expect(page).to_have_url(re.compile("/account/confirm-email/$"))
    bekijk(page, "code-invullen", scherm, schermafdruk)
