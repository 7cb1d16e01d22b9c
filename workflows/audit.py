"""Writing, sealing and verifying the accountability trail (DESIGN §7, docs/architecture.md).

Writers take no shared lock: `record()` inserts its record unlinked, in the caller's transaction, with the hash of
its own content. `seal()` links the records of ended transactions into the chain, in the order (writing
transaction, volgnummer), in batches; only the sealer locks the chain head. On SQLite (one writer at a time)
`record()` seals inline. `verify()` seals first, then walks the chain.

Jobs that change thousands of objects write inside `batched()`: their records are inserted together at its end.
"""
import contextlib
import datetime as dt
import hashlib
import json
import multiprocessing
import re
from collections.abc import Iterator
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, connections, transaction
from django.db.models import Q
from django.db.models.fields.json import KT
from django.utils import timezone

from .context import current_actor, current_request_id
from .models import AuditChainHead, AuditRecord

GENESIS_HASH = "0" * 64
CONTENT_FIELDS = (
    "tijdstip", "actor_id", "actor_weergave", "object_type_id", "object_id", "object_weergave", "actie", "handeling",
    "van_status", "naar_status", "toelichting", "wijzigingen", "request_id",
)
HASHED_FIELDS = (*CONTENT_FIELDS, "positie", "volgnummer", "transactie", "vorige_hash")  # what `compute_hash` reads
SEAL_BATCH = 20_000  # waiting records linked per statement
_XID_SPAN = 1 << 32


def to_json_value(value):
    """The JSON form of a field value, as stored and as hashed (Decimal and dates become strings)."""
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


# The canonical form: what json.dumps(payload, sort_keys=True, separators=(",", ":"), cls=DjangoJSONEncoder) gives
# for the content fields (the definition; migration 0009 hashes that way). Verification hashes a million records, so
# the object is written out by hand, in its sorted key order, with the encoder's own function for strings (ASCII
# only); `tests/workflows/test_audit_hash.py` holds it to json.dumps.
_CANONICAL_JSON = DjangoJSONEncoder(sort_keys=True, separators=(",", ":"))
_CANONICAL_CONTENT = ('{"actie":%s,"actor_id":%s,"actor_weergave":%s,"handeling":%s,"naar_status":%s,"object_id":%s,'
                      '"object_type_id":%s,"object_weergave":%s,"request_id":%s,"tijdstip":%s,"toelichting":%s,'
                      '"van_status":%s,"wijzigingen":%s}')
_ascii_string = json.encoder.encode_basestring_ascii


def _canonical(value) -> str:
    """One JSON value as the canonical encoder writes it."""
    if type(value) is str:
        return _ascii_string(value)
    if value is None:
        return "null"
    return str(value) if type(value) is int else _CANONICAL_JSON.encode(value)


def content_hash(values: dict) -> str:
    """The record's own hash, over what it says (written with the record, before it is sealed)."""
    return _content_sha(values["tijdstip"].astimezone(dt.timezone.utc).isoformat(),
                        *(values[name] for name in CONTENT_FIELDS[1:-2]),
                        _CANONICAL_JSON.encode(values["wijzigingen"]), values["request_id"])


def _content_sha(tijdstip: str, actor_id, actor_weergave, object_type_id, object_id, object_weergave, actie,
                 handeling, van_status, naar_status, toelichting, wijzigingen: str, request_id) -> str:
    """The content hash from the content fields in `CONTENT_FIELDS` order: tijdstip already as UTC ISO text,
    wijzigingen already as canonical JSON."""
    text = _CANONICAL_CONTENT % (
        _canonical(actie), _canonical(actor_id), _canonical(actor_weergave), _canonical(handeling),
        _canonical(naar_status), _canonical(object_id), _canonical(object_type_id), _canonical(object_weergave),
        _canonical(request_id), _canonical(tijdstip), _canonical(toelichting), _canonical(van_status), wijzigingen)
    return hashlib.sha256(text.encode()).hexdigest()


def link_hash(positie: int, volgnummer: int, transactie: int | None, vorige_hash: str, inhoud_hash: str) -> str:
    """The chain hash: the record's place, its writing transaction, its predecessor and its content hash."""
    link = f"{positie}:{volgnummer}:{'' if transactie is None else transactie}:{vorige_hash}:{inhoud_hash}"
    return hashlib.sha256(link.encode()).hexdigest()


