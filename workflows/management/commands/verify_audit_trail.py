"""`manage.py verify_audit_trail [--digest FILE ...]`: seal what waits, then exit 0 on an intact trail, 1 naming what
is wrong otherwise (the first bad record, a record that waited too long for the sealer, a digest the chain no longer
holds).

With digests (workflows.digest), each must carry a valid signature and the chain must still hold the head it pinned:
this finds what the chain alone cannot (hashes recomputed after an edit, a cut tail, emptied tables).
"""
import os
import time

from django.core.management.base import BaseCommand, CommandError

from workflows import digest


class Command(BaseCommand):
    help = "Verify the hash chain of the audit trail (append-only, no gaps, no edits), and against earlier digests."

    def add_arguments(self, parser):
        parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                            help="processes that hash the chain in parallel on PostgreSQL (default: one per CPU)")
        parser.add_argument("--digest", nargs="+", default=[], metavar="FILE",
                            help="earlier signed digests (files from AUDIT_DIGEST_DIR or the auditors' mail)")
        parser.add_argument("--public-key", nargs="+", default=[], metavar="FILE",
                            help="check the digests with these public keys only (PEM); default: the configured "
                                 "signing key's and AUDIT_DIGEST_PUBLIC_KEY_FILES")

    def handle(self, *args, **options):
        started = time.monotonic()
        try:
            result, checks = digest.check(options["digest"], options["public_key"], workers=max(1, options["workers"]))
        except digest.DigestError as exc:
            raise CommandError(str(exc)) from exc
        elapsed = time.monotonic() - started
        if not result.intact:
            raise CommandError(f"Audit trail NOT intact at record #{result.volgnummer}: {result.problem} "
                               f"({result.checked} records verified before it; {result.summary()}).")
        failed = [check for check in checks if not check.holds]
        for check in checks:
            if check.holds:
                self.stdout.write(f"Digest {check.describe()}: signature valid; the chain still holds its head.")
        if failed:
            raise CommandError("Audit trail NOT intact against its digests:\n" + "\n".join(
                f"  digest {check.describe()}: {check.problem}" for check in failed))
        self.stdout.write(self.style.SUCCESS(f"Audit trail intact: {result.checked} records in {elapsed:.1f} s; "
                                             f"{result.summary()}."))
