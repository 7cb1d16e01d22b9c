"""Batches: how jobs change thousands of objects and still leave the trail an auditor relies on.

Inside `audit.batched()` the records are written together at the end, numbered in the order they were made, and
no lock on the chain is taken (the sealer links them later; on SQLite at once); a record made inside a savepoint that was rolled back never reaches the trail.
`perform_each` runs one transition on many objects with `perform`'s checks and records; `save_fields` saves a
field change on many objects with a record for each.
"""
import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from subsidies.models import Aanvraag, Organisatie
from tests.factories import AanvraagFactory, OrganisatieFactory, breng_naar
from workflows import audit
from workflows.context import acting_as, remembered, remembering
from workflows.models import AuditRecord
from workflows.transitions import perform, perform_each

INGEDIEND = 3


def records_over(obj):
    return AuditRecord.objects.filter(object_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk))


def statements(queries, tabel: str, soort: str) -> int:
    return sum(q["sql"].startswith(soort) and f'"{tabel}"' in q["sql"] for q in queries.captured_queries)


@pytest.fixture
def organisaties(db):
    return [OrganisatieFactory(naam=f"Stichting Buurtkracht {n}") for n in range(4)]


def hernoem(organisatie, naam: str) -> None:
    organisatie.naam = naam
    organisatie.save()


# --- audit.batched --------------------------------------------------------------------------------------------------
def test_a_batch_inserts_its_records_in_one_statement_and_never_touches_the_chain_head(organisaties, behandelaar):
    voor = AuditRecord.objects.order_by("-volgnummer").first().volgnummer
    with CaptureQueriesContext(connection) as queries, acting_as(behandelaar), audit.batched():
        for n, organisatie in enumerate(organisaties):
            hernoem(organisatie, f"Buurtkracht {n} nieuw")

    assert statements(queries, "workflows_auditrecord", "INSERT") == 1
    if connection.vendor == "postgresql":  # the sealer's business, after the transaction
        assert statements(queries, "workflows_auditchainhead", "SELECT") == 0
        assert statements(queries, "workflows_auditchainhead", "UPDATE") == 0
    nieuw = list(AuditRecord.objects.filter(volgnummer__gt=voor))
    assert [(r.object_id, r.wijzigingen["naam"][1]) for r in nieuw] == [
        (str(o.pk), f"Buurtkracht {n} nieuw") for n, o in enumerate(organisaties)]
    assert [r.volgnummer for r in nieuw] == sorted(r.volgnummer for r in nieuw)
    assert {r.actor_id for r in nieuw} == {behandelaar.pk}
    assert audit.verify().intact


def test_a_record_made_in_a_rolled_back_savepoint_never_reaches_the_trail(organisaties):
    eerste, tweede, derde, vierde = organisaties
    with audit.batched():
        hernoem(eerste, "blijft")
        with pytest.raises(ValueError), transaction.atomic():  # rolled back and swallowed, as a retry loop does
            hernoem(tweede, "teruggedraaid")
            raise ValueError
        try:
            with transaction.atomic():
                with transaction.atomic():  # released inside a savepoint that is then rolled back
                    hernoem(derde, "ook teruggedraaid")
                raise ValueError
        except ValueError:
            pass
        hernoem(vierde, "blijft ook")

    assert {o.naam for o in Organisatie.objects.all()} == {"blijft", "blijft ook", "Stichting Buurtkracht 1",
                                                           "Stichting Buurtkracht 2"}
    assert [records_over(o).filter(actie="gewijzigd").count() for o in organisaties] == [1, 0, 0, 1]
    assert audit.verify().intact


def test_a_batch_that_fails_leaves_no_record_and_the_head_where_it_was(organisaties):
    voor = (AuditRecord.objects.count(), audit.verify().head)
    with pytest.raises(RuntimeError), audit.batched():
        hernoem(organisaties[0], "nooit")
        raise RuntimeError("de worker is gestopt")

    assert (AuditRecord.objects.count(), audit.verify().head) == voor
    assert records_over(organisaties[0]).filter(actie="gewijzigd").count() == 0


def test_writing_goes_on_as_before_after_a_batch(organisaties):
    with audit.batched():
        hernoem(organisaties[0], "in de batch")
    with transaction.atomic():
        hernoem(organisaties[1], "erna, los")
    laatste_twee = AuditRecord.objects.order_by("-volgnummer")[:2]
    assert [r.object_id for r in laatste_twee] == [str(organisaties[1].pk), str(organisaties[0].pk)]
    assert audit.verify().intact


# --- perform_each ---------------------------------------------------------------------------------------------------
@pytest.fixture
def aanvragen(organisatie, aanvrager):
    """Three submitted requests and one still a draft."""
    ingediend = [breng_naar(AanvraagFactory(organisatie=organisatie), "ingediend", aanvrager=aanvrager)
                 for _ in range(INGEDIEND)]
    return [*ingediend, AanvraagFactory(organisatie=organisatie)]


