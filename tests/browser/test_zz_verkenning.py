import datetime as dt
from decimal import Decimal
import pytest
from tests.factories import AanvraagFactory, PlafondFactory


def test_verken(chromium, live_server, admin_user):
    from tests.browser.conftest import _nieuwe_pagina
    PlafondFactory(regeling__naam="Bewonersinitiatieven", regeling__beslistermijn_weken=2, boekjaar=dt.date.today().year, bedrag=Decimal("250000.00"))
    for vp, naam in [({"width": 1280, "height": 800}, "breed"), ({"width": 360, "height": 740}, "smal")]:
        context, page, fouten = _nieuwe_pagina(chromium, live_server, viewport=vp)
        for url in ["/", "/toegankelijkheid/"]:
            page.goto(url)
            page.screenshot(path=f"/tmp/fund/{naam}-{url.strip('/') or 'start'}.png", full_page=True)
            print(url, page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]"))
        page.evaluate("document.body.insertAdjacentHTML('beforeend', '<div style=\"color:red\">x</div>')")
        page.wait_for_timeout(300)
        print("fouten", fouten)
        context.close()
