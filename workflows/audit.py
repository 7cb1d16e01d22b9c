"""Writing and verifying the accountability trail (DESIGN §7).

Writers take the chain head's row lock *before* their first write in a transaction (`lock_chain`), so all
writers queue in one order and no two records claim the same predecessor; without deadlocks, because every
writer takes this lock first. The lock is held until commit: a rolled-back transaction leaves no record.

Jobs that change thousands of objects write inside `batched()`: the lock is taken once, records are numbered,
hashed and inserted together at the end of the batch, and the chain head is written once.
"""
import contextlib
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
    batch = _current_batch()
    if batch is not None:  # taken when the batch began, in the batch's own transaction: still held
        return batch.head
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
    """Append one record about `obj` to the trail, in the caller's transaction (inside `batched()`: at its end)."""
    head = lock_chain()
    actor = actor if actor is not None else current_actor()
    values = {
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
    }
    batch = _current_batch()
    if batch is not None:
        return batch.add(AuditRecord(**values))
    entry = _link(AuditRecord(**values), (head.laatste_volgnummer, head.laatste_hash))
    entry.save(force_insert=True)
    _move_head(head, entry)
    return entry


def _link(entry: AuditRecord, after: tuple[int, str]) -> AuditRecord:
    """Put `entry` in the chain after the record (volgnummer, hash) `after`: its number, its link, its own hash."""
    entry.volgnummer, entry.vorige_hash = after[0] + 1, after[1]
    entry.hash = compute_hash(vars(entry))
    return entry


def _move_head(head: AuditChainHead, last: AuditRecord) -> None:
    head.laatste_volgnummer, head.laatste_hash = last.volgnummer, last.hash
    head.save(update_fields=["laatste_volgnummer", "laatste_hash"])


class _Batch:
    """The records of one `batched()` block, kept until its end.

    A record written inside a savepoint that is later rolled back must not reach the trail. Django forgets the
    `on_commit` callbacks registered inside a rolled-back savepoint; each record is tied to such a (no-op) callback,
    and at the end only records whose callback Django still holds are written.
    """

    def __init__(self, connection, head: AuditChainHead):
        self.connection, self.head = connection, head
        self.entries: list[tuple[AuditRecord, object]] = []
        self._marker, self._savepoints = None, None

    def add(self, entry: AuditRecord) -> AuditRecord:
        if self._savepoints != self.connection.savepoint_ids:  # a new savepoint scope: a marker of its own
            self._savepoints = list(self.connection.savepoint_ids)
            self._marker = _Marker()
            transaction.on_commit(self._marker)
        self.entries.append((entry, self._marker))
        return entry

    def write(self) -> int:
        """Number, hash and insert the surviving records; move the chain head once. Returns how many."""
        held = {id(callback) for _, callback, _ in self.connection.run_on_commit}
        entries = [entry for entry, marker in self.entries if id(marker) in held]
        previous = (self.head.laatste_volgnummer, self.head.laatste_hash)
        for entry in entries:
            _link(entry, previous)
            previous = (entry.volgnummer, entry.hash)
        AuditRecord.objects.bulk_create(entries, batch_size=1000)
        if entries:
            _move_head(self.head, entries[-1])
        return len(entries)


class _Marker:
    def __call__(self):
        """Nothing to do at commit: the marker only shows that its savepoint was not rolled back."""


def _current_batch() -> _Batch | None:
    return getattr(transaction.get_connection(), "audit_batch", None)


@contextlib.contextmanager
def batched():
    """One transaction whose records are written together at its end (nested: part of the outer batch).

    For jobs that change thousands of objects: the chain lock is taken once, at the start, and held to the end,
    so no other writer can come between; the chain is numbered and hashed in the order the records were made.
    Inside the batch its records are not in the table yet: no rule may read the trail to decide (none does).
    """
    connection = transaction.get_connection()
    if _current_batch() is not None:
        with transaction.atomic():
            yield
        return
    with transaction.atomic():
        batch = _Batch(connection, lock_chain())
        connection.audit_batch = batch
        try:
            yield
        finally:
            connection.audit_batch = None
        batch.write()


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
