"""Signed digests of the audit trail, kept outside the database (docs/architecture.md, docs/audit-digests.md).

The hash chain shows an edit *relative to what follows it*. Whoever can write the tables can also recompute every
hash after an edit, cut records from the end and move the chain head back, or empty both tables, and the chain
verifies again. A digest pins the sealed chain head of a moment (its position, the volgnummer and hash of the record
there),
signed with an Ed25519 key the database does not hold, and is kept where the database's administrators cannot reach
it: a file store and the auditors' mailboxes. Every later state of the trail must still hold that record with that
hash, and the chain must run intact from the first record through it to the head; `check` says so or says which of
those was broken.
"""
import base64
import datetime as dt
import hashlib
import json
import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from . import audit
from .berichten import plaats
from .models import AuditChainHead, AuditRecord

logger = logging.getLogger(__name__)

KIND = "sbs-audittrail-digest"
VERSION = 2  # 2: the sealed chain (migration 0009_audit_sealer) with `positie`; that migration re-links the chain
ALGORITHM = "Ed25519"
SIGNATURE = "handtekening"
FILE_PATTERN = "audit-digest-*.json"


class DigestError(Exception):
    """No digest could be signed, or a digest file cannot be read."""


# --- keys -------------------------------------------------------------------------------------------------------
def _private_key(data: bytes) -> Ed25519PrivateKey:
    """An Ed25519 private key from PEM (`openssl genpkey -algorithm ed25519`) or from its 32 raw bytes in base64."""
    data = data.strip()
    try:
        if data.startswith(b"-----BEGIN"):
            key = serialization.load_pem_private_key(data, password=None)
        else:
            key = Ed25519PrivateKey.from_private_bytes(base64.b64decode(data, validate=True))
    except ValueError as exc:
        raise DigestError(f"The digest signing key cannot be read: {exc}") from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise DigestError("The digest signing key is not an Ed25519 key.")
    return key


def public_key(data: bytes) -> Ed25519PublicKey:
    """An Ed25519 public key from PEM (`openssl pkey -pubout`) or from its 32 raw bytes in base64."""
    data = data.strip()
    try:
        if data.startswith(b"-----BEGIN"):
            key = serialization.load_pem_public_key(data)
        else:
            key = Ed25519PublicKey.from_public_bytes(base64.b64decode(data, validate=True))
    except ValueError as exc:
        raise DigestError(f"A digest public key cannot be read: {exc}") from exc
    if not isinstance(key, Ed25519PublicKey):
        raise DigestError("A digest public key is not an Ed25519 key.")
    return key


def key_id(key: Ed25519PublicKey) -> str:
    """A short fingerprint of a public key: digests name the key that signed them, verification picks it by this."""
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def public_key_pem(key: Ed25519PublicKey) -> str:
    return key.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode()


def signing_key() -> Ed25519PrivateKey:
    """The configured key (AUDIT_DIGEST_KEY, else AUDIT_DIGEST_KEY_FILE); in development a generated one."""
    if settings.AUDIT_DIGEST_KEY:
        return _private_key(settings.AUDIT_DIGEST_KEY.encode())
    if settings.AUDIT_DIGEST_KEY_FILE:
        return _private_key(Path(settings.AUDIT_DIGEST_KEY_FILE).read_bytes())
    if not settings.DEBUG:  # production settings refuse to start without a key; this guards tests and scripts
        raise DigestError("No digest signing key: set AUDIT_DIGEST_KEY or AUDIT_DIGEST_KEY_FILE.")
    return _development_key(Path(settings.AUDIT_DIGEST_DEV_KEY_FILE))


def _development_key(path: Path) -> Ed25519PrivateKey:
    """The development key in `path`, made on first use (linked into place, so parallel processes agree on one)."""
    if not path.exists():
        pem = Ed25519PrivateKey.generate().private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as new:
            new.write(pem)
        try:
            os.link(new.name, path)
        except FileExistsError:
            pass
        finally:
            os.unlink(new.name)
    logger.warning("AUDIT_DIGEST_KEY is not set: audit digests are signed with the development key in %s. "
                   "Never use it in production; see docs/audit-digests.md.", path)
    return _private_key(path.read_bytes())


def verification_keys(public_key_files=()) -> dict[str, Ed25519PublicKey]:
    """The public keys digests are checked with, by key id.

    Given files (an auditor's own copies): only those, so nothing on the server decides what counts as genuine.
    Otherwise the public half of the signing key plus AUDIT_DIGEST_PUBLIC_KEY_FILES (keys of before a rotation).
    """
    if public_key_files:
        keys = [public_key(Path(name).read_bytes()) for name in public_key_files]
    else:
        keys = [signing_key().public_key(),
                *(public_key(Path(name).read_bytes()) for name in settings.AUDIT_DIGEST_PUBLIC_KEY_FILES)]
    return {key_id(key): key for key in keys}


