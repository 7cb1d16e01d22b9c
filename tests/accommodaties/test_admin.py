"""Beheer of the register: pages render, a budget's status changes only through its actions, a judged budget is
read-only."""
import pytest

from tests.accommodaties.factories import AccommodatieFactory, ExploitatiebegrotingFactory, OnderhoudspostFactory
from workflows.models import AuditRecord

pytestmark = pytest.mark.django_db


def test_register_pages_render_with_the_mjop_and_budgets(admin_client):
    accommodatie = AccommodatieFactory()
    OnderhoudspostFactory(accommodatie=accommodatie, element="Cv-ketel")
    ExploitatiebegrotingFactory(accommodatie=accommodatie)
    assert accommodatie.naam in admin_client.get("/admin/accommodaties/accommodatie/").content.decode()
    pagina = admin_client.get(f"/admin/accommodaties/accommodatie/{accommodatie.pk}/change/").content.decode()
    assert "Cv-ketel" in pagina and 'name="eigendom"' in pagina


def test_the_budget_is_approved_through_its_action_and_then_read_only(admin_client, behandelaar):
    begroting = ExploitatiebegrotingFactory()
    url = "/admin/accommodaties/exploitatiebegroting/"
    for actie in ("actie_indienen", "actie_goedkeuren"):
        assert admin_client.post(url, {"action": actie, "_selected_action": [begroting.pk]},
                                 follow=True).status_code == 200
    begroting.refresh_from_db()
    assert begroting.status == "goedgekeurd"
    assert AuditRecord.objects.filter(object_id=str(begroting.pk), handeling="goedkeuren", actor=behandelaar).exists()
    pagina = admin_client.get(f"{url}{begroting.pk}/change/").content.decode()
    assert 'name="status"' not in pagina and 'name="boekjaar"' not in pagina and 'name="regels-0-bedrag"' not in pagina
