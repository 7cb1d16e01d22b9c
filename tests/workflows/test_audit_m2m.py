"""Who belongs to an organisation is part of its trail: adding or removing a member is audited."""
from workflows.models import AuditRecord
from tests.factories import OrganisatieFactory, UserFactory


def _membership_records(organisatie):
    return list(
        AuditRecord.objects.filter(object_id=str(organisatie.pk), wijzigingen__has_key="leden")
        .order_by("volgnummer")
        .values_list("wijzigingen", flat=True)
    )


def test_adding_removing_and_clearing_members_is_audited(db):
    organisatie = OrganisatieFactory()
    eva, piet = UserFactory(username="eva"), UserFactory(username="piet")

    organisatie.leden.add(eva, piet)
    organisatie.leden.remove(eva)
    organisatie.leden.clear()

    assert _membership_records(organisatie) == [
        {"leden": {"toegevoegd": sorted([eva.pk, piet.pk])}},
        {"leden": {"verwijderd": [eva.pk]}},
        {"leden": {"verwijderd": [piet.pk]}},
    ]


def test_clearing_an_empty_membership_writes_nothing(db):
    organisatie = OrganisatieFactory()
    organisatie.leden.clear()
    assert _membership_records(organisatie) == []