def compute_hash(values: dict) -> str:
    """The chain hash a sealed record with these values (`HASHED_FIELDS`) carries."""
    return link_hash(values["positie"], values["volgnummer"], values["transactie"], values["vorige_hash"],
                     content_hash(values))


def describe_actor(user) -> str:
    if user is None:
        return "systeem"
    full_name = user.get_full_name() if hasattr(user, "get_full_name") else ""
    return f"{user.get_username()} ({full_name})" if full_name else user.get_username()


def record(obj, actie: str, *, handeling: str = "", van_status: str = "", naar_status: str = "",
           toelichting: str = "", wijzigingen: dict | None = None, actor=None) -> AuditRecord:
    """Add one record about `obj` to the trail, unlinked, in the caller's transaction (inside `batched()`: at its
    end). The sealer links it into the chain once the transaction has ended."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("The audit trail is written inside a transaction only.")
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
    entry = AuditRecord(**values, inhoud_hash=content_hash(values))
    batch = _current_batch()
    if batch is not None:
        return batch.add(entry)
    if _seals_inline():
        _insert_sealed(entry)
    else:
        entry.save(force_insert=True)
    return entry


def _insert_sealed(entry: AuditRecord) -> None:
    """SQLite: the one writer inserts its record already linked, numbered after the head (which holds the highest
    volgnummer there: every record was sealed as it was written). Three statements, as `seal()` would give."""
    head = _lock_head(create=True)
    entry.volgnummer, entry.positie = head.laatste_volgnummer + 1, head.laatste_positie + 1
    entry.vorige_hash = head.laatste_hash
    entry.hash = link_hash(entry.positie, entry.volgnummer, None, entry.vorige_hash, entry.inhoud_hash)
    entry.save(force_insert=True)
    head.laatste_positie, head.laatste_volgnummer, head.laatste_hash = entry.positie, entry.volgnummer, entry.hash
    head.save(update_fields=["laatste_positie", "laatste_volgnummer", "laatste_hash"])


def _seals_inline() -> bool:
    """SQLite has one writer at a time and no transaction ids to order by: the writer seals its own records."""
    return connection.vendor != "postgresql"


class _Batch:
    """The records of one `batched()` block, kept until its end.

    A record written inside a savepoint that is later rolled back must not reach the trail. Django forgets the
    `on_commit` callbacks registered inside a rolled-back savepoint; each record is tied to such a (no-op) callback,
    and at the end only records whose callback Django still holds are written.
    """

    def __init__(self, connection):
        self.connection = connection
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
        """Insert the surviving records in one go. Returns how many."""
        held = {id(callback) for _, callback, _ in self.connection.run_on_commit}
        entries = [entry for entry, marker in self.entries if id(marker) in held]
        AuditRecord.objects.bulk_create(entries, batch_size=1000)
        if entries and _seals_inline():
            seal()
        return len(entries)


class _Marker:
    def __call__(self):
        """Nothing to do at commit: the marker only shows that its savepoint was not rolled back."""


def _current_batch() -> _Batch | None:
    return getattr(transaction.get_connection(), "audit_batch", None)


@contextlib.contextmanager
def batched():
    """One transaction whose records are inserted together at its end (nested: part of the outer batch).

    For jobs that change thousands of objects: one INSERT for all their records, in the order they were made.
    Inside the batch its records are not in the table yet: no rule may read the trail to decide (none does).
    """
    connection = transaction.get_connection()
    if _current_batch() is not None:
        with transaction.atomic():
            yield
        return
    with transaction.atomic():
        batch = _Batch(connection)
        connection.audit_batch = batch
        try:
            yield
        finally:
            connection.audit_batch = None
        batch.write()


# --- sealing ----------------------------------------------------------------------------------------------------
def seal() -> int:
    """Link the waiting records of ended transactions into the chain, in one transaction; return how many.

    Their order is (writing transaction, volgnummer); why that is final is in docs/architecture.md. The waiting
    records are sorted once, by PostgreSQL, and streamed; each `SEAL_BATCH` of them is written in one statement.
    (Sorting per batch in a transaction of its own made a backlog of a million records sort twenty times.)"""
    with transaction.atomic():
        head = _lock_head()
        if head is None:
            return 0
        horizon, batches = _sealable(SEAL_BATCH)
        sealed = 0
        for rows in batches:
            _append(head, rows)
            sealed += len(rows)
        if sealed:  # a run that links nothing writes nothing; the stored horizon may lag (see `_check_waiting`)
            head.horizon = max(head.horizon, horizon)
            head.save(update_fields=["laatste_positie", "laatste_volgnummer", "laatste_hash", "horizon"])
    return sealed


def _lock_head(create: bool = False) -> AuditChainHead | None:
    """The chain head under its row lock; only the sealer takes it, so there is one sealer at a time. None when
    there is no head yet and nothing to seal (unless `create`): a sealer (or a verification) that links nothing
    writes nothing."""
    try:
        return AuditChainHead.objects.select_for_update().get(pk=1)
    except AuditChainHead.DoesNotExist:  # a fresh (or flushed) database: the first sealer creates the head
        if not create and not any(_sealable(1, limit=1)[1]):
            return None
        AuditChainHead.objects.get_or_create(pk=1)
        return AuditChainHead.objects.select_for_update().get(pk=1)


def _horizon(cursor) -> tuple[int, int]:
    """(horizon, current): every transaction of this database with an id below `horizon` has ended; `current` is a
    current transaction id, to widen 32-bit row stamps with.

    Transaction ids are shared by all databases of the server, so the oldest running one may belong to another
    database (another application, or another test worker) and could never write here. The snapshot is taken
    first (at the statement's start); a running transaction is only passed over when the activity view, read
    after it, shows it running in another database. Anything not shown (ended since, or not visible to this role)
    counts as ours: the horizon may lag, never run ahead. The snapshot leaves out the own transaction: it counts
    too (a sealer called inside a transaction that wrote records must not seal them)."""
    cursor.execute("""
        SELECT least(coalesce(min(running.id), pg_snapshot_xmax(pg_current_snapshot())::text::bigint),
                     pg_current_xact_id_if_assigned()::text::bigint),
               pg_current_xact_id()::text::bigint
        FROM (SELECT xip::text::bigint AS id FROM pg_snapshot_xip(pg_current_snapshot()) AS xip) AS running
        WHERE mod(running.id, 4294967296) NOT IN (
            SELECT backend_xid::text::bigint FROM pg_stat_activity
            WHERE backend_xid IS NOT NULL AND datname IS DISTINCT FROM current_database())""")
    return cursor.fetchone()


# The writer of a row version, widened from PostgreSQL's 32-bit stamp to a 64-bit transaction id: `age()` counts
# back from this transaction's own id (given by `_horizon`, so the same `current`), modulo 2**32, so it is right
# across a wraparound and for a row newer than `current` (a savepoint's subtransaction: a negative age). Only
# waiting rows are widened; they are seconds old.
_WRITER = "(%(current)s::bigint - age(xmin))"


def _sealable(batch: int, limit: int | None = None) -> tuple[int, Iterator[list[tuple[int, int | None, str]]]]:
    """The transaction-id horizon below which every writer has ended, and the waiting records that may be sealed
    now (the first `limit`), as (volgnummer, transactie, inhoud_hash) in chain order, in lists of `batch`."""
    if _seals_inline():
        rows = AuditRecord.objects.filter(positie__isnull=True, transactie__isnull=True).order_by("volgnummer")
        rows = list(rows.values_list("volgnummer", "inhoud_hash")[:limit])
        return 0, ([(nummer, None, inhoud) for nummer, inhoud in rows[k:k + batch]]
                   for k in range(0, len(rows), batch))
    with connection.cursor() as cursor:
        horizon, current = _horizon(cursor)
    return horizon, _stream_sealable(horizon, current, batch, limit)


def _stream_sealable(horizon: int, current: int, batch: int, limit: int | None):
    writer = _WRITER % {"current": int(current)}
    # A waiting record whose `transactie` is already filled in claims a writer; only the sealer writes it.
    with connection.chunked_cursor() as cursor:  # server-side: a backlog of millions is never all in memory
        cursor.execute(f"""SELECT volgnummer, {writer} AS schrijver, inhoud_hash FROM workflows_auditrecord
                           WHERE positie IS NULL AND transactie IS NULL AND {writer} < %s
                           ORDER BY schrijver, volgnummer LIMIT %s""", [horizon, limit])
        while rows := cursor.fetchmany(batch):
            yield rows


def _append(head: AuditChainHead, rows: list) -> None:
    """Give `rows` their places after the head, their links and chain hashes; move the head (in memory)."""
    positie, vorige = head.laatste_positie, head.laatste_hash
    sealed = []
    for volgnummer, transactie, inhoud in rows:
        positie += 1
        chained = link_hash(positie, volgnummer, transactie, vorige, inhoud)
        sealed.append((volgnummer, positie, transactie, vorige, chained))
        vorige = chained
    _write_seals(sealed)
    head.laatste_positie, head.laatste_volgnummer, head.laatste_hash = positie, sealed[-1][0], vorige


def _write_seals(sealed: list[tuple]) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            columns = list(zip(*sealed))
            # The range bounds the join to the batch's stretch of the key: without it PostgreSQL hashes the whole
            # table for every batch (sealing a million waiting records read the table a hundred times).
            cursor.execute("""UPDATE workflows_auditrecord AS r
                              SET positie = s.positie, transactie = s.transactie, vorige_hash = s.vorige,
                                  hash = s.hash
                              FROM unnest(%s::bigint[], %s::bigint[], %s::bigint[], %s::text[], %s::text[])
                                   AS s(volgnummer, positie, transactie, vorige, hash)
                              WHERE r.volgnummer = s.volgnummer AND r.volgnummer BETWEEN %s AND %s""",
                           [*(list(c) for c in columns), min(columns[0]), max(columns[0])])
        else:
            cursor.executemany("UPDATE workflows_auditrecord SET positie = %s, transactie = %s, vorige_hash = %s, "
                               "hash = %s WHERE volgnummer = %s", [(*rest, nummer) for nummer, *rest in sealed])


@dataclass
class VerificationResult:
    checked: int
    problem: str = ""
    volgnummer: int | None = None  # the first bad record
    waiting: int = 0  # records of transactions still open, not yet sealed
    head: tuple[int, int, str] = (0, 0, GENESIS_HASH)  # the sealed end: (positie, volgnummer, hash)

    @property
    def intact(self) -> bool:
        return not self.problem

    def summary(self) -> str:
        return f"sealed up to position {self.head[0]} (#{self.head[1]}), {self.waiting} records waiting"


@dataclass
class _Stretch:
    """What a walk over one stretch of the chain found. Its first record's link is the caller's to check."""

    count: int = 0
    first: tuple | None = None  # (positie, vorige_hash, order key, volgnummer) of its first record
    last: tuple | None = None  # (positie, hash, order key, volgnummer) of its last verified record
    problem: VerificationResult | None = None  # `checked` counts the records of this stretch before it


_START = (0, GENESIS_HASH, None, 0)


def verify(chunk_size: int = 5000, workers: int = 1) -> VerificationResult:
    """Seal what may be sealed, then walk the whole chain; report the first record that was changed, inserted or
    removed, and any waiting record that cannot be legitimate or has waited too long for the sealer.

    The chain head and the records are read in one snapshot, so records sealed meanwhile are no false alarm.
    With `workers` > 1 (PostgreSQL, called outside a transaction) that many processes hash one stretch of the
    chain each, all in the same exported snapshot, while this one checks the trail's continuity per object; the
    result is the one a single walk gives.
    """
    overdue = _overdue()  # before sealing: what the sealer should have linked already
    seal()
    outermost = not transaction.get_connection().in_atomic_block
    parallel = workers > 1 and outermost and connection.vendor == "postgresql"
    pool = None
    if parallel:
        connections.close_all()  # forked workers must not inherit an open database connection
        pool = multiprocessing.get_context("fork").Pool(workers)
    try:
        with transaction.atomic():
            snapshot = _consistent_snapshot(export=parallel) if outermost else None
            head = AuditChainHead.objects.filter(pk=1).values_list(
                "laatste_positie", "laatste_volgnummer", "laatste_hash", "horizon").first() or (0, 0, GENESIS_HASH, 0)
            if pool is not None:
                bounds = [None, *(head[0] * k // workers for k in range(1, workers)), None]
                walking = pool.starmap_async(_walk_in_snapshot, [(snapshot, lo, hi, chunk_size)
                                                                 for lo, hi in zip(bounds, bounds[1:])])
            continuity = VerificationResult(0)
            _check_continuity(continuity)  # with workers: here, while they walk the chain
            stretches = walking.get() if pool is not None else [_walk(None, None, chunk_size)]
            result = _combine(stretches, head[:3])
            result.waiting = AuditRecord.objects.filter(positie__isnull=True).count()
            if result.intact:
                _check_waiting(result, head[3], overdue)
            if result.intact:
                _check_transactions(result)
            if result.intact and not continuity.intact:
                result.problem, result.volgnummer = continuity.problem, continuity.volgnummer
    finally:
        if pool is not None:
            pool.close()
            pool.join()
    return result


def _overdue() -> tuple[int, float] | None:
    """The oldest waiting record whose transaction has ended, if it has waited longer than the sealer may take:
    (volgnummer, seconds). The sealer (Celery beat) is not running, or refuses the record."""
    records = AuditRecord.objects.filter(positie__isnull=True).order_by("tijdstip")
    with transaction.atomic():  # `age()` counts from this transaction's id
        if not _seals_inline():
            with connection.cursor() as cursor:
                horizon, current = _horizon(cursor)
            records = records.extra(where=[f"{_WRITER % {'current': int(current)}} < %s"], params=[horizon])
        oldest = records.values_list("volgnummer", "tijdstip").first()
    if oldest is None:
        return None
    waited = (timezone.now() - oldest[1]).total_seconds()
    return (oldest[0], waited) if waited > settings.AUDIT_SEAL_MAX_WAIT_SECONDS else None


def _check_waiting(result: VerificationResult, horizon: int, overdue: tuple[int, float] | None) -> None:
    """After sealing, every waiting record must belong to a transaction still open that wrote it, and none may have
    waited too long. The row's writer is PostgreSQL's own stamp (`xmin`): an inserted or edited row carries the
    stamp of whoever did that."""
    if overdue is not None:
        result.problem = (f"#{overdue[0]} waited {overdue[1]:.0f} s to be sealed "
                          f"(limit {settings.AUDIT_SEAL_MAX_WAIT_SECONDS} s): is the sealer running?")
        result.volgnummer = overdue[0]
        return
    waiting = AuditRecord.objects.filter(positie__isnull=True).order_by("volgnummer")
    claiming = waiting.filter(transactie__isnull=False).values_list("volgnummer", flat=True).first()
    if claiming is not None:
        result.problem, result.volgnummer = f"#{claiming} claims a writing transaction before it is sealed", claiming
        return
    if _seals_inline():
        return
    with connection.cursor() as cursor:
        current = _horizon(cursor)[1]
    behind = waiting.extra(where=[f"{_WRITER % {'current': int(current)}} < %s"], params=[horizon])
    behind = behind.values_list("volgnummer", flat=True).first()
    if behind is not None:
        result.problem = f"#{behind} was slipped in behind the sealed chain (its writer ended before the last seal)"
        result.volgnummer = behind


def _check_transactions(result: VerificationResult) -> None:
    """Every sealed record was written by a transaction that committed: PostgreSQL still knows the outcome of
    recent transactions (older ones it has forgotten: NULL, no alarm)."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("""SELECT volgnummer, transactie FROM workflows_auditrecord
                          WHERE transactie IS NOT NULL AND (transactie >= pg_current_xact_id()::text::bigint
                                OR pg_xact_status(transactie::text::xid8) = 'aborted')
                          ORDER BY positie LIMIT 1""")
        found = cursor.fetchone()
    if found is not None:
        result.problem = f"#{found[0]} names transaction {found[1]}, which never committed"
        result.volgnummer = found[0]


def _check_continuity(result: VerificationResult) -> None:
    """Per object, the trail's statuses run without a gap, and its last one is the object's status now.

    This finds a record deleted *before* it was sealed (the chain cannot: it never held it). A transition's record
    says from which status it went (`van_status`, read under the object's row lock, so never stale), a created
    object's record its first status; each must be where the object's previous record left it, and the row must
    still be where its last record left it. Only a deletion that also undoes the change itself passes, and that is
    what a rolled-back transaction looks like (docs/architecture.md). Fields other than the status are not compared:
    a save records the old values as the saving process loaded them, which another process may have changed since.
    """
    from .lifecycle import Lifecycle  # the lifecycle writes the trail: imported here, not at the top

    lifecycles = {kind.pk: model for kind in ContentType.objects.all()
                  if (model := kind.model_class()) is not None and issubclass(model, Lifecycle)}
    records = (AuditRecord.objects.filter(object_type_id__in=list(lifecycles))
               .filter(Q(actie__in=[AuditRecord.Actie.OVERGANG, AuditRecord.Actie.VERWIJDERD])
                       | Q(wijzigingen__has_key="status"))
               .annotate(voor=KT("wijzigingen__status__0"), na=KT("wijzigingen__status__1"))
               .order_by("object_type_id", "object_id", "volgnummer")
               .values_list("object_type_id", "object_id", "volgnummer", "actie", "van_status", "naar_status",
                            "voor", "na"))
    last: dict[tuple[int, str], tuple[int, str]] = {}  # (type, id): (volgnummer, status) of its latest record
    for kind, object_id, number, actie, van, naar, voor, na in records.iterator(chunk_size=5000):
        if actie == AuditRecord.Actie.VERWIJDERD:
            last.pop((kind, object_id), None)
            continue
        before, after = (van, naar) if actie == AuditRecord.Actie.OVERGANG else (voor, na)
        known = last.get((kind, object_id))
        if known is not None and before is not None and before != known[1]:
            result.problem = (f"#{number} takes {lifecycles[kind]._meta.model_name} {object_id} from status "
                              f"'{before}', but its previous record #{known[0]} left it in '{known[1]}': "
                              f"a record between them is missing")
            result.volgnummer = number
            return
        last[(kind, object_id)] = (number, after)
    for kind, model in lifecycles.items():
        for pk, status in model._base_manager.values_list("pk", "status").iterator(chunk_size=5000):
            known = last.get((kind, str(pk)))
            if known is not None and status != known[1]:
                result.problem = (f"{model._meta.model_name} {pk} is in status '{status}', but its last record "
                                  f"#{known[0]} left it in '{known[1]}': the record of that change is missing")
                result.volgnummer = known[0]
                return


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
    """A worker process: walk records lo < positie <= hi as they were in the parent's snapshot."""
    if not re.fullmatch(r"[0-9A-Fa-f-]+", snapshot):
        raise ValueError(f"Not a snapshot id: {snapshot!r}")
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            cursor.execute(f"SET TRANSACTION SNAPSHOT '{snapshot}'")
            return _walk(lo, hi, chunk_size)
    finally:
        connection.close()


# What a walk reads per record, as tuples: the links, then the content in `CONTENT_FIELDS` order.
_LINKS = ("positie", "volgnummer", "transactie", "vorige_hash", "inhoud_hash", "hash")
# On PostgreSQL tijdstip is read as UTC without a zone, which psycopg's C loader decodes (Django's loader for
# timestamps with a zone is Python, and was a fifth of the walk), and wijzigingen as its JSON text.
_WALK_SQL = """
SELECT positie, volgnummer, transactie, vorige_hash, inhoud_hash, hash, tijdstip AT TIME ZONE 'UTC',
       actor_id, actor_weergave, object_type_id, object_id, object_weergave, actie, handeling, van_status,
       naar_status, toelichting, wijzigingen::text, request_id
FROM workflows_auditrecord WHERE positie > %s AND positie <= %s ORDER BY positie"""


def _sealed_rows(lo: int | None, hi: int | None, chunk_size: int):
    """The sealed records of lo < positie <= hi in chain order, as `_LINKS` + content tuples, tijdstip as a UTC
    datetime without zone and wijzigingen as JSON text (as PostgreSQL gives them), streamed in chunks."""
    lo, hi = -1 if lo is None else lo, 2**62 if hi is None else hi
    if connection.vendor != "postgresql":
        rows = (AuditRecord.objects.filter(positie__gt=lo, positie__lte=hi).order_by("positie")
                .values_list(*_LINKS, *CONTENT_FIELDS))
        for row in rows.iterator(chunk_size=chunk_size):
            yield (*row[:6], row[6].astimezone(dt.timezone.utc).replace(tzinfo=None), *row[7:17],
                   json.dumps(row[17]), row[18])
        return
    with connection.chunked_cursor() as cursor:  # server-side: memory stays flat
        cursor.execute(_WALK_SQL, [lo, hi])
        while rows := cursor.fetchmany(chunk_size):
            yield from rows


def _walk(lo: int | None, hi: int | None, chunk_size: int) -> _Stretch:
    """Check each sealed record of lo < positie <= hi (None: unbounded): its content, its own chain hash, its link
    to its predecessor and its place in the chain's order.

    The hot loop of a verification (a million records): the content hash is `_content_sha`'s, spelled out inline
    for values as the database returns them (text columns are str, the two ids int or None)."""
    stretch, previous = _Stretch(), None
    text, decode, canonical = _ascii_string, json.JSONDecoder().decode, _CANONICAL_JSON.encode
    for (positie, number, transactie, vorige, stored_inhoud, chained, tijdstip, actor_id, actor_weergave,
         object_type_id, object_id, object_weergave, actie, handeling, van, naar, toelichting, wijzigingen,
         request_id) in _sealed_rows(lo, hi, chunk_size):
        # The chain's order: writing transaction (none: sealed inline or before issue 12), then volgnummer.
        key = (-1 if transactie is None else transactie, number)
        if previous is None:
            stretch.first = (positie, vorige, key, number)
        else:
            problem = _link_problem(previous, positie, vorige, key, number)
            if problem:
                stretch.problem = VerificationResult(stretch.count, problem, number)
                break
        content = _CANONICAL_CONTENT % (
            text(actie), "null" if actor_id is None else actor_id, text(actor_weergave), text(handeling),
            text(naar), text(object_id), object_type_id, text(object_weergave), text(request_id),
            text(tijdstip.isoformat() + "+00:00"), text(toelichting), text(van),
            wijzigingen if wijzigingen == "{}" else canonical(decode(wijzigingen)))
        inhoud = hashlib.sha256(content.encode()).hexdigest()  # once: the chain hash is built on it
        if inhoud != stored_inhoud or link_hash(positie, number, transactie, vorige, inhoud) != chained:
            stretch.problem = VerificationResult(stretch.count, f"#{number} was altered after it was written", number)
            break
        previous = (positie, chained, key, number)
        stretch.count += 1
    stretch.last = previous
    return stretch


def _link_problem(previous: tuple, positie: int, vorige_hash: str, key, number: int) -> str:
    """What is wrong between the chain's record `previous` and the next one, if anything."""
    if positie != previous[0] + 1:
        return f"record(s) missing before #{number} (position {previous[0] + 1})"
    if vorige_hash != previous[1]:
        return f"#{number} does not link to its predecessor"
    if previous[2] is not None and key <= previous[2]:
        return f"#{number} is out of the chain's order (writing transaction, volgnummer)"
    return ""


def _combine(stretches: list[_Stretch], head: tuple[int, int, str]) -> VerificationResult:
    """Join the stretches in chain order: link each to the one before it, and the last to the chain head."""
    checked, previous = 0, _START
    for stretch in stretches:
        if stretch.first is not None:
            positie, link, key, number = stretch.first
            problem = _link_problem(previous, positie, link, key, number)
            if problem:
                return VerificationResult(checked, problem, number, head=tuple(head))
        if stretch.problem is not None:
            found = stretch.problem
            return VerificationResult(checked + found.checked, found.problem, found.volgnummer, head=tuple(head))
        checked += stretch.count
        previous = stretch.last or previous
    if (head[0], head[2]) != (previous[0], previous[1]) or head[1] != previous[3]:
        return VerificationResult(checked, f"record(s) missing after #{previous[3]} (the head names position "
                                           f"{head[0]}, #{head[1]})", head[1], head=tuple(head))
    return VerificationResult(checked, head=tuple(head))
