"""`manage.py audit_digest`: sign the audit trail's chain head now, store the digest and mail it to the auditors."""
from django.core.management.base import BaseCommand, CommandError

from workflows import digest


class Command(BaseCommand):
    help = "Write a signed digest of the audit trail's chain head to AUDIT_DIGEST_DIR and mail it to the auditors."

    def handle(self, *args, **options):
        try:
            taken = digest.take()
        except digest.DigestError as exc:
            raise CommandError(str(exc)) from exc
        if taken is None:
            self.stdout.write("The audit trail is empty: no digest to sign.")
            return
        path, signed = taken
        self.stdout.write(self.style.SUCCESS(f"Digest of record #{signed['volgnummer']} written to {path}."))
