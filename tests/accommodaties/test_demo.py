"""`accommodaties.demo.seed`: the register and both families' requests, every state through perform(), idempotent.

Read in the whole demo as `seed_demo` builds it (the `full_demo` fixture, built once per worker: the stories are
replayed on a simulated clock, which takes long); the second run is this family's seed alone.
"""
from decimal import Decimal
from io import StringIO

import pytest
from django.contrib.contenttypes.models import ContentType

from accommodaties import demo, services
from accommodaties.models import Accommodatie, BegrotingStatus, Exploitatiebegroting
from subsidies.models import Aanvraag, Organisatie
from tests.conftest import database_state
from workflows import audit
from workflows.models import AuditRecord

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo")]


def laatste_overgangen(model) -> dict[str, str]:
    rijen = AuditRecord.objects.filter(object_type=ContentType.objects.get_for_model(model),
                                       actie=AuditRecord.Actie.OVERGANG).order_by("volgnummer")
    return dict(rijen.values_list("object_id", "naar_status"))


def test_the_demo_fills_the_register_and_every_state_of_both_families_and_a_rerun_changes_nothing(full_demo,
                                                                                                  subtests):
    staat = database_state()
    tweede = StringIO()
    demo.seed(tweede)

    with subtests.test("a second run changes no row and says so"):
        assert "aangemaakt" in full_demo.output and "niets toegevoegd" in tweede.getvalue()
        assert database_state() == staat

    with subtests.test("at least 47 accommodations in all seven gebieden, owners and tenants, valid boards"):
        accommodaties = Accommodatie.objects.select_related("bestuur", "wijk")
        assert accommodaties.count() >= 47
        assert set(accommodaties.values_list("gebied__naam", flat=True)) == {
            "Centrum", "Oude Wijken", "Oost", "Zuid", "West", "Haren", "Ten Boer"}
        assert set(accommodaties.values_list("eigendom", flat=True)) == {"eigenaar", "huurder"}
        assert {"buurthuis", "dorpshuis", "speeltuin"} <= set(accommodaties.values_list("soort", flat=True))
        for accommodatie in accommodaties:
            accommodatie.full_clean()
            assert accommodatie.bestuur.leden.exists(), accommodatie
            assert accommodatie.is_eigenaar == accommodatie.onderhoudsposten.exists(), accommodatie
        for bestuur in Organisatie.objects.filter(accommodaties__isnull=False).distinct():
            bestuur.full_clean()
            assert bestuur.postcode.startswith("97") and bestuur.contactpersonen.exists(), bestuur

    with subtests.test("requests of both families in every state, every state reached through perform()"):
        doelen = laatste_overgangen(Aanvraag)
        for familie in services.FAMILIES:
            aanvragen = Aanvraag.objects.filter(regeling__familie=familie, accommodatiegegevens__isnull=False)
            assert set(aanvragen.values_list("status", flat=True)) == set(Aanvraag.Status.values), familie
            for pk, status in aanvragen.values_list("pk", "status"):
                assert doelen.get(str(pk), "concept") == status
        begrotingen = laatste_overgangen(Exploitatiebegroting)
        assert set(Exploitatiebegroting.objects.values_list("status", flat=True)) == set(BegrotingStatus.values)
        for pk, status in Exploitatiebegroting.objects.values_list("pk", "status"):
            assert begrotingen.get(str(pk), "concept") == status

    with subtests.test("exploitatie: the multi-year path, every year within an approved deficit"):
        aanvragen = Aanvraag.objects.filter(regeling__familie=services.EXPLOITATIE).exclude(
            accommodatiegegevens=None)
        for aanvraag in aanvragen:
            assert aanvraag.regeling.meerjarig and 2 <= aanvraag.jaarbedragen.count() <= 4, aanvraag
            services.controleer_exploitatie(aanvraag)  # the rules hold for every request, drafts included
        for aanvraag in aanvragen.filter(status="verleend"):
            tranches = dict(aanvraag.subsidie.tranches.values_list("boekjaar", "bedrag"))
            assert tranches == dict(aanvraag.jaarbedragen.values_list("boekjaar", "gevraagd_bedrag")), aanvraag

    with subtests.test("onderhoud: only owners, against their MJOP, for at most the items' estimate"):
        for aanvraag in Aanvraag.objects.filter(regeling__familie=services.ONDERHOUD).exclude(
                accommodatiegegevens=None).exclude(status="concept"):
            gegevens = aanvraag.accommodatiegegevens
            assert gegevens.accommodatie.is_eigenaar, aanvraag
            totaal = sum(p.geraamde_kosten for p in gegevens.onderhoudsposten.all())
            assert Decimal("0") < aanvraag.gevraagd_bedrag <= totaal, aanvraag

    with subtests.test("the audit trail is intact"):
        assert audit.verify().intact
