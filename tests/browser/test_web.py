"""The pages every face shares, in a real browser: no console or Content-Security-Policy error (checked by the
`pagina`/`telefoon` fixtures), no serious accessibility violation, a screenshot of each; the language switch, a
phone's width, the error summary's focus, and pages without JavaScript."""
import re
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from subsidies.models import Budget
from tests.factories import AanvraagFactory, GebiedFactory, PlafondFactory, RegelingFactory


@pytest.fixture
def regelingen(db):
    """Two open regelingen, one with a ceiling per gebied (the widest row of the start page)."""
    jaar = timezone.localdate().year
    PlafondFactory(regeling__naam="Bewonersinitiatieven", regeling__beslistermijn_weken=2, boekjaar=jaar,
                   bedrag=Decimal("250000.00"))
    regeling = RegelingFactory(naam="Maatschappelijke initiatieven in de wijk", per_gebied=True)
    for naam, bedrag in [("Oost", "80000.00"), ("West", "70000.00"), ("Haren en Ten Boer", "30000.00")]:
        gebied = GebiedFactory(naam=naam)
        budget = Budget.objects.create(begrotingspost=regeling.begrotingspost, fondsbron=regeling.fondsbron,
                                       boekjaar=jaar, gebied=gebied, bedrag=Decimal(bedrag))
        PlafondFactory(regeling=regeling, boekjaar=jaar, gebied=gebied, budget=budget, bedrag=Decimal(bedrag))


@pytest.mark.parametrize("url, kop", [("/", "Subsidies voor de sociale basis"),
                                      ("/toegankelijkheid/", "Toegankelijkheid")], ids=["start", "toegankelijkheid"])
def test_shared_pages_load_clean_and_accessible(pagina, regelingen, schermafdruk, toegankelijk, url, kop):
    pagina.goto(url)

    assert pagina.locator("h1").inner_text() == kop
    assert pagina.locator("html").get_attribute("lang") == "nl"
    toegankelijk(pagina)
    schermafdruk(pagina, "pagina")


def test_the_skip_link_appears_on_focus_and_leads_to_the_content(pagina):
    pagina.goto("/toegankelijkheid/")

    pagina.keyboard.press("Tab")
    skip = pagina.locator(".utrecht-skip-link")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    pagina.keyboard.press("Enter")
    expect(pagina).to_have_url(re.compile("#inhoud$"))


def test_api_docs_work_under_the_content_security_policy(pagina, schermafdruk):
    pagina.goto("/api/docs/")

    pagina.locator(".swagger-ui .info .title").wait_for()
    assert "Sociale Basis Subsidies API" in pagina.locator(".swagger-ui .info .title").inner_text()
    pagina.locator(".opblock-tag").first.wait_for()
    schermafdruk(pagina, "swagger")


def test_admin_login_page(pagina, schermafdruk, toegankelijk):
    pagina.goto("/admin/login/")

    expect(pagina.locator("#id_username")).to_be_visible()
    toegankelijk(pagina)
    schermafdruk(pagina, "login")


def test_admin_pages_work_under_the_content_security_policy(pagina, admin_user, inloggen, schermafdruk,
                                                             toegankelijk):
    """The admin's own scripts (inlines, filter_horizontal, autocomplete) run from static files: no exception."""
    from tests.bewonersorganisaties.factories import BewonersorganisatieFactory

    aanvraag = AanvraagFactory()
    bewonersorganisatie = BewonersorganisatieFactory()
    inloggen(pagina, admin_user)

    pagina.goto("/admin/subsidies/aanvraag/")
    assert aanvraag.titel in pagina.locator("#result_list").inner_text()
    schermafdruk(pagina, "aanvragen")
    pagina.goto(f"/admin/subsidies/aanvraag/{aanvraag.pk}/change/")
    toegankelijk(pagina)
    schermafdruk(pagina, "aanvraag")
    pagina.goto(f"/admin/subsidies/aanvraag/{aanvraag.pk}/history/")
    schermafdruk(pagina, "geschiedenis")
    # A change form with an editable inline (its "add another" row comes from the admin's inlines.js). Not scanned by
    # axe: Django's tabular inlines have column headers but no label per input (Django's to fix, like the next one).
    pagina.goto(f"/admin/subsidies/regeling/{aanvraag.regeling.pk}/change/")
    rijen = pagina.locator(".inline-group .form-row:not(.empty-form)")
    voor = rijen.count()
    pagina.locator(".inline-group .add-row a").first.click()
    expect(rijen).to_have_count(voor + 1)
    schermafdruk(pagina, "regeling")
    # filter_horizontal's two boxes, built by SelectFilter2.js. Not scanned by axe: Django's script puts an aria-label
    # on a plain <span>.
    pagina.goto(f"/admin/subsidies/organisatie/{aanvraag.organisatie.pk}/change/")
    expect(pagina.locator(".selector")).to_be_visible()
    pagina.goto(f"/admin/bewonersorganisaties/bewonersorganisatie/{bewonersorganisatie.pk}/change/")
    pagina.locator(".select2-selection").first.click()  # the autocomplete opens and searches
    pagina.locator(".select2-results__option").first.wait_for()
    schermafdruk(pagina, "autocomplete")


