"""Demo data of the accommodation families for `manage.py seed_demo`, which calls `seed`: exploitation budgets in
every state and requests of both families in every Aanvraag state. `register` holds the 48 accommodaties with their
boards and MJOPs, `verhalen` the requests' stories as tables, and `replay` the code that plays them.

Run after the core demo (`subsidies.demo.builder.seed`): it reuses the core's users, gebieden, budgets, regelingen
and the boards the core demo already has, and marks the core regelingen *exploitatie-accommodaties* and
*onderhoud-accommodaties* with their family. Reference data is looked up by its natural key and only created when
missing; the stories (budgets and requests) are played only when none of their requests exists yet, so a second
run changes nothing. Like the core demo, the stories are replayed in calendar order on a simulated clock, every
state change through `perform()` by a user with the right role.
"""
from django.db import transaction
from django.utils import timezone

from subsidies.demo import builder, logins
from subsidies.models import Aanvraag
from workflows.context import acting_as

from .. import services
from ..models import Accommodatie, Exploitatiebegroting, Onderhoudspost
from .register import zorg_voor_families, zorg_voor_register
from .replay import eerste_jaar_van_de_periode, koppel_kernconcept, plan, speel, verhaal_titels, zorg_voor_budgetten


def seed(stdout) -> None:
    """Build the accommodation demo, or check it is complete when it is already there."""
    vandaag = timezone.localdate()
    with transaction.atomic():
        ref = builder.referentiegegevens(vandaag)
        beheerder = ref.gebruikers[logins.BEHEERDER]
        with acting_as(beheerder):
            regelingen = zorg_voor_families()
            accommodaties, leden = zorg_voor_register(ref.wijken)
        nieuw = not Aanvraag.objects.filter(verhaal_titels()).exists()
        if nieuw:
            periode = eerste_jaar_van_de_periode(regelingen[services.EXPLOITATIE], vandaag)
            with acting_as(beheerder):
                zorg_voor_budgetten(regelingen[services.EXPLOITATIE], periode)
            speel(plan(vandaag, periode, accommodaties), accommodaties, leden, regelingen, ref, vandaag, periode)
        koppel_kernconcept(accommodaties, leden)
    aanvragen = Aanvraag.objects.filter(accommodatiegegevens__isnull=False).count()
    stdout.write(f"Accommodaties: {Accommodatie.objects.count()} in het register, "
                 f"{Onderhoudspost.objects.count()} onderhoudsposten, "
                 f"{Exploitatiebegroting.objects.count()} exploitatiebegrotingen, {aanvragen} aanvragen"
                 + (" aangemaakt." if nieuw else " (al aanwezig, niets toegevoegd).") + "\n")
