"""Beheer: the family's pages open, statuses are read-only, the admin action runs the transition."""
import datetime as dt

import pytest
from django.utils import timezone

from tests.factories import breng_naar
from workflows.models import AuditRecord

from .factories import AdviesaanvraagFactory, BereikFactory, GebiedsteamFactory, IndicatorFactory, bewonersinitiatief

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", ["thema", "dimensie", "gebiedsteam", "initiatief", "adviesaanvraag", "bereik"])
def test_every_page_opens(admin_client, model):
    assert admin_client.get(f"/admin/initiatieven/{model}/").status_code == 200


def test_change_forms_show_the_file_and_keep_the_status_read_only(admin_client, regeling, groep):
    indicator = IndicatorFactory()
    subsidie = breng_naar(bewonersinitiatief(regeling, groep), "verleend").subsidie
    adviesaanvraag = AdviesaanvraagFactory()
    for url in (f"/admin/initiatieven/initiatief/{indicator.doel.initiatief.pk}/change/",
                f"/admin/initiatieven/bereik/{BereikFactory(subsidie=subsidie).pk}/change/",
                f"/admin/initiatieven/gebiedsteam/{GebiedsteamFactory().pk}/change/"):
        assert admin_client.get(url).status_code == 200, url
    page = admin_client.get(f"/admin/initiatieven/adviesaanvraag/{adviesaanvraag.pk}/change/").content.decode()
    # the question as it was sent stays; an open one can get more time (Adviesaanvraag.wijzigbaar)
    assert 'name="status"' not in page and 'name="vraag"' not in page and 'name="termijn_tot"' in page


def test_the_admin_action_marks_a_lapsed_request_verlopen_through_the_transition(admin_client):
    adviesaanvraag = AdviesaanvraagFactory(gevraagd_op=timezone.localdate() - dt.timedelta(days=10),
                                           termijn_tot=timezone.localdate() - dt.timedelta(days=1))
    response = admin_client.post("/admin/initiatieven/adviesaanvraag/", {
        "action": "actie_verlopen", "_selected_action": [adviesaanvraag.pk]}, follow=True)
    assert response.status_code == 200
    adviesaanvraag.refresh_from_db()
    assert adviesaanvraag.status == "verlopen"
    assert AuditRecord.objects.get(handeling="verlopen").naar_status == "verlopen"
