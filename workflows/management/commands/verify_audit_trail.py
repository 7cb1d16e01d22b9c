"""`manage.py verify_audit_trail`: exit 0 on an intact trail, 1 naming the first bad record otherwise."""
import time

from django.core.management.base import BaseCommand, CommandError

from workflows.audit import verify


class Command(BaseCommand):
    help = "Verify the hash chain of the audit trail (append-only, no gaps, no edits)."

    def handle(self, *args, **options):
        started = time.monotonic()
        result = verify()
        elapsed = time.monotonic() - started
        if not result.intact:
            raise CommandError(f"Audit trail NOT intact at record #{result.volgnummer}: {result.problem} "
                               f"({result.checked} records verified before it).")
        self.stdout.write(self.style.SUCCESS(f"Audit trail intact: {result.checked} records in {elapsed:.1f} s."))
