"""Starting, uploading, the check page and submitting: once, with the engine's refusals shown where to fix them."""
from decimal import Decimal

from django.urls import reverse

from portaal.models import Formulierconcept
from subsidies.models import Aanvraag, Document
from tests import bestanden
from tests.factories import OrganisatieFactory
from workflows.models import AuditRecord, Bericht

from .aanvragen import (  # noqa: F401 - fixtures
    begroting, beijum, bewoner, bi_regeling, groep, ingelogd, oost, regels, start, stap, url, versie, waar, wat,
)


def vul_alles_in(client, aanvraag, wijk, **begroting_extra):
    stap(client, aanvraag, "wat", wat())
    stap(client, aanvraag, "waar-en-wanneer", waar(wijk))
    stap(client, aanvraag, "begroting", begroting(**begroting_extra))
    stap(client, aanvraag, "bijlagen", {})


def test_starting_creates_one_audited_concept_with_its_draft(ingelogd, bi_regeling, groep):
    records = AuditRecord.objects.count()
    aanvraag = start(ingelogd, bi_regeling, groep)
    assert aanvraag.status == Aanvraag.Status.CONCEPT
    assert AuditRecord.objects.filter(object_id=str(aanvraag.pk), actie="aangemaakt").exists()
    assert AuditRecord.objects.count() == records + 1
    assert Formulierconcept.objects.filter(aanvraag=aanvraag, versie=0).exists()


def test_with_several_organisations_the_person_chooses_and_may_not_pick_another(ingelogd, bi_regeling, groep,
                                                                                  bewoner):
    tweede = OrganisatieFactory(naam="Vereniging Twee", leden=[bewoner])
    vreemde = OrganisatieFactory(naam="Vreemde Stichting")
    pagina = ingelogd.get(reverse("portaal:aanvraag_starten", args=[bi_regeling.code]) + f"?organisatie={tweede.pk}")
    html = pagina.content.decode()
    assert "Voor welke organisatie" in html and groep.naam in html and "Vereniging Twee" in html
    assert f'value="{tweede.pk}" id="organisatie-{tweede.pk}" checked' in html
    assert "Vreemde Stichting" not in html
    geweigerd = ingelogd.post(reverse("portaal:aanvraag_starten", args=[bi_regeling.code]),
                              {"organisatie": vreemde.pk})
    assert geweigerd.status_code == 400 and not Aanvraag.objects.exists()


def test_without_an_organisation_nothing_can_be_started(client, bi_regeling):
    from subsidies.rollen import Rol
    from tests.factories import maak_gebruiker

    client.force_login(maak_gebruiker(Rol.AANVRAGER, username="nieuw"))
    pagina = client.get(reverse("portaal:aanvraag_starten", args=[bi_regeling.code]))
    assert pagina.status_code == 200 and "U hoort nog niet bij een organisatie" in pagina.content.decode()
    assert client.post(reverse("portaal:aanvraag_starten", args=[bi_regeling.code])).status_code == 400


def test_a_double_click_submits_once_with_one_receipt(ingelogd, bi_regeling, groep, beijum):
    aanvraag = start(ingelogd, bi_regeling, groep)
    vul_alles_in(ingelogd, aanvraag, beijum)
    eerste = ingelogd.post(url("aanvraag_controleren", aanvraag))
    berichten = list(Bericht.objects.filter(sleutel__startswith=f"ontvangst-{aanvraag.pk}").values_list("aan",
                                                                                                      flat=True))
    tweede = ingelogd.post(url("aanvraag_controleren", aanvraag))
    assert eerste.url == tweede.url == url("ontvangstbevestiging", aanvraag)
    assert AuditRecord.objects.filter(handeling="indienen", object_id=str(aanvraag.pk)).count() == 1
    # One receipt to each address (the member who submitted, the group's contact person), not two.
    assert sorted(berichten) == ["bewoner@example.org", "bram@example.org"]
    assert Bericht.objects.filter(sleutel__startswith=f"ontvangst-{aanvraag.pk}").count() == len(berichten)
    assert ingelogd.get(url("aanvraag_stap", aanvraag, "wat")).url == url("ontvangstbevestiging", aanvraag)


