"""The family's demo: both kinds in all seven gebieden and every state, built through perform(), idempotent.
Read in the whole demo as `seed_demo` builds it (the `full_demo` fixture, built once per worker)."""
from collections import Counter
from io import StringIO

import pytest
from django.contrib.contenttypes.models import ContentType

from initiatieven import demo
from initiatieven.models import Adviesaanvraag, Bereik, Initiatief, Soort
from initiatieven.services.monitoring import cijfers
from subsidies.models import Aanvraag, Subsidie
from tests.conftest import database_state
from workflows import audit
from workflows.models import AuditRecord

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo")]


def seed() -> str:
    out = StringIO()
    demo.seed(out)
    return out.getvalue()


def test_the_demo_shows_every_state_of_both_kinds_in_every_gebied_and_a_rerun_adds_nothing(full_demo, subtests):
    eerste = full_demo.output
    state = database_state()
    with subtests.test("idempotent"):
        assert f"{len(demo.INITIATIEVEN)} aanvragen gemaakt" in eerste
        assert "niets toegevoegd" in seed()
        assert database_state() == state

    initiatieven = Initiatief.objects.select_related("aanvraag__regeling", "aanvraag__gebied", "aanvraag__organisatie")
    with subtests.test("every state of the Aanvraag, for both kinds"):
        for soort in Soort.values:
            statussen = {i.aanvraag.status for i in initiatieven if i.soort == soort}
            assert statussen == set(Aanvraag.Status.values), soort

    with subtests.test("both kinds in all seven gebieden"):
        for soort in Soort.values:
            assert len({i.aanvraag.gebied_id for i in initiatieven if i.soort == soort}) == 7, soort

    with subtests.test("initiatiefgroepen, themes and dimensions"):
        assert sum(i.aanvraag.organisatie.is_initiatiefgroep for i in initiatieven) >= 8
        assert all(i.themas.exists() and i.dimensies.exists() for i in initiatieven)

    with subtests.test("advice asked, given, and lapsed"):
        assert set(Adviesaanvraag.objects.values_list("status", flat=True)) == {"gevraagd", "uitgebracht", "verlopen"}

    with subtests.test("settled initiatives reported their reach; the fast track settled at verlening"):
        afgesloten = Subsidie.objects.filter(aanvraag__initiatief__isnull=False, status="afgesloten")
        assert afgesloten.exists() and all(Bereik.objects.filter(subsidie=s).exists() for s in afgesloten)
        bewoners = Subsidie.objects.filter(aanvraag__regeling__familie=Soort.BEWONERSINITIATIEF)
        assert set(bewoners.values_list("status", flat=True)) <= {"vastgesteld", "afgesloten"}
        assert all(s.verplichtingen.get().budget.gebied_id == s.aanvraag.gebied_id for s in bewoners)

    with subtests.test("every state reached through an audited transition; the trail is intact"):
        records = AuditRecord.objects.filter(object_type=ContentType.objects.get_for_model(Aanvraag),
                                             actie="overgang").order_by("volgnummer")
        laatste = {r.object_id: r.naar_status for r in records}
        for initiatief in initiatieven:
            assert laatste.get(str(initiatief.aanvraag_id), "concept") == initiatief.aanvraag.status
        assert audit.verify().intact

    with subtests.test("the monitoring shows the demo's funded initiatives"):
        jaren = Counter(s.eerste_boekjaar for s in Subsidie.objects.filter(aanvraag__initiatief__isnull=False))
        jaar, aantal = jaren.most_common(1)[0]
        assert cijfers(jaar)["totaal"]["aantal"] == aantal
