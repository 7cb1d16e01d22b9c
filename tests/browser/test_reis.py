"""A newcomer's whole journey in a real browser: register, verify the address with the code from the mail, add the
group, ask the keuzehulp, apply for a bewonersinitiatief with a file — leaving half-way and coming back on another
device — submit, answer the officer's aanvulling, report back (verantwoording) and read that the amount is settled.

The officer's side runs through `transitions.perform`, as the workbench will. One journey, written once, runs in
Dutch and in English at a desk, and in Dutch on a 360 px phone; every page is screenshot and scanned by axe, and on
the phone none scrolls sideways. The texts checked are the catalogue's own (`gettext` in the journey's language),
so a missing translation shows as a Dutch text on an English page.
"""
import datetime as dt
import re
from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone, translation
from playwright.sync_api import expect

from subsidies.models import Aanvraag, Subsidie, Wijk
from tests import bestanden
from tests.factories import GebiedFactory, WijkFactory
from tests.initiatieven.factories import bewonersregeling
from workflows.transitions import perform

from .conftest import geen_horizontale_scroll, toegankelijk

EMAIL = "bram@moestuin.example.org"
WACHTWOORD = "Wachtwoord-voor-Selwerd-2026"
SCHERMEN = {"bureau": {"viewport": {"width": 1280, "height": 800}},
            "telefoon": {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}}


@pytest.fixture
def regeling(referentiedata):
    """Bewonersinitiatieven in Oost (Beijum), asking a short report above € 500 (so this one reports back)."""
    oost = GebiedFactory(naam="Oost")
    WijkFactory(gebied=oost, naam="Beijum")
    regeling = bewonersregeling([oost], code="bewonersinitiatieven", naam="Bewonersinitiatieven")
    regeling.grens_direct_vaststellen = Decimal("500.00")
    regeling.save()
    return regeling


class Reis:
    """The person's browser in one language on one screen; `bekijk` checks and photographs every page."""

    def __init__(self, browser_pagina, schermafdruk, taal, scherm):
        self.browser_pagina, self.schermafdruk, self.taal, self.scherm = browser_pagina, schermafdruk, taal, scherm
        self.page = None

    def t(self, tekst: str) -> str:
        """The page's text in the journey's language (the catalogue's translation of the Dutch msgid)."""
        with translation.override(self.taal):
            return translation.gettext(tekst)

    def nieuw_apparaat(self, url: str):
        """A fresh browser context (another device: no cookies), switched to the journey's language by its button."""
        self.page = self.browser_pagina(**SCHERMEN[self.scherm])
        self.page.goto(url)
        if self.taal == "en":
            self.page.get_by_role("button", name="English").click()
            expect(self.page.locator("html")).to_have_attribute("lang", "en")
        return self.page

    def begin(self, tekst: str) -> str:
        """The translated text up to its first placeholder (the part that does not depend on a date or time)."""
        return self.t(tekst).split("%(")[0].strip()

    def stap(self, nummer: int) -> str:
        return self.t("Stap %(stapnummer)s van %(aantal_stappen)s") % {"stapnummer": nummer, "aantal_stappen": 4}

    def bekijk(self, naam: str, kop: str | None = None):
        page = self.page
        page.wait_for_load_state()
        assert page.locator("html").get_attribute("lang") == self.taal, page.url
        if kop is not None:
            expect(page.locator("h1")).to_have_text(self.t(kop))
        toegankelijk(page)
        if self.scherm == "telefoon":
            geen_horizontale_scroll(page)
        self.schermafdruk(page, naam)

    def knop(self, tekst: str):
        knop = self.page.locator("main").get_by_role("button", name=self.t(tekst), exact=True)
        return knop.and_(self.page.locator("button"))  # not a file field, whose own button bears its label

    def link(self, tekst: str):
        return self.page.locator("main").get_by_role("link", name=self.t(tekst))

    def inloggen(self):
        self.page.fill("[name=login]", EMAIL)
        self.page.fill("[name=password]", WACHTWOORD)
        self.knop("Inloggen").click()


