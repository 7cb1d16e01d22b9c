"""Beheer: the admin shows statuses read-only and changes them only through the one transition service."""
from tests.factories import breng_naar
from workflows.models import AuditRecord


def test_admin_action_runs_the_transition_and_writes_the_trail(admin_client, concept, aanvrager, behandelaar):
    aanvraag = breng_naar(concept, "ingediend", aanvrager=aanvrager)

    response = admin_client.post("/admin/subsidies/aanvraag/", {
        "action": "actie_in_behandeling_nemen", "_selected_action": [aanvraag.pk]}, follow=True)

    assert response.status_code == 200
    aanvraag.refresh_from_db()
    assert (aanvraag.status, aanvraag.behandelaar) == ("in_behandeling", behandelaar)
    record = AuditRecord.objects.filter(object_id=str(aanvraag.pk), handeling="in_behandeling_nemen").get()
    assert (record.van_status, record.naar_status, record.actor) == ("ingediend", "in_behandeling", behandelaar)


def test_admin_action_refused_in_the_wrong_state_says_why_and_changes_nothing(admin_client, concept):
    response = admin_client.post("/admin/subsidies/aanvraag/", {
        "action": "actie_in_behandeling_nemen", "_selected_action": [concept.pk]}, follow=True)

    assert "kan niet in status" in response.content.decode()
    concept.refresh_from_db()
    assert concept.status == "concept"


def test_status_is_read_only_in_the_change_form(admin_client, concept):
    page = admin_client.get(f"/admin/subsidies/aanvraag/{concept.pk}/change/").content.decode()
    assert 'name="status"' not in page and 'name="titel"' in page


def test_an_officer_registers_a_paper_objection_in_the_admin_with_its_terms(admin_client, concept, aanvrager,
                                                                            behandelaar):
    from django.utils import timezone

    from subsidies.models import Bezwaar
    from workflows.transitions import perform

    aanvraag = perform(breng_naar(concept, "in_beoordeling", aanvrager=aanvrager, behandelaar=behandelaar),
                       "besluit_voorstellen", behandelaar, uitkomst="weigeren", reden="Past niet.")
    weigering = perform(aanvraag, "weigeren", behandelaar).beschikkingen.get()
    vandaag = timezone.localdate()
    response = admin_client.post("/admin/subsidies/bezwaar/add/", {
        "beschikking": weigering.pk, "gronden": "Per brief: oneens.", "indiener": "J. de Vries",
        "ontvangen_op": vandaag.isoformat(), "ter_post_op": "", "documenten-TOTAL_FORMS": 0,
        "documenten-INITIAL_FORMS": 0}, follow=True)
    assert response.status_code == 200
    bezwaar = Bezwaar.objects.get()
    assert (bezwaar.op_papier, bezwaar.ingediend_door, bezwaar.tijdig) == (True, behandelaar, True)
    assert bezwaar.uiterste_beslisdatum > weigering.bezwaartermijn_tot
    page = admin_client.get(f"/admin/subsidies/bezwaar/{bezwaar.pk}/change/").content.decode()
    assert 'name="gronden"' not in page  # fixed once filed: only the actions change it
