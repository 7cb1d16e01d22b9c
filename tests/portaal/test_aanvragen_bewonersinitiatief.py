"""A bewonersinitiatief from start to receipt: the quick form (what, where and when, how much, a file)."""
from decimal import Decimal

from django.utils.formats import date_format

from initiatieven.models import Initiatief
from subsidies.models import Aanvraag
from tests import bestanden
from workflows.models import AuditRecord, Bericht

from .aanvragen import (  # noqa: F401 - fixtures
    begroting, beijum, bewoner, bi_regeling, groep, ingelogd, oost, start, stap, url, versie, waar, wat,
)


def test_a_bewonersinitiatief_from_start_to_receipt(ingelogd, bi_regeling, groep, beijum):
    start_pagina = ingelogd.get(f"/portaal/aanvragen/nieuw/{bi_regeling.code}/")
    assert start_pagina.status_code == 200
    assert groep.naam in start_pagina.content.decode()  # one organisation: preselected

    aanvraag = start(ingelogd, bi_regeling, groep)
    assert aanvraag.status == Aanvraag.Status.CONCEPT and aanvraag.organisatie == groep

    assert ingelogd.get(url("aanvraag_stap", aanvraag, "wat")).status_code == 200
    assert stap(ingelogd, aanvraag, "wat", wat()).url == url("aanvraag_stap", aanvraag, "waar-en-wanneer")
    assert stap(ingelogd, aanvraag, "waar-en-wanneer", waar(beijum)).url == url("aanvraag_stap", aanvraag, "begroting")
    assert stap(ingelogd, aanvraag, "begroting", begroting()).url == url("aanvraag_stap", aanvraag, "bijlagen")
    upload = ingelogd.post(url("aanvraag_bijlagen", aanvraag),
                           {"omschrijving": "Offerte tuincentrum",
                            "bestand": bestanden.upload("offerte.pdf", bestanden.pdf())})
    assert upload.status_code == 302
    assert stap(ingelogd, aanvraag, "bijlagen", {}).url == url("aanvraag_controleren", aanvraag)

    controle = ingelogd.get(url("aanvraag_controleren", aanvraag)).content.decode()
    for antwoord in ("Buurtmoestuin Beijum", "Achter het buurthuis", "Zaden, aarde en gereedschap", "€ 1.000,00",
                     "Offerte tuincentrum", "Beijum"):
        assert antwoord in controle

    verstuurd = ingelogd.post(url("aanvraag_controleren", aanvraag))
    assert verstuurd.status_code == 302, verstuurd.content.decode()
    assert verstuurd.url == url("ontvangstbevestiging", aanvraag)

    aanvraag.refresh_from_db()
    assert aanvraag.status == Aanvraag.Status.INGEDIEND
    assert (aanvraag.titel, aanvraag.gevraagd_bedrag, aanvraag.wijk, aanvraag.gebied) == (
        "Buurtmoestuin Beijum", Decimal("1000.00"), beijum, beijum.gebied)
    assert sorted(aanvraag.begroting.values_list("soort", "bedrag")) == [
        ("dekking", Decimal("200.00")), ("kosten", Decimal("1200.00"))]
    initiatief = Initiatief.objects.get(aanvraag=aanvraag)
    assert (initiatief.locatie, initiatief.verwachte_deelnemers) == ("Achter het buurthuis", 25)
    assert list(initiatief.themas.values_list("code", flat=True)) == ["ontmoeting"]
    assert aanvraag.documenten.get().omschrijving == "Offerte tuincentrum"

    ontvangst = ingelogd.get(url("ontvangstbevestiging", aanvraag)).content.decode()
    assert date_format(aanvraag.ontvangen_op, "j F Y") in ontvangst
    assert date_format(aanvraag.uiterste_beslisdatum, "j F Y") in ontvangst
    mail = Bericht.objects.filter(sleutel__startswith=f"ontvangst-{aanvraag.pk}").first()
    assert f"{aanvraag.ontvangen_op:%d-%m-%Y}" in mail.tekst
    assert f"{aanvraag.uiterste_beslisdatum:%d-%m-%Y}" in mail.tekst
    indienen = AuditRecord.objects.get(handeling="indienen", object_id=str(aanvraag.pk))
    assert len(indienen.wijzigingen["inhoud_sha256"][1]) == 64


def test_the_form_speaks_english_when_asked(ingelogd, bi_regeling, groep):
    aanvraag = start(ingelogd, bi_regeling, groep)
    pagina = ingelogd.get(url("aanvraag_stap", aanvraag, "wat"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "What will you do?" in pagina and "Next</button>" in pagina and "Step 1 of 4" in pagina
