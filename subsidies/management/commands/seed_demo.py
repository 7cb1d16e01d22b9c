"""`manage.py seed_demo`: realistic demo data for the gemeente Groningen, idempotent (a second run changes nothing).

Gebieden with their wijken and dorpen, the 2023–2026 budgets of the nota Sociale Basis and the meerjarenraming up
to 2030, the council's budgets 2023–2027 with their loon- en prijscompensatie, seven regelingen with their
plafonds, one login per role, ~19 organisaties and ~60 aanvragen in every state, among them running structural
subsidies (the lumpsum for sociaal werk, exploitatiesubsidies, multi-year initiatieven) with their tranches in
every state. Then each request family adds its own (`<app>.demo`): 48 accommodaties with their budgets and
maintenance plans, 50 bewonersorganisaties, and initiatieven in every gebied, with requests of every family in every
state. Each state is reached through the one transition service, and the scheduled jobs run on their days.
Refuses to run with DEBUG off unless --force: the logins' passwords are public. Needs the `demo` extra
(time-machine, the simulated clock); `make install` installs it.
"""
import time
from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Count
from django.utils.module_loading import module_has_submodule

from subsidies.demo import logins
from subsidies.models import Aanvraag, Begrotingsjaar, Betaling, Jaartranche, Subsidie
from subsidies.services import brieven
from workflows.models import AuditRecord


def _family_demos():
    """`seed(stdout)` of every installed app's `demo` module other than the core's, in app order."""
    for config in apps.get_app_configs():
        if config.name == "subsidies" or not module_has_submodule(config.module, "demo"):
            continue
        demo = import_module(f"{config.name}.demo")
        if hasattr(demo, "seed"):
            yield demo.seed


def _builder():
    """The demo's builder; it replays history on a simulated clock, so it needs time-machine (the `demo` extra)."""
    try:
        from subsidies.demo.builder import maak_brieven, seed
    except ModuleNotFoundError as error:
        if error.name != "time_machine":
            raise
        raise CommandError("seed_demo needs the 'demo' extra (time-machine). Install it with "
                           "`.venv/bin/pip install -e '.[demo]'`, or run `make install`.") from error
    return seed, maak_brieven


class Command(BaseCommand):
    help = ("Load idempotent demo data: gebieden, budgets, regelingen, demo logins, organisaties and ~60 aanvragen, "
            "structural subsidies included.")

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true",
                            help="Run even though DEBUG is off. Only on a demo or test server: the demo logins "
                                 "have published passwords.")

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError("DEBUG is off, so this may be production. seed_demo creates logins with published "
                               "passwords; use --force only on a demo or test server.")
        seed, maak_brieven = _builder()
        started = time.perf_counter()
        with brieven.uitgesteld():  # the letters come after, for the demo logins' organisations only
            result = seed()
            for familie_demo in _family_demos():  # the core knows no family: each app with a demo adds its own
                familie_demo(self.stdout)
        letters = maak_brieven() if result.aanvragen else 0
        elapsed = time.perf_counter() - started
        if result.aanvragen:
            self.stdout.write(self.style.SUCCESS(
                f"Demo data ready in {elapsed:.1f} s: {result.aanvragen} aanvragen created, their history replayed "
                f"on a simulated clock from {result.van} to {result.tot}; {letters} letters made (those of the "
                "demo logins' organisations; the others are made when first downloaded)."))
        else:
            self.stdout.write(self.style.SUCCESS(f"Demo data checked in {elapsed:.1f} s: the demo aanvragen "
                                                 "already exist, nothing added."))
        for label, model, statuses in (("Aanvragen", Aanvraag, Aanvraag.Status),
                                       ("Subsidies", Subsidie, Subsidie.Status),
                                       ("Jaartranches", Jaartranche, Jaartranche.Status),
                                       ("Betalingen", Betaling, Betaling.Status)):
            counts = dict(model.objects.values_list("status").annotate(n=Count("pk")))
            self.stdout.write(f"{label + ':':14}" + " · ".join(f"{s} {counts.get(s, 0)}" for s in statuses.values))
        self.stdout.write(f"{'Begrotingen:':14}" + " · ".join(
            f"{jaar.boekjaar} vastgesteld {jaar.vastgesteld_op} (+{jaar.indexatie_percentage}%)"
            for jaar in Begrotingsjaar.objects.filter(vastgesteld_op__isnull=False)))
        self.stdout.write(f"{'Audit trail:':14}{AuditRecord.objects.count()} records")
        self.stdout.write("\nLogins at /account/login/, by username or email (demo only; the passwords are public):")
        self.stdout.write(f"  {'rol':12} {'gebruikersnaam':26} {'wachtwoord':31} e-mailadres")
        for login in logins.LOGINS:
            self.stdout.write(f"  {login.rol:12} {login.username:26} {login.wachtwoord:31} {login.email}")
        self.stdout.write("Staff (all but the aanvragers) log in in two steps: after the password, type the code of "
                          f"`manage.py demo_code`, or add the secret {logins.DEMO_TOTP_GEHEIM} to an authenticator "
                          "app.")
