"""`manage.py verify_audit_trail`: seal what waits, then exit 0 on an intact trail, 1 naming the first bad record (or
a record that waited too long for the sealer) otherwise."""
import os
import time

from django.core.management.base import BaseCommand, CommandError

from workflows.audit import verify


class Command(BaseCommand):
    help = "Verify the hash chain of the audit trail (append-only, no gaps, no edits)."

    def add_arguments(self, parser):
        parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                            help="processes that hash the chain in parallel on PostgreSQL (default: one per CPU)")

    def handle(self, *args, **options):
        started = time.monotonic()
        result = verify(workers=max(1, options["workers"]))
        elapsed = time.monotonic() - started
        if not result.intact:
            raise CommandError(f"Audit trail NOT intact at record #{result.volgnummer}: {result.problem} "
                               f"({result.checked} records verified before it; {result.summary()}).")
        self.stdout.write(self.style.SUCCESS(f"Audit trail intact: {result.checked} records in {elapsed:.1f} s; "
                                             f"{result.summary()}."))