def test_perform_each_writes_what_perform_writes_for_each(aanvragen, behandelaar):
    *ingediend, _ = aanvragen
    los = breng_naar(AanvraagFactory(organisatie=aanvragen[0].organisatie), "ingediend")
    perform(los, "in_behandeling_nemen", behandelaar, reden=f"Oppakken: {los.nummer}")

    gedaan, geweigerd = perform_each(Aanvraag.objects.filter(pk__in=[a.pk for a in ingediend]),
                                     "in_behandeling_nemen", behandelaar, reden=lambda a: f"Oppakken: {a.nummer}")

    assert (len(gedaan), geweigerd) == (INGEDIEND, [])
    velden = ("actie", "handeling", "van_status", "naar_status", "actor_weergave")
    verwacht = records_over(los).values_list(*velden).last()
    for aanvraag in ingediend:
        record = records_over(aanvraag).last()
        assert tuple(getattr(record, v) for v in velden) == verwacht
        assert record.toelichting == f"Oppakken: {aanvraag.nummer}"
        assert Aanvraag.objects.get(pk=aanvraag.pk).status == "in_behandeling"
    assert audit.verify().intact


def test_a_refused_object_changes_nothing_and_the_others_go_on(aanvragen, behandelaar):
    *ingediend, concept = aanvragen
    records_voor = records_over(concept).count()

    gedaan, geweigerd = perform_each(Aanvraag.objects.filter(pk__in=[a.pk for a in aanvragen]),
                                     "in_behandeling_nemen", behandelaar, reden="Oppakken.")

    assert sorted(a.pk for a in gedaan) == sorted(a.pk for a in ingediend)
    ((weigering_over, weigering),) = geweigerd
    assert (weigering_over.pk, weigering.code) == (concept.pk, "overgang_niet_toegestaan")
    assert Aanvraag.objects.get(pk=concept.pk).status == "concept"
    assert records_over(concept).count() == records_voor
    for aanvraag in ingediend:  # each exactly once, though the first attempt with all four was undone
        assert records_over(aanvraag).filter(handeling="in_behandeling_nemen").count() == 1
    assert audit.verify().intact


def test_a_crash_in_perform_each_leaves_every_object_as_it_was(aanvragen, behandelaar, monkeypatch):
    *ingediend, _ = aanvragen
    voor = AuditRecord.objects.count()
    echte, gezien = audit.record, []

    def valt_uit_bij_de_tweede(obj, *args, **kwargs):
        gezien.append(obj.pk)
        if len(gezien) == 2:
            raise RuntimeError("de worker is gestopt")
        return echte(obj, *args, **kwargs)

    monkeypatch.setattr(audit, "record", valt_uit_bij_de_tweede)
    with pytest.raises(RuntimeError, match="gestopt"):
        perform_each(Aanvraag.objects.filter(pk__in=[a.pk for a in ingediend]), "in_behandeling_nemen",
                     behandelaar, reden="Oppakken.")

    assert {Aanvraag.objects.get(pk=a.pk).status for a in ingediend} == {"ingediend"}
    assert AuditRecord.objects.count() == voor


# --- save_fields ----------------------------------------------------------------------------------------------------
def test_save_fields_records_each_change_and_shares_one_update_per_value(organisaties):
    for organisatie in organisaties[:3]:
        organisatie.postcode = "9741 AB"
    organisaties[3].postcode = organisaties[3].postcode  # unchanged: no record
    voor = [records_over(o).count() for o in organisaties]

    with CaptureQueriesContext(connection) as queries, transaction.atomic():
        Organisatie.save_fields(organisaties, ["postcode"])

    assert statements(queries, "subsidies_organisatie", "UPDATE") == 2  # the three new postcodes share one
    assert [records_over(o).count() - v for o, v in zip(organisaties, voor)] == [1, 1, 1, 0]
    assert records_over(organisaties[0]).last().wijzigingen == {"postcode": ["9711 AB", "9741 AB"]}
    assert set(Organisatie.objects.values_list("postcode", flat=True)) == {"9741 AB", "9711 AB"}
    organisaties[0].save()  # saved and recorded: nothing left to record
    assert records_over(organisaties[0]).count() == voor[0] + 1


def test_save_fields_refuses_a_status_change_made_outside_perform(aanvragen, behandelaar):
    ingediend = aanvragen[0]
    ingediend.in_behandeling_nemen(user=behandelaar)  # the machine's method called by hand, not through perform()
    with pytest.raises(RuntimeError, match="perform"), transaction.atomic():
        Aanvraag.save_fields([ingediend], ["status"])
    assert Aanvraag.objects.get(pk=ingediend.pk).status == "ingediend"


# --- remembering ----------------------------------------------------------------------------------------------------
def test_remembered_computes_once_per_block_and_always_outside_one():
    berekend = []

    def tel():
        berekend.append(1)
        return len(berekend)

    assert [remembered("k", tel), remembered("k", tel)] == [1, 2]
    with remembering():
        assert [remembered("k", tel), remembered("k", tel)] == [3, 3]
        with remembering():
            assert remembered("k", tel) == 3
    assert remembered("k", tel) == 4
