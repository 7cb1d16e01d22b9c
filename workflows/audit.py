"""Writing and verifying the accountability trail (DESIGN §7).

Writers take the chain head's row lock *before* their first write in a transaction (`lock_chain`), so all
writers queue in one order and no two records claim the same predecessor; without deadlocks, because every
writer takes this lock first. The lock is held until commit: a rolled-back transaction leaves no record.
"""
import datetime as dt
import hashlib
import json
import multiprocessing
import re
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, connections, transaction
from django.utils import timezone

from .context import current_actor, current_request_id
from .models import AuditChainHead, AuditRecord

GENESIS_HASH = "0" * 64
HASHED_FIELDS = (
    "volgnummer", "tijdstip", "actor_id", "actor_weergave", "object_type_id", "object_id", "object_weergave",
    "actie", "handeling", "van_status", "naar_status", "toelichting", "wijzigingen", "request_id", "vorige_hash",
)
VERIFIED_FIELDS = (*HASHED_FIELDS, "hash")


def to_json_value(value):
    """The JSON form of a field value, as stored and as hashed (Decimal and dates become strings)."""
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


# The canonical form: what json.dumps(payload, sort_keys=True, separators=(",", ":"), cls=DjangoJSONEncoder) gives,
# from one reused encoder instead of a new one per record (verification hashes a million records).
_CANONICAL_JSON = DjangoJSONEncoder(sort_keys=True, separators=(",", ":"))


def compute_hash(values: dict) -> str:
    payload = {name: values[name] for name in HASHED_FIELDS}
    payload["tijdstip"] = values["tijdstip"].astimezone(dt.timezone.utc).isoformat()
    return hashlib.sha256(_CANONICAL_JSON.encode(payload).encode()).hexdigest()


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


@dataclass
class _Stretch:
    """What a walk over one stretch of the chain found. Its first record's link is the caller's to check."""

    count: int = 0
    first: tuple[int, str] | None = None  # (volgnummer, vorige_hash) of its first record
    last: tuple[int, str] | None = None  # (volgnummer, hash) of its last verified record
    problem: VerificationResult | None = None  # `checked` counts the records of this stretch before it


def verify(chunk_size: int = 5000, workers: int = 1) -> VerificationResult:
    """Walk the whole chain; report the first record that was changed, inserted or removed.

    The chain head and the records are read in one snapshot, so records appended meanwhile are no false alarm.
    With `workers` > 1 (PostgreSQL, called outside a transaction) that many processes hash one stretch of the
    chain each, all in the same exported snapshot; the result is the one a single walk gives.
    """
    outermost = not transaction.get_connection().in_atomic_block
    parallel = workers > 1 and outermost and connection.vendor == "postgresql"
    pool = None
    if parallel:
        connections.close_all()  # forked workers must not inherit an open database connection
        pool = multiprocessing.get_context("fork").Pool(workers)
    try:
        with transaction.atomic():
            snapshot = _consistent_snapshot(export=parallel) if outermost else None
            head = AuditChainHead.objects.filter(pk=1).values_list("laatste_volgnummer", "laatste_hash").first()
            head = head or (0, GENESIS_HASH)
            if pool is not None:
                bounds = [None, *(head[0] * k // workers for k in range(1, workers)), None]
                stretches = pool.starmap(_walk_in_snapshot, [(snapshot, lo, hi, chunk_size)
                                                             for lo, hi in zip(bounds, bounds[1:])])
            else:
                stretches = [_walk(None, None, chunk_size)]
    finally:
        if pool is not None:
            pool.close()
            pool.join()
    return _combine(stretches, head)


def _consistent_snapshot(export: bool) -> str | None:
    """Make the current (new) transaction read one snapshot throughout; with `export`, return its id to share."""
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        if not export:
            return None
        cursor.execute("SELECT pg_export_snapshot()")
        return cursor.fetchone()[0]


def _walk_in_snapshot(snapshot: str, lo: int | None, hi: int | None, chunk_size: int) -> _Stretch:
    """A worker process: walk records lo < volgnummer <= hi as they were in the parent's snapshot."""
    if not re.fullmatch(r"[0-9A-Fa-f-]+", snapshot):
        raise ValueError(f"Not a snapshot id: {snapshot!r}")
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            cursor.execute(f"SET TRANSACTION SNAPSHOT '{snapshot}'")
            return _walk(lo, hi, chunk_size)
    finally:
        connection.close()


def _walk(lo: int | None, hi: int | None, chunk_size: int) -> _Stretch:
    """Check each record of lo < volgnummer <= hi (None: unbounded) against its own hash and its predecessor."""
    records = AuditRecord.objects.order_by("volgnummer")
    if lo is not None:
        records = records.filter(volgnummer__gt=lo)
    if hi is not None:
        records = records.filter(volgnummer__lte=hi)
    stretch, previous = _Stretch(), None
    for row in records.values_list(*VERIFIED_FIELDS).iterator(chunk_size=chunk_size):
        values = dict(zip(VERIFIED_FIELDS, row))
        number = values["volgnummer"]
        if previous is None:
            stretch.first = (number, values["vorige_hash"])
        elif number != previous[0] + 1:
            stretch.problem = VerificationResult(stretch.count, f"record(s) missing before #{number}", previous[0] + 1)
            break
        elif values["vorige_hash"] != previous[1]:
            stretch.problem = VerificationResult(stretch.count, f"#{number} does not link to its predecessor", number)
            break
        if compute_hash(values) != values["hash"]:
            stretch.problem = VerificationResult(stretch.count, f"#{number} was altered after it was written", number)
            break
        previous = (number, values["hash"])
        stretch.count += 1
    stretch.last = previous
    return stretch


def _combine(stretches: list[_Stretch], head: tuple[int, str]) -> VerificationResult:
    """Join the stretches in chain order: link each to the one before it, and the last to the chain head."""
    checked, previous = 0, (0, GENESIS_HASH)
    for stretch in stretches:
        if stretch.first is not None:
            number, link = stretch.first
            if number != previous[0] + 1:
                return VerificationResult(checked, f"record(s) missing before #{number}", previous[0] + 1)
            if link != previous[1]:
                return VerificationResult(checked, f"#{number} does not link to its predecessor", number)
        if stretch.problem is not None:
            found = stretch.problem
            return VerificationResult(checked + found.checked, found.problem, found.volgnummer)
        checked += stretch.count
        previous = stretch.last or previous
    if tuple(head) != previous:
        return VerificationResult(checked, f"record(s) missing after #{previous[0]}", previous[0] + 1)
    return VerificationResult(checked)