def _canonical(payload: dict) -> bytes:
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


# --- the chain head as it is now ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Head:
    positie: int
    volgnummer: int
    hash: str
    record_hash: str | None  # the hash of the record at `positie`, None when there is none
    record_tijdstip: dt.datetime | None


def current_head() -> Head | None:
    """The sealed chain head and the record at its position, read in one snapshot; None when the head row is gone.

    Records still waiting for the sealer are not in it: a digest vouches for the sealed chain only."""
    outermost = not transaction.get_connection().in_atomic_block
    with transaction.atomic():
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        head = AuditChainHead.objects.filter(pk=1).values_list(
            "laatste_positie", "laatste_volgnummer", "laatste_hash").first()
        if head is None:
            return None
        record = AuditRecord.objects.filter(positie=head[0]).values_list("hash", "tijdstip").first()
    return Head(*head, *(record or (None, None)))


def _holds(positie: int, volgnummer: int, record_hash: str) -> str:
    """What keeps the trail from holding the digest's record (positie, volgnummer, record_hash); "" when it holds it.

    Called after `audit.verify()` found the chain intact from position 1 to the head: then the record at the
    digest's position, with the digest's volgnummer and hash (which covers its position and its predecessor's
    hash), vouches for every record before it.
    """
    head = AuditChainHead.objects.filter(pk=1).values_list("laatste_positie", "laatste_volgnummer").first()
    record = AuditRecord.objects.filter(positie=positie).values_list("volgnummer", "hash").first()
    if record is None:
        records = AuditRecord.objects.exists()
        if not records and (head is None or head[0] == 0):  # gone, or made anew (at 0) by a sealer since
            return ("the trail holds no records and its chain head is gone: both tables were emptied "
                    "(truncated) after the digest was taken")
        if not records:
            return "the trail holds no records: the record table was emptied (truncated) after the digest was taken"
        last = head or AuditRecord.objects.filter(positie__isnull=False).order_by("-positie").values_list(
            "positie", "volgnummer").first() or (0, 0)
        return (f"the chain ends at #{last[1]} (position {last[0]}), before the digest's #{volgnummer} (position "
                f"{positie}): records were cut from the end and the chain head moved back")
    if record != (volgnummer, record_hash):
        return (f"#{volgnummer} is not the record the digest vouches for (its hash differs): the trail up to "
                f"#{volgnummer} was rewritten and its hashes recomputed")
    return ""


# --- checking digests ---------------------------------------------------------------------------------------------
@dataclass
class DigestCheck:
    path: Path
    digest: dict | None
    problem: str = ""

    @property
    def holds(self) -> bool:
        return not self.problem

    def describe(self) -> str:
        if self.digest is None:
            return str(self.path)
        return (f"{self.path.name} (#{self.digest['volgnummer']} at position {self.digest['positie']}, "
                f"taken {self.digest['tijdstip']})")


def read(path: Path) -> dict:
    try:
        digest = json.loads(Path(path).read_text())
    except (OSError, ValueError) as exc:
        raise DigestError(f"{path}: not a readable digest ({exc})") from exc
    fields = {"soort", "versie", "positie", "volgnummer", "hash", "record_hash", "tijdstip", "algoritme", "sleutel",
              SIGNATURE}
    if not isinstance(digest, dict) or digest.get("soort") != KIND:
        raise DigestError(f"{path}: not an audit trail digest")
    if digest.get("versie") != VERSION:
        raise DigestError(f"{path}: a version {digest.get('versie')} digest, taken before migration 0009_audit_sealer "
                          f"re-linked the chain; check it with the release before that migration")
    if not fields <= digest.keys():
        raise DigestError(f"{path}: not an audit trail digest")
    return digest


def signature_problem(digest: dict, keys: dict[str, Ed25519PublicKey]) -> str:
    key = keys.get(digest["sleutel"])
    if key is None:
        return (f"signed with key {digest['sleutel']}, which is not among the public keys given "
                f"({', '.join(sorted(keys)) or 'none'})")
    payload = {name: value for name, value in digest.items() if name != SIGNATURE}
    try:
        key.verify(base64.b64decode(digest[SIGNATURE]), _canonical(payload))
    except (InvalidSignature, ValueError):
        return "the signature does not match its contents: the digest was altered or not signed with this key"
    return ""


