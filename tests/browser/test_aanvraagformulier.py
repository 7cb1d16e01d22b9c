"""The application form in a real browser, where nothing typed may be lost: without JavaScript (plain posts), with
its autosave (htmx), after the session expired (log in again, back on the same step), and a double click on
"Versturen" that submits once."""
import re

import pytest
from django.db import connection
from django.urls import reverse
from playwright.sync_api import expect

from portaal.models import Formulierconcept
from subsidies.models import Aanvraag
from tests import bestanden
from tests.accounts.conftest import WACHTWOORD, account
from tests.factories import GebiedFactory, WijkFactory
from tests.initiatieven.factories import InitiatiefgroepFactory, bewonersregeling
from tests.portaal.aanvragen import begroting, start, stap, waar, wat
from workflows.models import AuditRecord, Bericht

EMAIL = "bram@moestuin.example.org"


@pytest.fixture
def bram(referentiedata):
    """A resident with a password (he logs in through the form), member of a group in Beijum."""
    oost = GebiedFactory(naam="Oost")
    beijum = WijkFactory(gebied=oost, naam="Beijum")
    user = account(EMAIL)
    groep = InitiatiefgroepFactory(gebied=oost, wijk=beijum, leden=[user])
    regeling = bewonersregeling([oost], code="bewonersinitiatieven", naam="Bewonersinitiatieven")
    return user, groep, regeling, beijum


@pytest.fixture
def concept(bram, client):
    """A fresh draft, started as the start page's button does."""
    user, groep, regeling, _ = bram
    client.force_login(user)
    return start(client, regeling, groep)


def stap_url(aanvraag, slug):
    return reverse("portaal:aanvraag_stap", args=[aanvraag.pk, slug])


def getypt(aanvraag, slug, veld):
    return (Formulierconcept.objects.get(aanvraag=aanvraag).stap(slug) or {}).get(veld)


def test_without_javascript_the_steps_go_on_and_back_and_keep_the_draft(browser_pagina, inloggen, bram, concept,
                                                                          schermafdruk):
    page = browser_pagina(viewport={"width": 1280, "height": 800}, java_script_enabled=False)
    inloggen(page, bram[0])
    page.goto(stap_url(concept, "wat"))
    page.fill("[name=titel]", "Buurtmoestuin Beijum")
    page.fill("[name=omschrijving]", "Samen groente kweken met buren.")
    page.fill("[name=doelgroep]", "Buren")
    page.fill("[name=verwachte_deelnemers]", "25")
    page.check("[name=themas][value=ontmoeting]")
    page.check("[name=dimensies][value=meedoen]")
    page.get_by_role("button", name="Volgende").click()

    expect(page).to_have_url(re.compile(stap_url(concept, "waar-en-wanneer") + "$"))
    page.fill("[name=locatie]", "Achter het buurthuis")
    page.get_by_role("button", name="Vorige").click()

    expect(page).to_have_url(re.compile(stap_url(concept, "wat") + "$"))
    expect(page.locator("[name=titel]")).to_have_value("Buurtmoestuin Beijum")
    expect(page.locator("[name=themas][value=ontmoeting]")).to_be_checked()
    assert getypt(concept, "waar-en-wanneer", "locatie") == ["Achter het buurthuis"]  # "back" saved it too
    page.get_by_role("button", name="Volgende").click()
    expect(page.locator("[name=locatie]")).to_have_value("Achter het buurthuis")
    schermafdruk(page, "zonder-javascript")


def test_while_typing_the_autosave_says_saved_and_keeps_it_without_a_trail_record(pagina, inloggen, bram, concept):
    inloggen(pagina, bram[0])
    pagina.goto(stap_url(concept, "wat"))
    status = pagina.locator("#opgeslagen")
    expect(status).to_have_text("")
    sporen = AuditRecord.objects.count()

    pagina.locator("[name=titel]").press_sequentially("Buurtmoestuin")

    expect(status).to_have_text(re.compile(r"^Opgeslagen om \d\d:\d\d\s*$"))
    assert getypt(concept, "wat", "titel") == ["Buurtmoestuin"]
    assert AuditRecord.objects.count() == sporen  # typing is no legal act


