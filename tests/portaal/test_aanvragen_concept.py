"""The draft: never lost (another device, a new login, a failed check), saved while typing without touching the
request or the trail, and never silently overwritten by another member."""
from urllib.parse import parse_qs, urlsplit

from django.test import Client
from django.urls import reverse

from portaal.models import Formulierconcept
from subsidies.models import Aanvraag
from subsidies.rollen import Rol
from tests.factories import maak_gebruiker
from workflows.models import AuditRecord

from .aanvragen import (  # noqa: F401 - fixtures
    begroting, beijum, bewoner, bi_regeling, groep, ingelogd, oost, regels, start, stap, url, versie, waar, wat,
)


def lid_erbij(organisatie):
    """A second member of the organisation."""
    penningmeester = maak_gebruiker(Rol.AANVRAGER, username="penningmeester", first_name="Petra")
    organisatie.leden.add(penningmeester)
    return penningmeester


def test_a_draft_opens_on_another_device_on_the_same_step(ingelogd, bi_regeling, groep, bewoner):
    aanvraag = start(ingelogd, bi_regeling, groep)
    stap(ingelogd, aanvraag, "wat", wat(titel="Moestuin", omschrijving="Half af"), actie="opslaan")

    telefoon = Client()
    telefoon.force_login(bewoner)
    pagina = telefoon.get(url("aanvraag_stap", aanvraag, "wat")).content.decode()
    assert 'value="Moestuin"' in pagina and "Half af" in pagina
    takenlijst = telefoon.get(url("aanvraag_invullen", aanvraag)).content.decode()
    assert "Klaar" in takenlijst and "Nog niet begonnen" in takenlijst


def test_after_the_session_expired_the_step_url_leads_to_login_and_back(client, ingelogd, bi_regeling, groep):
    aanvraag = start(ingelogd, bi_regeling, groep)
    stap(ingelogd, aanvraag, "wat", wat(titel="Moestuin"), actie="opslaan")
    ingelogd.logout()
    stap_url = url("aanvraag_stap", aanvraag, "wat")
    response = ingelogd.get(stap_url)
    assert response.status_code == 302
    assert parse_qs(urlsplit(response.url).query)["next"] == [stap_url]
    ingelogd.force_login(groep.leden.get())
    assert "Moestuin" in ingelogd.get(stap_url).content.decode()  # back on the step, with everything


def test_a_failed_check_keeps_every_field_in_the_form_and_the_draft(ingelogd, bi_regeling, groep, beijum):
    aanvraag = start(ingelogd, bi_regeling, groep)
    data = waar(beijum, periode_van="31-13-2026", locatie="Het veldje")
    response = stap(ingelogd, aanvraag, "waar-en-wanneer", data)
    assert response.status_code == 400
    pagina = response.content.decode()
    assert 'value="31-13-2026"' in pagina and 'value="Het veldje"' in pagina and "Elke zaterdag" in pagina
    bewaard = Formulierconcept.objects.get(aanvraag=aanvraag).gegevens["waar-en-wanneer"]
    assert bewaard["periode_van"] == ["31-13-2026"] and bewaard["locatie"] == ["Het veldje"]
    assert "31-13-2026" in ingelogd.get(url("aanvraag_stap", aanvraag, "waar-en-wanneer")).content.decode()