def test_the_language_switch_turns_the_site_english_and_it_stays_english(pagina, regelingen, schermafdruk):
    pagina.goto("/toegankelijkheid/")

    pagina.get_by_role("button", name="English").click()

    expect(pagina.locator("html")).to_have_attribute("lang", "en")
    expect(pagina.locator("h1")).to_have_text("Accessibility")
    expect(pagina).to_have_url(re.compile("/toegankelijkheid/$"))  # back on the same page
    schermafdruk(pagina, "english")
    pagina.get_by_role("link", name="Home").click()
    expect(pagina.locator("h1")).to_have_text("Grants for the community (sociale basis)")
    expect(pagina.get_by_role("button", name="Nederlands")).to_have_attribute("lang", "nl")
    pagina.get_by_role("button", name="Nederlands").click()
    expect(pagina.locator("h1")).to_have_text("Subsidies voor de sociale basis")


@pytest.mark.parametrize("url", ["/", "/toegankelijkheid/"], ids=["start", "toegankelijkheid"])
def test_a_phone_does_not_scroll_sideways(telefoon, regelingen, schermafdruk, geen_horizontale_scroll,
                                          toegankelijk, url):
    telefoon.goto(url)

    geen_horizontale_scroll(telefoon)
    toegankelijk(telefoon)
    schermafdruk(telefoon, "telefoon")


@pytest.mark.urls("tests.browser.formulier")
def test_the_error_summary_takes_the_focus_and_leads_to_each_field(pagina, schermafdruk, toegankelijk):
    pagina.goto("/test/aanmelden/")
    assert pagina.title().startswith("Aanmelden")
    pagina.get_by_label("Naam van de groep").fill("De Buurt")

    pagina.get_by_role("button", name="Versturen").click()

    expect(pagina).to_have_title(re.compile("^Fout: Aanmelden"))
    samenvatting = pagina.locator("[data-foutsamenvatting]")
    expect(samenvatting).to_be_focused()
    expect(samenvatting.locator("h2")).to_have_text("Er ging iets mis")
    expect(pagina.get_by_label("Naam van de groep")).to_have_value("De Buurt")  # nothing typed is lost
    toegankelijk(pagina)
    schermafdruk(pagina, "fouten")
    samenvatting.get_by_role("link", name="Wat voor groep bent u?").click()
    expect(pagina.locator("#id_soort_0")).to_be_focused()
    samenvatting.get_by_role("link", name="Ik heb alles naar waarheid ingevuld").click()
    expect(pagina.locator("#id_akkoord")).to_be_focused()


def test_the_start_page_and_the_language_switch_work_without_javascript(browser_pagina, regelingen, schermafdruk):
    pagina = browser_pagina(viewport={"width": 1280, "height": 800}, java_script_enabled=False)
    pagina.goto("/")
    assert "Bewonersinitiatieven" in pagina.locator("main").inner_text()
    pagina.locator("summary", has_text="Per gebied").click()  # <details> opens without script
    expect(pagina.get_by_text("Haren en Ten Boer")).to_be_visible()

    pagina.get_by_role("button", name="English").click()

    expect(pagina.locator("h1")).to_have_text("Grants for the community (sociale basis)")
    schermafdruk(pagina, "zonder-javascript")


@pytest.mark.urls("tests.browser.formulier")
def test_htmx_runs_under_the_csp_and_its_posts_pass_the_csrf_check(pagina):
    """htmx 4 from our static files; a POST from a button outside any form carries the CSRF token (web.js)."""
    pagina.goto("/test/htmx/")

    pagina.get_by_role("button", name="Vraag").click()

    expect(pagina.locator("#antwoord")).to_have_text("antwoord, htmx=True")


def test_the_harness_notices_a_csp_violation_and_a_script_error(pagina):
    """What the fixtures fail a test on, caught here on purpose (and then cleared, so this test passes)."""
    pagina.goto("/toegankelijkheid/")

    pagina.evaluate("document.body.insertAdjacentHTML('beforeend', '<p style=\"color: red\">inline</p>')")
    pagina.evaluate("setTimeout(() => { throw new Error('kapot'); })")
    for _ in range(100):  # the reports arrive asynchronously
        if len(pagina.sbs_fouten) >= 3:
            break
        pagina.wait_for_timeout(50)

    assert any("CSP violation: style-src-attr" in fout for fout in pagina.sbs_fouten)
    assert any("script error" in fout and "kapot" in fout for fout in pagina.sbs_fouten)
    pagina.sbs_fouten.clear()
