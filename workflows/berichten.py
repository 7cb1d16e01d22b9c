"""Writing notifications to the outbox and sending them (see `workflows.models.berichten`)."""
import logging

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from .models import Bericht

logger = logging.getLogger(__name__)
MAX_POGINGEN = 5


def opstellen(sleutel: str, aan, onderwerp: str, tekst: str, obj=None) -> list[Bericht]:
    """One unsaved message per address (trimmed, lower case, each once), keyed `sleutel:address`."""
    adressen = sorted({adres.strip().lower() for adres in aan if adres and adres.strip()})
    object_type = ContentType.objects.get_for_model(obj) if obj is not None else None
    return [
        Bericht(sleutel=f"{sleutel}:{adres}"[:200], aan=adres, onderwerp=onderwerp[:200], tekst=tekst,
                object_type=object_type, object_id=str(obj.pk) if obj is not None else "")
        for adres in adressen
    ]


def plaats_alle(berichten: list[Bericht]) -> int:
    """Queue the messages whose key is not queued yet, in two queries however many. Returns how many are new."""
    if not berichten:
        return 0
    sleutels = [b.sleutel for b in berichten]
    bestaand = set(Bericht.objects.filter(sleutel__in=sleutels).order_by().values_list("sleutel", flat=True))
    nieuw = [b for b in berichten if b.sleutel not in bestaand]
    Bericht.objects.bulk_create(nieuw, ignore_conflicts=True)
    return len(nieuw)


def plaats(sleutel: str, aan, onderwerp: str, tekst: str, obj=None) -> int:
    """Queue one message per address, skipping an address that already has this `sleutel`; returns how many are new."""
    return plaats_alle(opstellen(sleutel, aan, onderwerp, tekst, obj))


def verstuur(limiet: int = 200) -> int:
    """Send waiting messages, oldest first, at most `limiet` tries; return how many were sent.

    Each message is sent in a transaction of its own that commits right after the mail server took it, so a crash
    repeats at most the one message in flight and no row stays locked longer than one send. Workers side by side
    skip each other's rows; a run tries each message once (a failure waits for the next run).
    """
    verzonden, geprobeerd = 0, []
    while len(geprobeerd) < limiet:
        with transaction.atomic():
            bericht = Bericht.objects.select_for_update(skip_locked=True).filter(
                verzonden_op__isnull=True, pogingen__lt=MAX_POGINGEN
            ).exclude(pk__in=geprobeerd).first()
            if bericht is None:
                break
            geprobeerd.append(bericht.pk)
            verzonden += _verstuur(bericht)
    return verzonden


def _verstuur(bericht: Bericht) -> int:
    bericht.pogingen += 1
    try:
        send_mail(bericht.onderwerp, bericht.tekst, settings.DEFAULT_FROM_EMAIL, [bericht.aan])
    except Exception as exc:  # the outbox keeps it: the next run tries again
        logger.warning("Bericht %s niet verzonden: %s", bericht.pk, exc)
        bericht.laatste_fout = str(exc)[:300]
        bericht.save(update_fields=["pogingen", "laatste_fout"])
        return 0
    bericht.verzonden_op = timezone.now()
    bericht.save(update_fields=["verzonden_op", "pogingen"])
    return 1
