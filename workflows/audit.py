"""Writing and verifying the accountability trail (DESIGN §7).

Writers take the chain head's row lock *before* their first write in a transaction (`lock_chain`), so all
writers queue in one order and no two records claim the same predecessor; without deadlocks, because every
writer takes this lock first. The lock is held until commit: a rolled-back transaction leaves no record.
"""
import datetime as dt
import hashlib
import json
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from .context import current_actor, current_request_id
from .models import AuditChainHead, AuditRecord

GENESIS_HASH = "0" * 64
HASHED_FIELDS = (
    "volgnummer", "tijdstip", "actor_id", "actor_weergave", "object_type_id", "object_id", "object_weergave",
    "actie", "handeling", "van_status", "naar_status", "toelichting", "wijzigingen", "request_id", "vorige_hash",
)


def to_json_value(value):
    """The JSON form of a field value, as stored and as hashed (Decimal and dates become strings)."""
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def compute_hash(values: dict) -> str:
    payload = {name: values[name] for name in HASHED_FIELDS}
    payload["tijdstip"] = values["tijdstip"].astimezone(dt.timezone.utc).isoformat()
    canonical = json.dumps(payload, sort_keys=True, separators=(",", ":"), cls=DjangoJSONEncoder)
    return hashlib.sha256(canonical.encode()).hexdigest()


def lock_chain() -> AuditChainHead:
    """Take the chain head's row lock for the rest of the current transaction."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("The audit trail is written inside a transaction only.")
    try:
        return AuditChainHead.objects.select_for_update().get(pk=1)
    except AuditChainHead.DoesNotExist:  # a fresh (or flushed) database: the first writer creates the head
        AuditChainHead.objects.get_or_create(pk=1)
        return AuditChainHead.objects.select_for_update().get(pk=1)


def describe_actor(user) -> str:
    if user is None:
        return "systeem"
    full_name = user.get_full_name() if hasattr(user, "get_full_name") else ""
    return f"{user.get_username()} ({full_name})" if full_name else user.get_username()


def record(obj, actie: str, *, handeling: str = "", van_status: str = "", naar_status: str = "",
           toelichting: str = "", wijzigingen: dict | None = None, actor=None) -> AuditRecord:
    """Append one record about `obj` to the trail, in the caller's transaction."""
    head = lock_chain()
    actor = actor if actor is not None else current_actor()
    values = {
        "volgnummer": head.laatste_volgnummer + 1,
        "tijdstip": timezone.now(),
        "actor_id": actor.pk if actor is not None else None,
        "actor_weergave": describe_actor(actor),
        "object_type_id": ContentType.objects.get_for_model(obj, for_concrete_model=False).pk,
        "object_id": str(obj.pk),
        "object_weergave": str(obj)[:300],
        "actie": actie,
        "handeling": handeling,
        "van_status": van_status or "",
        "naar_status": naar_status or "",
        "toelichting": toelichting or "",
        "wijzigingen": to_json_value(wijzigingen or {}),
        "request_id": current_request_id(),
        "vorige_hash": head.laatste_hash,
    }
    values["hash"] = compute_hash(values)
    entry = AuditRecord.objects.create(**values)
    head.laatste_volgnummer = entry.volgnummer
    head.laatste_hash = entry.hash
    head.save(update_fields=["laatste_volgnummer", "laatste_hash"])
    return entry


@dataclass
class VerificationResult:
    checked: int
    problem: str = ""
    volgnummer: int | None = None

    @property
    def intact(self) -> bool:
        return not self.problem


def verify(chunk_size: int = 5000) -> VerificationResult:
    """Walk the whole chain; report the first record that was changed, inserted or removed."""
    expected_number, previous_hash, checked = 1, GENESIS_HASH, 0
    fields = HASHED_FIELDS + ("hash",)
    for row in AuditRecord.objects.order_by("volgnummer").values(*fields).iterator(chunk_size=chunk_size):
        number = row["volgnummer"]
        if number != expected_number:
            return VerificationResult(checked, f"record(s) missing before #{number}", expected_number)
        if row["vorige_hash"] != previous_hash:
            return VerificationResult(checked, f"#{number} does not link to its predecessor", number)
        if compute_hash(row) != row["hash"]:
            return VerificationResult(checked, f"#{number} was altered after it was written", number)
        previous_hash, expected_number, checked = row["hash"], number + 1, checked + 1
    head = AuditChainHead.objects.filter(pk=1).first()
    last_number, last_hash = (head.laatste_volgnummer, head.laatste_hash) if head else (0, GENESIS_HASH)
    if last_number != expected_number - 1 or last_hash != previous_hash:
        return VerificationResult(checked, f"record(s) missing after #{expected_number - 1}", expected_number)
    return VerificationResult(checked)
