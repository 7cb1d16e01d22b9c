"""`manage.py seed_demo`: realistic demo data for the gemeente Groningen, idempotent (a second run changes nothing).

Gebieden with their wijken and dorpen, the 2023–2026 budgets of the nota Sociale Basis, five regelingen with
their plafonds, one login per role, ~17 organisaties and ~50 aanvragen in every state, each state reached
through the one transition service. Refuses to run with DEBUG off unless --force: the logins' passwords are public.
"""
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Count

from subsidies.demo import data
from subsidies.demo.builder import seed
from subsidies.models import Aanvraag, Betaling, Subsidie
from workflows.models import AuditRecord


class Command(BaseCommand):
    help = "Load idempotent demo data: gebieden, budgets, regelingen, demo logins, organisaties and ~50 aanvragen."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true",
                            help="Run even though DEBUG is off. Only on a demo or test server: the demo logins "
                                 "have published passwords.")

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError("DEBUG is off, so this may be production. seed_demo creates logins with published "
                               "passwords; use --force only on a demo or test server.")
        started = time.perf_counter()
        result = seed()
        elapsed = time.perf_counter() - started
        if result.aanvragen:
            self.stdout.write(self.style.SUCCESS(
                f"Demo data ready in {elapsed:.1f} s: {result.aanvragen} aanvragen created, their history replayed "
                f"on a simulated clock from {result.van} to {result.tot}."))
        else:
            self.stdout.write(self.style.SUCCESS(f"Demo data checked in {elapsed:.1f} s: the demo aanvragen "
                                                 "already exist, nothing added."))
        for label, model, statuses in (("Aanvragen", Aanvraag, Aanvraag.Status),
                                       ("Subsidies", Subsidie, Subsidie.Status),
                                       ("Betalingen", Betaling, Betaling.Status)):
            counts = dict(model.objects.values_list("status").annotate(n=Count("pk")))
            self.stdout.write(f"{label + ':':13}" + " · ".join(f"{s} {counts.get(s, 0)}" for s in statuses.values))
        self.stdout.write(f"{'Audit trail:':13}{AuditRecord.objects.count()} records")
        self.stdout.write("\nLogins (demo only; these passwords are public):")
        self.stdout.write(f"  {'rol':12} {'gebruikersnaam':20} wachtwoord")
        for login in data.LOGINS:
            self.stdout.write(f"  {login.rol:12} {login.username:20} {login.wachtwoord}")