def check(paths, public_key_files=(), workers: int = 1) -> tuple[audit.VerificationResult, list[DigestCheck]]:
    """Verify the chain, then each digest: its signature, and that the chain still holds the head it pinned."""
    result = audit.verify(workers=workers)
    keys = verification_keys(public_key_files) if paths else {}
    checks = []
    for path in map(Path, paths):
        try:
            digest = read(path)
        except DigestError as exc:
            checks.append(DigestCheck(path, None, str(exc)))
            continue
        problem = signature_problem(digest, keys)
        if not problem and result.intact:
            problem = _holds(digest["positie"], digest["volgnummer"], digest["record_hash"])
        checks.append(DigestCheck(path, digest, problem))
    return result, checks


# --- taking a digest ----------------------------------------------------------------------------------------------
def newest_on_file() -> Path | None:
    """The newest digest in AUDIT_DIGEST_DIR (names sort by the time they were taken)."""
    directory = Path(settings.AUDIT_DIGEST_DIR)
    files = sorted(directory.glob(FILE_PATTERN)) if directory.is_dir() else []
    return files[-1] if files else None


def take() -> tuple[Path, dict] | None:
    """Seal what waits, then sign the sealed chain head; store the digest as a new file and mail it to the auditors.

    Signs only a trail that verifies, against the newest digest on file too: a digest must never vouch for a
    tampered trail. The head is read before that verification, so the head signed lies within what it verified.
    Returns None for an empty trail (nothing to vouch for); raises DigestError when it refuses.
    """
    audit.seal()
    head = current_head()
    earlier = newest_on_file()
    result, checks = check([earlier] if earlier else [])
    if not result.intact:
        raise DigestError(f"No digest signed: the audit trail is not intact at record #{result.volgnummer} "
                          f"({result.problem}).")
    if failed := next((c for c in checks if not c.holds), None):
        raise DigestError(f"No digest signed: the trail no longer matches digest {failed.describe()}: "
                          f"{failed.problem}.")
    if head is None or head.positie == 0:
        return None
    key = signing_key()
    if problem := _holds(head.positie, head.volgnummer, head.record_hash):
        raise DigestError(f"No digest signed: the chain head moved under the check ({problem}).")
    payload = {
        "soort": KIND,
        "versie": VERSION,
        "positie": head.positie,
        "volgnummer": head.volgnummer,
        "hash": head.hash,
        "record_hash": head.record_hash,
        "record_tijdstip": head.record_tijdstip.astimezone(dt.timezone.utc).isoformat(),
        "tijdstip": timezone.now().astimezone(dt.timezone.utc).isoformat(),
        "algoritme": ALGORITHM,
        "sleutel": key_id(key.public_key()),
    }
    digest = {**payload, SIGNATURE: base64.b64encode(key.sign(_canonical(payload))).decode()}
    path = _store(digest)
    _mail(digest, path)
    return path, digest


def _store(digest: dict) -> Path:
    """A new read-only file; an existing file is never overwritten (open mode "x")."""
    directory = Path(settings.AUDIT_DIGEST_DIR)
    directory.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.fromisoformat(digest["tijdstip"]).strftime("%Y%m%dT%H%M%S%fZ")
    path = directory / f"audit-digest-{stamp}-{digest['volgnummer']:012d}.json"
    with open(path, "x") as file:
        json.dump(digest, file, indent=2, sort_keys=True)
        file.write("\n")
    path.chmod(0o444)
    return path


def recipients() -> list[str]:
    """AUDIT_DIGEST_EMAILS plus whatever AUDIT_DIGEST_RECIPIENTS (a dotted path to a callable) returns."""
    hook = settings.AUDIT_DIGEST_RECIPIENTS
    return [*settings.AUDIT_DIGEST_EMAILS, *(import_string(hook)() if hook else [])]


def _mail(digest: dict, path: Path) -> None:
    aan = recipients()
    if not aan:
        logger.warning("Audit digest %s is mailed to nobody: no auditor has an email address and "
                       "AUDIT_DIGEST_EMAILS is empty.", path.name)
        return
    tekst = (
        f"Dit is de ondertekende samenvatting (digest) van de audittrail tot en met record #{digest['volgnummer']}, "
        f"gemaakt op {digest['tijdstip']}.\n\n"
        "Bewaar dit bericht buiten het systeem. Sla de tekst tussen de lijnen op als bestand. Daarmee controleert u "
        "later dat niemand de audittrail tot en met dit record heeft veranderd, ingekort of leeggemaakt:\n\n"
        "    manage.py verify_audit_trail --digest <bestand> --public-key <publieke sleutel>\n\n"
        f"-----\n{json.dumps(digest, indent=2, sort_keys=True)}\n-----\n"
    )
    with transaction.atomic():
        plaats(f"audit-digest:{path.name}", aan, f"Audittrail: digest tot en met record #{digest['volgnummer']}",
               tekst)
