"""Know who you fund (nota §5.10): KvK number, IBAN and postcode are validated, and changes to them are audited."""
import pytest
from django.core.exceptions import ValidationError

from subsidies.models import Organisatie, Rechtsvorm
from tests.factories import GebiedFactory, OrganisatieFactory, UserFactory, WijkFactory
from workflows.context import acting_as
from workflows.models import AuditRecord

pytestmark = pytest.mark.django_db


def organisatie(**overrides) -> Organisatie:
    values = {"naam": "Stichting Buurtkracht Vinkhuizen", "rechtsvorm": Rechtsvorm.STICHTING,
              "kvk_nummer": "41012345", "iban": "NL91ABNA0417164300", "postcode": "9741 AB"}
    return Organisatie(**{**values, **overrides})


def fouten(org: Organisatie) -> set[str]:
    """The fields full_clean() rejects (empty when the organisation is valid)."""
    try:
        org.full_clean()
    except ValidationError as error:
        return set(error.message_dict)
    return set()


@pytest.mark.parametrize(("kvk_nummer", "geldig"), [
    ("41012345", True),
    ("01012345", True),
    ("4101234", False),
    ("410123456", False),
    ("4101234a", False),
    ("4101 234", False),
])
def test_kvk_number_is_eight_digits(kvk_nummer, geldig):
    assert fouten(organisatie(kvk_nummer=kvk_nummer)) == (set() if geldig else {"kvk_nummer"})


@pytest.mark.parametrize("rechtsvorm", [r for r in Rechtsvorm.values if r != Rechtsvorm.INITIATIEFGROEP])
def test_a_legal_person_needs_its_kvk_number(rechtsvorm):
    assert fouten(organisatie(rechtsvorm=rechtsvorm, kvk_nummer="")) == {"kvk_nummer"}


def test_an_initiatiefgroep_needs_no_kvk_number():
    assert fouten(organisatie(rechtsvorm=Rechtsvorm.INITIATIEFGROEP, kvk_nummer="")) == set()


def test_a_kvk_number_belongs_to_one_organisation():
    OrganisatieFactory(kvk_nummer="41012345")
    assert fouten(organisatie(kvk_nummer="41012345")) == {"__all__"}
    OrganisatieFactory(rechtsvorm=Rechtsvorm.INITIATIEFGROEP, kvk_nummer="")
    assert fouten(organisatie(rechtsvorm=Rechtsvorm.INITIATIEFGROEP, kvk_nummer="")) == set()


@pytest.mark.parametrize(("ingevuld", "opgeslagen"), [
    ("NL91ABNA0417164300", "NL91ABNA0417164300"),
    ("nl91 abna 0417 1643 00", "NL91ABNA0417164300"),
    ("NL91 ABNA 0417 1643 00", "NL91ABNA0417164300"),
    ("DE89 3704 0044 0532 0130 00", "DE89370400440532013000"),
])
def test_iban_is_validated_and_stored_in_its_compact_form(ingevuld, opgeslagen):
    org = organisatie(iban=ingevuld)
    assert fouten(org) == set()
    assert org.iban == opgeslagen


@pytest.mark.parametrize("iban", ["NL91ABNA0417164301", "NL91ABNA041716430", "NL00ABNA0417164300", "0417164300",
                                  ""])
def test_a_wrong_iban_is_refused(iban):
    assert fouten(organisatie(iban=iban)) == {"iban"}


@pytest.mark.parametrize(("postcode", "geldig"), [
    ("9741 AB", True), ("9741AB", True), ("", True),
    ("0741 AB", False), ("9741 SA", False), ("97411", False), ("9741 A", False),
])
def test_postcode_is_a_dutch_postcode(postcode, geldig):
    assert fouten(organisatie(postcode=postcode)) == (set() if geldig else {"postcode"})


def test_wijk_must_lie_in_the_gebied():
    west = GebiedFactory(naam="West")
    assert fouten(organisatie(gebied=west, wijk=WijkFactory(gebied=west, naam="Paddepoel"))) == set()
    assert fouten(organisatie(gebied=west, wijk=WijkFactory(gebied=GebiedFactory(naam="Oost"), naam="Beijum"))) == {
        "wijk"}


def test_an_iban_change_is_audited_old_to_new_with_who_changed_it():
    penningmeester = UserFactory(username="penningmeester", first_name="Anna", last_name="Bakker")
    org = OrganisatieFactory(iban="NL91ABNA0417164300")

    with acting_as(penningmeester):
        org.iban = "nl20 ingb 0001 2345 67"
        org.full_clean()
        org.save()

    record = AuditRecord.objects.last()
    assert (record.actie, record.object_id) == ("gewijzigd", str(org.pk))
    assert record.wijzigingen == {"iban": ["NL91ABNA0417164300", "NL20INGB0001234567"]}
    assert record.actor_weergave == "penningmeester (Anna Bakker)"