def test_after_the_session_expired_the_person_logs_in_and_is_back_on_the_step_with_what_they_typed(
        pagina, inloggen, concept, schermafdruk):
    inloggen(pagina, concept.organisatie.leden.get())
    pagina.goto(stap_url(concept, "wat"))
    with pagina.expect_response(lambda antwoord: antwoord.url.endswith("/opslaan/")
                                and "Buurtmoestuin+Beijum" in (antwoord.request.post_data or "")):
        pagina.fill("[name=titel]", "Buurtmoestuin Beijum")
    pagina.context.clear_cookies(name="sessionid")  # the session expired while they were away

    pagina.get_by_role("button", name="Volgende").click()

    expect(pagina).to_have_url(re.compile("/account/login/"))
    schermafdruk(pagina, "inloggen")
    pagina.fill("[name=login]", EMAIL)
    pagina.fill("[name=password]", WACHTWOORD)
    pagina.locator("main form [type=submit]").click()
    expect(pagina).to_have_url(re.compile(stap_url(concept, "wat") + "$"))
    expect(pagina.locator("[name=titel]")).to_have_value("Buurtmoestuin Beijum")
    schermafdruk(pagina, "terug-op-de-stap")


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "zonder-javascript"])
def test_a_double_click_on_versturen_submits_once(browser_pagina, inloggen, bram, concept, client, javascript):
    """With JavaScript the button is disabled after the first click; without it both posts reach the server at
    once, and the second finds the request submitted."""
    if not javascript and connection.vendor == "sqlite":
        pytest.skip("SQLite: the live server's threads share one in-memory connection, so two requests at once "
                    "fail on its lock; this runs on PostgreSQL")
    _, _, _, beijum = bram
    stap(client, concept, "wat", wat())
    stap(client, concept, "waar-en-wanneer", waar(beijum))
    stap(client, concept, "begroting", begroting())
    client.post(reverse("portaal:aanvraag_bijlagen", args=[concept.pk]),
                {"omschrijving": "Offerte", "bestand": bestanden.upload("offerte.pdf", bestanden.pdf())})
    stap(client, concept, "bijlagen", {})
    page = browser_pagina(viewport={"width": 1280, "height": 800}, java_script_enabled=javascript)
    inloggen(page, bram[0])
    page.goto(reverse("portaal:aanvraag_controleren", args=[concept.pk]))

    page.get_by_role("button", name="Versturen").dblclick()

    expect(page.locator("h1")).to_have_text("Uw aanvraag is verstuurd")
    concept.refresh_from_db()
    assert concept.status == Aanvraag.Status.INGEDIEND
    assert AuditRecord.objects.filter(handeling="indienen", object_id=str(concept.pk)).count() == 1
    ontvangst = list(Bericht.objects.filter(sleutel__startswith=f"ontvangst-{concept.pk}")
                     .values_list("aan", flat=True))
    assert ontvangst and len(ontvangst) == len(set(ontvangst))  # one receipt to each address


def test_a_refusal_to_an_htmx_post_is_shown_without_a_console_error(pagina, inloggen, bram, concept):
    """Another member saved the step since this page loaded: "Regel toevoegen" (an htmx post) is refused as a
    conflict — 409 to a plain post — and htmx swaps in the page with the warning and what the other typed. The
    browser logs no failed request (the `pagina` fixture fails the test on any console error)."""
    from django.test import Client

    user, groep, _, _ = bram
    ander = account("ineke@moestuin.example.org")
    groep.leden.add(ander)
    inloggen(pagina, user)
    pagina.goto(stap_url(concept, "begroting"))
    andere = Client()
    andere.force_login(ander)
    stap(andere, concept, "begroting", begroting(gevraagd_bedrag="900"))

    pagina.get_by_role("button", name="Regel toevoegen").click()

    expect(pagina.locator(".utrecht-alert--warning")).to_contain_text("Wat u typte is niet opgeslagen")
    expect(pagina.locator("main")).to_contain_text("900")