def autosave(getypt: str):
    """Matches the autosave's answer to a request that carried `getypt`."""
    return lambda antwoord: (antwoord.url.endswith("/opslaan/") and antwoord.ok
                             and getypt.replace(" ", "+") in (antwoord.request.post_data or ""))


def code_uit_de_mail() -> str:
    (bericht,) = [b for b in mail.outbox if b.to == [EMAIL]]
    return re.search(r"\b(\d{6})\b", bericht.body).group(1)


def reis(reis_: Reis, regeling, behandelaar, beslisser, volledig: bool):
    """The journey itself; `volledig=False` does the officer's steps after the submission without the browser."""
    r = reis_
    page = r.nieuw_apparaat("/")

    # Register and verify the address with the six digits from the mail.
    page.goto("/account/signup/")
    r.bekijk("registreren", "Maak een account")
    page.fill("[name=email]", EMAIL)
    page.fill("[name=password1]", WACHTWOORD)
    page.fill("[name=password2]", WACHTWOORD)
    r.knop("Account maken").click()
    expect(page).to_have_url(re.compile("/account/confirm-email/$"))
    r.bekijk("code-invullen")
    page.fill("[name=code]", code_uit_de_mail())
    page.locator("main form [type=submit]").first.click()
    expect(page).to_have_url(re.compile("/portaal/$"))
    r.bekijk("overzicht-leeg", "Mijn overzicht")

    # The group: residents without a foundation, in Beijum.
    r.link("Uw organisatie of bewonersgroep toevoegen").click()
    r.bekijk("organisaties", "Mijn organisaties")
    page.fill("[name=naam]", "Moestuingroep Beijum")
    page.select_option("[name=rechtsvorm]", "initiatiefgroep")
    page.fill("[name=iban]", "NL91 ABNA 0417 1643 00")
    page.fill("[name=tenaamstelling]", "B. de Jong")
    page.fill("[name=postcode]", "9733 AB")
    page.fill("[name=plaats]", "Groningen")
    r.knop("Organisatie toevoegen").click()
    expect(page.locator("h1")).to_have_text("Moestuingroep Beijum")
    r.bekijk("organisatie")
    page.fill("[name=contact-naam]", "Bram de Jong")  # a group without legal personality names its contact
    page.fill("[name=contact-functie]", "Penningmeester")
    page.fill("[name=contact-email]", EMAIL)
    r.knop("Toevoegen").click()
    expect(page.locator("main")).to_contain_text("Bram de Jong")
    r.bekijk("organisatie-bestuur")

    # The keuzehulp: residents, one activity, in Oost, about € 1,000.
    page.goto("/portaal/keuzehulp/")
    r.bekijk("keuzehulp", "Welke subsidie past bij u?")
    page.check("[name=wie][value=bewoners]")
    page.check("[name=wat][value=eenmalig]")
    page.select_option("[name=gebied]", label="Oost")
    page.fill("[name=bedrag]", "1000")
    r.knop("Laat zien wat past").click()
    expect(page.locator(".sbs-keuzehulp__regeling h3")).to_have_text(["Bewonersinitiatieven"])
    r.bekijk("keuzehulp-uitkomst")
    page.locator(".sbs-keuzehulp__regeling a").click()
    r.bekijk("starten")
    r.knop("Begin met de aanvraag").click()

    # Step 1, then half of step 2 (kept by the autosave while typing), then away.
    expect(page.locator(".stapnummer")).to_have_text(r.stap(1))
    page.fill("[name=titel]", "Buurtmoestuin Beijum")
    page.fill("[name=omschrijving]", "Samen groente kweken met buren.")
    page.fill("[name=doelgroep]", "Buren van alle leeftijden")
    page.fill("[name=verwachte_deelnemers]", "25")
    page.check("[name=themas][value=ontmoeting]")
    page.check("[name=dimensies][value=meedoen]")
    r.bekijk("stap-wat")
    r.knop("Volgende").click()
    expect(page.locator(".stapnummer")).to_have_text(r.stap(2))
    page.select_option("[name=wijk]", str(Wijk.objects.get(naam="Beijum").pk))
    with page.expect_response(autosave("Achter het buurthuis")):  # a second after the typing stops
        page.fill("[name=locatie]", "Achter het buurthuis")
    expect(page.locator("#opgeslagen")).to_contain_text(r.begin("Opgeslagen om %(tijd)s"))
    r.bekijk("stap-waar-half")
    aanvraag = Aanvraag.objects.get()
    page.context.close()

    # Another device: log in through the form, find the draft, and everything typed is there.
    page = r.nieuw_apparaat("/account/login/")
    r.bekijk("inloggen", "Inloggen")
    r.inloggen()
    expect(page).to_have_url(re.compile("/portaal/$"))
    r.bekijk("overzicht-concept", "Mijn overzicht")
    maak_af = r.t('Maak uw aanvraag "%(titel)s" af en verstuur hem') % {"titel": "Buurtmoestuin Beijum"}
    page.locator("main").get_by_role("link", name=maak_af).click()  # the title typed, though not yet sent
    r.bekijk("takenlijst", "Uw aanvraag invullen")
    page.locator("main ol").get_by_role("link", name=r.t("Waar en wanneer?")).click()
    expect(page.locator("[name=locatie]")).to_have_value("Achter het buurthuis")
    expect(page.locator("[name=wijk] option:checked")).to_contain_text("Beijum")
    jaar = timezone.localdate().year
    page.fill("[name=wanneer]", "Elke zaterdag")
    page.fill("[name=periode_van]", f"{jaar}-04-01")
    page.fill("[name=periode_tot]", f"{jaar}-10-31")
    r.bekijk("stap-waar")
    r.knop("Volgende").click()

    # The budget, a file (its type checked by its content), check the answers, send.
    expect(page.locator(".stapnummer")).to_have_text(r.stap(3))
    page.select_option("[name=regel-0-soort]", "kosten")
    page.fill("[name=regel-0-omschrijving]", "Zaden, aarde en gereedschap")
    page.fill("[name=regel-0-bedrag]", "1000")
    page.fill("[name=gevraagd_bedrag]", "1000")
    r.bekijk("stap-begroting")
    r.knop("Volgende").click()
    expect(page.locator(".stapnummer")).to_have_text(r.stap(4))
    page.fill("[name=omschrijving]", "Offerte tuincentrum")
    page.set_input_files("[name=bestand]", files=[{"name": "offerte.pdf", "mimeType": "application/pdf",
                                                    "buffer": bestanden.pdf()}])
    r.knop("Bestand toevoegen").click()
    expect(page.locator(".bijlagen")).to_contain_text("Offerte tuincentrum")
    r.bekijk("stap-bijlagen")
    r.knop("Volgende").click()
    r.bekijk("controleren", "Controleer uw antwoorden")
    for antwoord in ("Buurtmoestuin Beijum", "Achter het buurthuis", "Zaden, aarde en gereedschap",
                     "Offerte tuincentrum", "Beijum"):
        expect(page.locator("main")).to_contain_text(antwoord)
    r.knop("Versturen").click()
    r.bekijk("ontvangen", "Uw aanvraag is verstuurd")
    aanvraag.refresh_from_db()
    assert aanvraag.status == Aanvraag.Status.INGEDIEND
    with translation.override(r.taal):
        from django.utils.formats import date_format
        for datum in (aanvraag.ontvangen_op, aanvraag.uiterste_beslisdatum):
            expect(page.locator("main")).to_contain_text(date_format(datum, "j F Y"))

    # The officer takes it and asks for more information; the applicant answers from the overview.
    aanvraag = perform(aanvraag, "in_behandeling_nemen", behandelaar)
    aanvraag = perform(aanvraag, "aanvulling_vragen", behandelaar, reden="Stuur ook een foto van de plek.",
                       termijn_tot=timezone.localdate() + dt.timedelta(days=14))
    if volledig:
        page.goto("/portaal/")
        r.bekijk("overzicht-aanvulling", "Mijn overzicht")
        page.goto(f"/portaal/aanvragen/{aanvraag.pk}/")
        r.bekijk("aanvraag-aanvulling")
    page.goto(f"/portaal/aanvragen/{aanvraag.pk}/aanvulling/")
    r.bekijk("aanvulling", "Meer informatie sturen")
    expect(page.locator("main")).to_contain_text("Stuur ook een foto van de plek.")
    page.fill("[name=antwoord]", "De plek is de lege hoek achter het buurthuis; een foto komt hierbij.")
    page.fill("[name=omschrijving]", "Foto van de plek")
    page.set_input_files("[name=bestand]", files=[{"name": "plek.png", "mimeType": "image/png",
                                                    "buffer": bestanden.png()}])
    r.knop("Document toevoegen").click()
    expect(page.locator("main")).to_contain_text("Foto van de plek")
    expect(page.locator("[name=antwoord]")).to_have_value(re.compile("^De plek is de lege hoek"))
    r.knop("Antwoord versturen").click()
    expect(page.locator("main")).to_contain_text(r.begin("Wij hebben uw antwoord ontvangen op %(datum)s."))
    r.bekijk("aanvulling-ontvangen")
    aanvraag.refresh_from_db()
    assert aanvraag.status == Aanvraag.Status.IN_BEHANDELING

    # Granted; later the report is asked, and sent from the browser.
    aanvraag = perform(aanvraag, "volledig_verklaren", behandelaar)
    aanvraag = perform(aanvraag, "besluit_voorstellen", behandelaar, uitkomst="verlenen",
                       reden="Past binnen de regeling.")
    aanvraag = perform(aanvraag, "verlenen", beslisser)
    subsidie = perform(aanvraag.subsidie, "verantwoording_vragen", behandelaar,
                       uiterlijk=timezone.localdate() + dt.timedelta(days=60))
    if volledig:
        page.goto(f"/portaal/subsidies/{subsidie.pk}/")
        r.bekijk("subsidie-verleend")
    page.goto(f"/portaal/subsidies/{subsidie.pk}/verantwoording/")
    r.bekijk("verantwoording", "Verantwoording")
    page.fill("[name=verslag-activiteitenverslag]", "Twintig zaterdagen samen gewerkt; de oogst ging naar de buurt.")
    page.fill("[name=verslag-werkelijke_kosten]", "950")
    for naam, waarde in (("bereik-deelnemers", "31"), ("bereik-vrijwilligers", "6")):
        if page.locator(f"[name={naam}]").count():
            page.fill(f"[name={naam}]", waarde)
    r.knop("Verantwoording versturen").click()
    expect(page.locator("main")).to_contain_text(
        r.begin("Wij hebben uw verantwoording ontvangen op %(datum)s. Wij laten u weten welk bedrag wij vaststellen."))
    r.bekijk("verantwoording-ontvangen")
    subsidie.refresh_from_db()
    assert subsidie.status == Subsidie.Status.VERANTWOORDING_INGEDIEND

    # Settled: the applicant reads it in plain words.
    subsidie = perform(subsidie, "vaststellen", behandelaar)
    page.goto(f"/portaal/subsidies/{subsidie.pk}/")
    expect(page.locator("main")).to_contain_text(Subsidie.PUBLIEKE_STATUS[Subsidie.Status.VASTGESTELD][
        0 if r.taal == "nl" else 1])
    r.bekijk("vastgesteld")


@pytest.mark.parametrize("taal, scherm", [("nl", "bureau"), ("en", "bureau"), ("nl", "telefoon")],
                         ids=["nl-bureau", "en-bureau", "nl-telefoon"])
def test_a_newcomer_goes_from_registering_to_a_settled_subsidy(browser_pagina, schermafdruk, regeling, behandelaar,
                                                               beslisser, taal, scherm):
    reis(Reis(browser_pagina, schermafdruk, taal, scherm), regeling, behandelaar, beslisser,
         volledig=(taal, scherm) == ("nl", "bureau"))