def test_autosave_writes_the_draft_only_no_audit_record_and_not_the_request(ingelogd, bi_regeling, groep):
    aanvraag = start(ingelogd, bi_regeling, groep)
    rij_voor = Aanvraag.objects.filter(pk=aanvraag.pk).values().get()
    records_voor = AuditRecord.objects.count()
    autosave = reverse("portaal:aanvraag_autosave", args=[aanvraag.pk, "wat"])
    stap_pagina = ingelogd.get(url("aanvraag_stap", aanvraag, "wat")).content.decode()
    assert f'hx-post="{autosave}"' in stap_pagina and 'hx-trigger="input changed delay:1s, change"' in stap_pagina
    assert 'aria-live="polite"' in stap_pagina
    response = ingelogd.post(autosave, {**wat(titel="Tijdens het typen"), "versie": versie(aanvraag)},
                             HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and "Opgeslagen om" in response.content.decode()
    assert 'name="versie" value="1"' in response.content.decode()  # the form goes on from the new version
    assert Formulierconcept.objects.get(aanvraag=aanvraag).gegevens["wat"]["titel"] == ["Tijdens het typen"]
    assert AuditRecord.objects.count() == records_voor
    assert Aanvraag.objects.filter(pk=aanvraag.pk).values().get() == rij_voor


def test_two_members_do_not_overwrite_each_other_silently(ingelogd, bi_regeling, groep, bewoner):
    aanvraag = start(ingelogd, bi_regeling, groep)
    ander = Client()
    ander.force_login(lid_erbij(groep))
    geladen = versie(aanvraag)  # both open the step at the same version

    assert ander.post(url("aanvraag_stap", aanvraag, "wat"),
                      {**wat(titel="Titel van Petra"), "versie": geladen, "actie": "opslaan"}).status_code == 302
    response = ingelogd.post(url("aanvraag_stap", aanvraag, "wat"),
                             {**wat(titel="Titel van Bram"), "versie": geladen, "actie": "volgende"})
    assert response.status_code == 409
    pagina = response.content.decode()
    assert "Iemand anders" in pagina and "Petra" in pagina and "Titel van Petra" in pagina
    assert 'value="Titel van Bram"' in pagina  # what he typed is still in his form
    assert "hx-post" not in pagina  # nothing overwrites Petra's answers by itself, only a button
    assert Formulierconcept.objects.get(aanvraag=aanvraag).gegevens["wat"]["titel"] == ["Titel van Petra"]
    # Saving again from this page (which carries the new version) is a deliberate choice and is kept.
    nieuwe_versie = versie(aanvraag)
    assert f'name="versie" value="{nieuwe_versie}"' in pagina
    ingelogd.post(url("aanvraag_stap", aanvraag, "wat"),
                  {**wat(titel="Titel van Bram"), "versie": nieuwe_versie, "actie": "opslaan"})
    assert Formulierconcept.objects.get(aanvraag=aanvraag).gegevens["wat"]["titel"] == ["Titel van Bram"]


def test_autosave_after_another_members_save_is_refused_too(ingelogd, bi_regeling, groep):
    aanvraag = start(ingelogd, bi_regeling, groep)
    ander = Client()
    ander.force_login(lid_erbij(groep))
    stap(ander, aanvraag, "wat", wat(titel="Van Petra"), actie="opslaan")
    autosave = reverse("portaal:aanvraag_autosave", args=[aanvraag.pk, "wat"])
    response = ingelogd.post(autosave, {**wat(titel="Oud"), "versie": 0})
    assert "Niet opgeslagen" in response.content.decode() and "Petra" in response.content.decode()
    assert Formulierconcept.objects.get(aanvraag=aanvraag).gegevens["wat"]["titel"] == ["Van Petra"]


def test_ones_own_autosave_that_crossed_a_click_is_no_conflict(ingelogd, bi_regeling, groep):
    aanvraag = start(ingelogd, bi_regeling, groep)
    geladen = versie(aanvraag)
    ingelogd.post(reverse("portaal:aanvraag_autosave", args=[aanvraag.pk, "wat"]),
                  {**wat(titel="Bijna"), "versie": geladen})
    response = ingelogd.post(url("aanvraag_stap", aanvraag, "wat"),
                             {**wat(titel="Af"), "versie": geladen, "actie": "volgende"})
    assert response.status_code == 302
    assert Formulierconcept.objects.get(aanvraag=aanvraag).gegevens["wat"]["titel"] == ["Af"]


def test_add_a_line_works_without_javascript_and_keeps_what_was_typed(ingelogd, bi_regeling, groep):
    aanvraag = start(ingelogd, bi_regeling, groep)
    response = stap(ingelogd, aanvraag, "begroting",
                    {**regels(("kosten", "Zaden", "120")), "gevraagd_bedrag": "100"}, actie="regel_toevoegen")
    assert response.status_code == 200
    pagina = response.content.decode()
    assert 'name="regel-1-omschrijving"' in pagina and 'value="Zaden"' in pagina
    assert Formulierconcept.objects.get(aanvraag=aanvraag).gegevens["begroting"]["regel-TOTAL_FORMS"] == ["2"]
    assert 'name="regel-1-omschrijving"' in ingelogd.get(url("aanvraag_stap", aanvraag, "begroting")).content.decode()


def test_previous_and_save_go_back_without_checking(ingelogd, bi_regeling, groep):
    aanvraag = start(ingelogd, bi_regeling, groep)
    assert stap(ingelogd, aanvraag, "begroting", {"gevraagd_bedrag": "veel"}, actie="vorige").url == url(
        "aanvraag_stap", aanvraag, "waar-en-wanneer")
    assert stap(ingelogd, aanvraag, "wat", {"titel": ""}, actie="opslaan").url == url("aanvraag_invullen", aanvraag)
    assert Formulierconcept.objects.get(aanvraag=aanvraag).gegevens["begroting"]["gevraagd_bedrag"] == ["veel"]


def test_coming_back_to_a_half_filled_step_shows_no_errors_until_checked(ingelogd, bi_regeling, groep):
    aanvraag = start(ingelogd, bi_regeling, groep)
    stap(ingelogd, aanvraag, "wat", {"titel": "Half"}, actie="opslaan")
    stap(ingelogd, aanvraag, "begroting", regels(("kosten", "", "12")), actie="opslaan")
    terug = ingelogd.get(url("aanvraag_stap", aanvraag, "wat")).content.decode()
    assert 'value="Half"' in terug and "Dit veld is vereist" not in terug
    assert "Dit veld is vereist" not in ingelogd.get(url("aanvraag_stap", aanvraag, "begroting")).content.decode()
    gecontroleerd = ingelogd.get(url("aanvraag_stap", aanvraag, "wat") + "?controleer=1").content.decode()
    assert "Dit veld is vereist" in gecontroleerd
    begroting_gecontroleerd = ingelogd.get(url("aanvraag_stap", aanvraag, "begroting") + "?controleer=1")
    assert "Zeg waarvoor dit bedrag is." in begroting_gecontroleerd.content.decode()


def test_a_draft_made_through_another_door_opens_with_what_it_holds(ingelogd, bi_regeling, groep, beijum):
    from tests.initiatieven.factories import bewonersinitiatief

    aanvraag = bewonersinitiatief(bi_regeling, groep, wijk=beijum, titel="Via de API", bedrag="800.00")
    takenlijst = ingelogd.get(url("aanvraag_invullen", aanvraag)).content.decode()
    assert "Nog niet begonnen" not in takenlijst.split("Bijlagen")[0]  # every step before the files is filled
    assert 'value="Via de API"' in ingelogd.get(url("aanvraag_stap", aanvraag, "wat")).content.decode()
    begroting = ingelogd.get(url("aanvraag_stap", aanvraag, "begroting")).content.decode()
    assert 'value="Huur, boodschappen en materiaal"' in begroting and 'value="800.00"' in begroting
    stap(ingelogd, aanvraag, "bijlagen", {})
    assert ingelogd.post(url("aanvraag_controleren", aanvraag)).url == url("ontvangstbevestiging", aanvraag)
    aanvraag.refresh_from_db()
    assert aanvraag.status == Aanvraag.Status.INGEDIEND and aanvraag.gevraagd_bedrag == 800
    assert aanvraag.begroting.get().omschrijving == "Huur, boodschappen en materiaal"