def test_a_refusal_is_shown_on_the_check_page_linked_to_its_step_and_changes_nothing(ingelogd, bi_regeling, groep,
                                                                                    beijum):
    aanvraag = start(ingelogd, bi_regeling, groep)
    vul_alles_in(ingelogd, aanvraag, beijum, gevraagd_bedrag="4000")  # more than the budget's gap of € 1,000
    records = AuditRecord.objects.count()
    concept = Formulierconcept.objects.get(aanvraag=aanvraag).gegevens
    response = ingelogd.post(url("aanvraag_controleren", aanvraag))
    assert response.status_code == 400
    pagina = response.content.decode()
    assert "tekort van € 1.000,00" in pagina
    assert url("aanvraag_stap", aanvraag, "begroting") + "?controleer=1" in pagina
    aanvraag.refresh_from_db()
    assert aanvraag.status == Aanvraag.Status.CONCEPT and aanvraag.gevraagd_bedrag is None
    assert not aanvraag.begroting.exists() and AuditRecord.objects.count() == records
    assert Formulierconcept.objects.get(aanvraag=aanvraag).gegevens == concept


def test_an_unfinished_step_cannot_be_submitted(ingelogd, bi_regeling, groep):
    aanvraag = start(ingelogd, bi_regeling, groep)
    stap(ingelogd, aanvraag, "wat", wat(titel=""), actie="opslaan")
    pagina = ingelogd.get(url("aanvraag_controleren", aanvraag)).content.decode()
    assert "Maak af: Wat gaat u doen?" in pagina and "Versturen</button>" not in pagina
    response = ingelogd.post(url("aanvraag_controleren", aanvraag))
    assert response.status_code == 400 and "Maak eerst deze stappen af" in response.content.decode()
    link = f'href="{url("aanvraag_stap", aanvraag, "begroting")}?controleer=1">Pas dit aan bij'
    assert link in response.content.decode()
    assert Aanvraag.objects.get(pk=aanvraag.pk).status == Aanvraag.Status.CONCEPT


def test_an_upload_refused_by_the_document_service_shows_its_reason_beside_the_field(ingelogd, bi_regeling, groep):
    aanvraag = start(ingelogd, bi_regeling, groep)
    pagina = ingelogd.get(url("aanvraag_stap", aanvraag, "bijlagen")).content.decode()
    assert ".pdf" in pagina and "10 MB" in pagina  # the file input says what it takes
    response = ingelogd.post(url("aanvraag_bijlagen", aanvraag), {
        "omschrijving": "Flyer", "bestand": bestanden.upload("flyer.pdf", bestanden.PDF_MET_JAVASCRIPT)})
    assert response.status_code == 400
    assert "JavaScript" in response.content.decode() and 'value="Flyer"' in response.content.decode()
    assert not Document.objects.exists()


def test_a_document_can_be_removed_before_submission(ingelogd, bi_regeling, groep):
    aanvraag = start(ingelogd, bi_regeling, groep)
    ingelogd.post(url("aanvraag_bijlagen", aanvraag),
                  {"omschrijving": "Foto", "bestand": bestanden.upload("foto.png", bestanden.png())})
    document = Document.objects.get(aanvraag=aanvraag)
    assert "Foto" in ingelogd.get(url("aanvraag_stap", aanvraag, "bijlagen")).content.decode()
    assert ingelogd.post(url("aanvraag_bijlagen", aanvraag), {"verwijder": document.pk}).status_code == 302
    assert not Document.objects.exists()
    assert AuditRecord.objects.filter(object_id=str(document.pk), actie="verwijderd").exists()


def test_the_submitted_content_is_in_the_trail_with_its_hash(ingelogd, bi_regeling, groep, beijum):
    aanvraag = start(ingelogd, bi_regeling, groep)
    vul_alles_in(ingelogd, aanvraag, beijum)
    ingelogd.post(url("aanvraag_controleren", aanvraag))
    record = AuditRecord.objects.get(handeling="indienen", object_id=str(aanvraag.pk))
    inhoud = record.wijzigingen["ingediende_inhoud"][1]
    assert inhoud["titel"] == "Buurtmoestuin Beijum" and inhoud["gevraagd_bedrag"] == "1000.00"
    assert {regel["omschrijving"] for regel in inhoud["begroting"]} == {"Zaden, aarde en gereedschap",
                                                                       "Eigen bijdrage"}
    assert inhoud["initiatief"]["locatie"] == "Achter het buurthuis"
    assert Decimal(inhoud["begroting"][0]["bedrag"]) > 0


def test_removing_with_a_bad_id_is_404_and_a_withdrawn_draft_has_no_receipt(ingelogd, bi_regeling, groep, bewoner):
    from workflows import transitions

    aanvraag = start(ingelogd, bi_regeling, groep)
    assert ingelogd.post(url("aanvraag_bijlagen", aanvraag), {"verwijder": "x"}).status_code == 404
    transitions.perform(aanvraag, "intrekken", bewoner)
    assert ingelogd.get(url("ontvangstbevestiging", aanvraag)).url == reverse("portaal:overzicht")
