"""The web faces in a real browser: Debian's chromium driven by Playwright against pytest-django's live server.

Every test in tests/browser/ is marked `browser`. Fixtures:
- `pagina`: a fresh browser context and page (1280x800) whose relative URLs go to the live server; `telefoon`: the
  same at 360x740. Both fail the test on any console error, uncaught script error or Content-Security-Policy
  violation on the page.
- `inloggen(pagina_of_context, user)`: the user is logged in (a session cookie, no login form).
- `schermafdruk(page, naam)`: a full-page PNG under test-output/screenshots/<test>/<nn>-<naam>.png.
- `toegankelijk(page)`: axe-core finds no serious or critical violation.
- `geen_horizontale_scroll(page)`: the page is not wider than the window.

Chromium comes from Debian (/usr/bin/chromium, or $CHROMIUM); Playwright never downloads a browser. Without it the
tests are skipped, and .ci/run fails on such a skip. Under pytest-xdist each worker has its own live server and
browser.
"""
import os
import re
import shutil
import time
from importlib import import_module
from pathlib import Path

import pytest
from django.conf import settings
from django.utils.module_loading import import_string

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# The network is closed: without these Chromium keeps trying to phone home (see STACK.md).
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
SCHERMAFDRUKKEN = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"
BROWSER_TESTS = Path(__file__).resolve().parent

# Playwright's sync API runs an event loop in this thread; Django's ORM (the live server's database, the fixtures)
# would otherwise refuse to run beside it (SynchronousOnlyOperation).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    for item in items:
        if BROWSER_TESTS in Path(item.fspath).resolve().parents:
            item.add_marker(pytest.mark.browser)


# Package scope: Playwright's event loop stops once the browser tests are done, so the tests after them on the same
# worker run without a running loop (with one, Django keeps connections per context, and a process forked by
# `verify_audit_trail --workers` inherited an open one).
@pytest.fixture(scope="package")
def chromium():
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"browser test: no chromium at {CHROMIUM} (apt-get install chromium, or set CHROMIUM)")
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=10_000)  # a loaded CI machine: two workers on two cores

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


# Reported by the page itself: Chromium also logs a CSP violation as a console error, but this names the directive.
MELD_CSP = """document.addEventListener("securitypolicyviolation", (e) =>
    console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || "inline"}`
                  + ` in ${e.sourceFile}:${e.lineNumber}`));"""


def _nieuwe_pagina(chromium, live_server, **context_args):
    # A Dutch resident's browser unless a test says otherwise (Django follows Accept-Language until one switches).
    context_args.setdefault("locale", "nl-NL")
    context = chromium.new_context(base_url=live_server.url, **context_args)
    if context_args.get("java_script_enabled", True):
        context.add_init_script(MELD_CSP)
    page = context.new_page()
    page.set_default_timeout(10_000)
    fouten = page.sbs_fouten = []
    page.on("console", lambda bericht: bericht.type == "error" and fouten.append(f"console: {bericht.text}"))
    page.on("pageerror", lambda fout: fouten.append(f"script error: {fout}"))
    return context, page, fouten


@pytest.fixture
def browser_pagina(chromium, live_server):
    """Opens pages with your own context options (e.g. java_script_enabled=False); checked like `pagina`."""
    geopend = []

    def open_pagina(**context_args):
        context, page, fouten = _nieuwe_pagina(chromium, live_server, **context_args)
        geopend.append((context, fouten))
        return page

    yield open_pagina
    alle_fouten = [fout for _, fouten in geopend for fout in fouten]
    for context, _ in geopend:
        context.close()
    if alle_fouten:
        pytest.fail("the page reported errors:\n" + "\n".join(alle_fouten))


@pytest.fixture
def pagina(browser_pagina):
    return browser_pagina(viewport={"width": 1280, "height": 800})


@pytest.fixture
def telefoon(browser_pagina):
    return browser_pagina(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)


@pytest.fixture
def inloggen(live_server):
    """Logs `user` in to a page's (or context's) browser: a Django session put into a cookie, as a whole login
    (with the code, for staff) would."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    from tests.factories import met_code_ingelogd

    def log_in(pagina_of_context, user):
        context = getattr(pagina_of_context, "context", pagina_of_context)
        backend = next(pad for pad in settings.AUTHENTICATION_BACKENDS if hasattr(import_string(pad), "get_user"))
        session = import_module(settings.SESSION_ENGINE).SessionStore()
        session[SESSION_KEY] = user._meta.pk.value_to_string(user)
        session[BACKEND_SESSION_KEY] = backend
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        met_code_ingelogd(session, user)  # a whole login: staff typed their code too (access.tweestaps)
        session.save()
        context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session.session_key,
                              "url": live_server.url}])

    return log_in


@pytest.fixture
def referentiedata(transactional_db) -> None:
    """Puts back what data migrations write (the themes and dimensions of an initiative): the live server's tests
    are transactional, and the flush after each one empties those tables for the next test on this worker."""
    from django.apps import apps

    import_module("initiatieven.migrations.0002_themas_en_dimensies").vul(apps, None)


def _bestandsnaam(tekst: str) -> str:
    return re.sub(r"[^\w.-]+", "_", tekst).strip("_")


@pytest.fixture
def schermafdruk(request):
    """Saves a full-page screenshot, numbered in the order the test takes them."""
    map_ = SCHERMAFDRUKKEN / _bestandsnaam(request.node.name)
    shutil.rmtree(map_, ignore_errors=True)
    teller = iter(range(1, 100))

    def maak(page, naam: str) -> Path:
        pad = map_ / f"{next(teller):02d}-{_bestandsnaam(naam)}.png"
        pad.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(pad), full_page=True)
        return pad

    return maak


# How long the last axe scans took, in seconds (the harness's own timing, see README).
AXE_DUUR: list[float] = []


def toegankelijk(page) -> None:
    """axe-core on the page as it is now: fails listing every serious or critical violation."""
    from axe_playwright_python.sync_playwright import Axe

    fouten = getattr(page, "sbs_fouten", [])
    al_gemeld = len(fouten)
    begin = time.perf_counter()
    resultaat = Axe().run(page)
    AXE_DUUR.append(time.perf_counter() - begin)
    # To read a stylesheet's @import rules axe adds <style> elements of its own, which the page's CSP blocks: those
    # reports are axe's, not the page's. (Django's admin forms.css imports widgets.css.)
    page.evaluate("new Promise((klaar) => setTimeout(klaar, 0))")
    fouten[al_gemeld:] = [fout for fout in fouten[al_gemeld:] if not _door_axe(fout)]
    ernstig = [v for v in resultaat.response["violations"] if v.get("impact") in ("serious", "critical")]
    if ernstig:
        regels = [f"{v['impact']}: {v['id']} ({v['help']}) at " + ", ".join(
            " ".join(node["target"]) for node in v["nodes"][:5]) for v in ernstig]
        pytest.fail(f"axe: {len(ernstig)} serious or critical violations on {page.url}:\n" + "\n".join(regels))


def _door_axe(fout: str) -> bool:
    return (("Applying inline style violates" in fout and "'style-src" in fout)
            or "style-src-elem blocked inline" in fout)


def geen_horizontale_scroll(page) -> None:
    breedte, venster = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert breedte <= venster, f"{page.url} is {breedte} px wide in a {venster} px window: it scrolls sideways"


@pytest.fixture(name="toegankelijk")
def toegankelijk_fixture():
    return toegankelijk


@pytest.fixture(name="geen_horizontale_scroll")
def geen_horizontale_scroll_fixture():
    return geen_horizontale_scroll
