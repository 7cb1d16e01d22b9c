"""A record's content hash is the SHA-256 of its content fields as canonical JSON: json.dumps with sorted keys, no
spaces, ASCII only (DjangoJSONEncoder). Writers and migration 0009 hash that way; verification writes the same text
by hand, from what the database returns, for speed. Both must agree on any content, or an intact trail would be
reported altered (or an altered one intact)."""
import datetime as dt
import hashlib
import json

import pytest
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from hypothesis import given
from hypothesis import strategies as st

from tests.factories import OrganisatieFactory
from workflows import audit
from workflows.models import AuditRecord

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=8,
)


def canonical_sha(values: dict) -> str:
    """The definition, written the slow way."""
    payload = {name: values[name] for name in audit.CONTENT_FIELDS}
    payload["tijdstip"] = values["tijdstip"].astimezone(dt.timezone.utc).isoformat()
    text = json.dumps(payload, sort_keys=True, separators=(",", ":"), cls=DjangoJSONEncoder)
    return hashlib.sha256(text.encode()).hexdigest()


@given(
    tijdstip=st.datetimes(timezones=st.sampled_from([dt.timezone.utc, dt.timezone(dt.timedelta(hours=1))])),
    actor_id=st.none() | st.integers(min_value=1, max_value=2**31),
    object_type_id=st.integers(min_value=1, max_value=2**31),
    texts=st.lists(st.text(), min_size=9, max_size=9),
    wijzigingen=st.dictionaries(st.text(max_size=8), json_values, max_size=4),
)
def test_the_content_hash_is_the_sha256_of_the_canonical_json(tijdstip, actor_id, object_type_id, texts,
                                                               wijzigingen):
    actor_weergave, object_id, object_weergave, actie, handeling, van, naar, toelichting, request_id = texts
    values = {"tijdstip": tijdstip, "actor_id": actor_id, "actor_weergave": actor_weergave,
              "object_type_id": object_type_id, "object_id": object_id, "object_weergave": object_weergave,
              "actie": actie, "handeling": handeling, "van_status": van, "naar_status": naar,
              "toelichting": toelichting, "wijzigingen": wijzigingen, "request_id": request_id}

    assert audit.content_hash(values) == canonical_sha(values)


@pytest.mark.django_db(transaction=True)
def test_awkward_content_verifies_as_written(time_machine):
    """Verification reads tijdstip and wijzigingen in its own way (on PostgreSQL: UTC without a zone, JSON text):
    a whole second (no microseconds in the ISO form), non-ASCII text, quotes, nested changes whose keys the
    database stores in another order, numbers and empty values."""
    organisatie = OrganisatieFactory(naam="Stichting \u201cDe Linie\u201d \u00e9\u00e9n")
    time_machine.move_to(dt.datetime(2026, 12, 7, 9, 30, tzinfo=dt.timezone.utc), tick=False)
    with transaction.atomic():
        audit.record(organisatie, "handeling", handeling="controleren", toelichting='Zie "bijlage" \\ \u20ac 5\n',
                     wijzigingen={"zzz": [1, 2.5, None, True], "a": {"ä": "\u00f8", "b": []}, "": ""})
        audit.record(organisatie, "handeling", handeling="leeg", wijzigingen={})
    audit.seal()

    result = audit.verify()

    assert result.intact, result.problem
    assert result.checked == AuditRecord.objects.count()
    for record in AuditRecord.objects.filter(object_id=str(organisatie.pk)):
        values = {name: getattr(record, name) for name in audit.CONTENT_FIELDS}
        assert record.inhoud_hash == canonical_sha(values)
    whole_second = AuditRecord.objects.get(handeling="controleren")
    assert whole_second.tijdstip.microsecond == 0


@pytest.mark.django_db(transaction=True)
def test_a_changed_nested_value_is_found(time_machine):
    """The fast path still reads every part of the content: one value deep inside wijzigingen changed is found."""
    organisatie = OrganisatieFactory()
    with transaction.atomic():
        audit.record(organisatie, "handeling", handeling="controleren", wijzigingen={"a": {"b": ["x", 1]}})
    audit.seal()
    record = AuditRecord.objects.get(handeling="controleren")
    assert audit.verify().intact

    from tests.workflows.test_audit import knoei
    knoei("UPDATE workflows_auditrecord SET wijzigingen = %s WHERE volgnummer = %s",
          [json.dumps({"a": {"b": ["x", 2]}}), record.volgnummer])

    result = audit.verify()
    assert (result.intact, result.volgnummer) == (False, record.volgnummer)
    assert "altered" in result.problem
