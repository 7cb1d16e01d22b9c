"""Writing notifications to the outbox, and sending them outside any database transaction
(see `workflows.models.berichten` and docs/architecture.md, "Notifications").

Sending one message is three steps: *claim* it (a short transaction: a lease with owner and expiry, by a conditional
UPDATE that only one sender can win), *send* it (no transaction open, no row locked: the mail server may take its
time), *mark* it sent or failed (a short transaction of its own). A sender that dies between send and mark leaves a
lease that expires; the message is then sent once more, under the same Message-ID, which is the best SMTP allows.
"""
import datetime as dt
import logging
import os
import re
import socket
import uuid

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Lower, Trim
from django.template import Context
from django.template.loader import get_template, render_to_string
from django.template.loader_tags import BlockNode
from django.utils import timezone, translation
from django.utils.safestring import mark_safe

from .models import Bericht, Berichtvoorkeur

logger = logging.getLogger(__name__)


# --- writing ------------------------------------------------------------------------------------------------
def opstellen(sleutel: str, aan, onderwerp: str, tekst: str, obj=None, *, html: str = "", taal: str = "nl",
              urgent: bool = True) -> list[Bericht]:
    """One unsaved message per address (trimmed, lower case, each once), keyed `sleutel:address`."""
    adressen = sorted({adres.strip().lower() for adres in aan if adres and adres.strip()})
    object_type = ContentType.objects.get_for_model(obj) if obj is not None else None
    return [
        Bericht(sleutel=f"{sleutel}:{adres}"[:200], aan=adres, onderwerp=onderwerp[:200], tekst=tekst, html=html,
                taal=taal, urgent=urgent, object_type=object_type, object_id=str(obj.pk) if obj is not None else "")
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


# --- templates ----------------------------------------------------------------------------------------------
def absolute_url(pad: str) -> str:
    """A link in a mail: the site's public address (settings.SITE_URL) before a path of this site."""
    return f"{settings.SITE_URL.rstrip('/')}/{pad.lstrip('/')}"


def _blokken(naam: str, context: dict) -> dict[str, str]:
    """The blocks of template `naam`, each rendered on its own, without HTML escaping (they become plain text)."""
    template = get_template(naam).template
    context = Context(context, autoescape=False)
    with context.bind_template(template):
        return {blok.name: blok.render(context) for blok in template.nodelist.get_nodes_by_type(BlockNode)}


def _alineas(tekst: str) -> str:
    """Lines trimmed, at most one blank line between paragraphs (a template's tags leave empty lines behind)."""
    regels = "\n".join(regel.strip() for regel in tekst.strip().splitlines())
    return re.sub(r"\n{3,}", "\n\n", regels)


def opmaken(naam: str, taal: str, context: dict) -> dict:
    """Subject, plain text and HTML of a message from template `<naam>.<taal>.txt`: its blocks `onderwerp`, `tekst`
    (one paragraph a line) and, with a link `context["link"]`, `knop` (the link's label), rendered in `taal`.

    One text source per language: the HTML is the same paragraphs, escaped, with the link as a button. Both are the
    message's own part; the greeting and closing around it are added when it is sent (`mail`)."""
    with translation.override(taal):
        blokken = _blokken(f"{naam}.{taal}.txt", context)
        tekst, knop, link = _alineas(blokken["tekst"]), " ".join(blokken.get("knop", "").split()), context.get("link")
        return {"onderwerp": " ".join(blokken["onderwerp"].split())[:200],
                "tekst": f"{tekst}\n\n{knop}: {link}" if link else tekst,
                "html": render_to_string(f"berichten/inhoud.{taal}.html", {"tekst": tekst, "knop": knop, "link": link})}


# --- sending ------------------------------------------------------------------------------------------------
def eigenaar() -> str:
    """Who holds a claim: host, process and a random part (two runs in one process never share a lease)."""
    return f"{socket.gethostname()[:60]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def _dagelijkse_adressen():
    return Berichtvoorkeur.objects.filter(bezorging=Berichtvoorkeur.Bezorging.DAGELIJKS).annotate(
        adres=Lower(Trim("user__email"))).values("adres")


def wachtend(nu: dt.datetime | None = None):
    """Messages a sender may claim now: not sent, not given up, not in a digest, due, not leased, and not a
    non-urgent one for someone who reads a daily digest."""
    nu = nu or timezone.now()
    return Bericht.objects.filter(
        Q(volgende_poging__isnull=True) | Q(volgende_poging__lte=nu),
        Q(geclaimd_tot__isnull=True) | Q(geclaimd_tot__lt=nu),
        verzonden_op__isnull=True, mislukt_op__isnull=True, overzicht__isnull=True,
    ).exclude(urgent=False, aan__in=_dagelijkse_adressen())


def claim(houder: str, overslaan=()) -> Bericht | None:
    """Lease the oldest claimable message to `houder` (counting it as a try), in a short transaction of its own.

    The conditional UPDATE decides: of two senders that picked the same row only one changes it. On PostgreSQL
    `skip_locked` makes them pick different rows to begin with."""
    nu = timezone.now()
    with transaction.atomic():
        kandidaten = wachtend(nu).exclude(pk__in=overslaan).select_for_update(skip_locked=True)
        for bericht in kandidaten[:5]:
            tot = nu + dt.timedelta(seconds=settings.BERICHTEN_CLAIM_SECONDEN)
            if wachtend(nu).filter(pk=bericht.pk).update(geclaimd_door=houder, geclaimd_tot=tot,
                                                          pogingen=bericht.pogingen + 1):
                bericht.geclaimd_door, bericht.geclaimd_tot, bericht.pogingen = houder, tot, bericht.pogingen + 1
                return bericht
    return None


def mail(bericht: Bericht, verbinding=None) -> EmailMultiAlternatives:
    """The mail of a message, with the same Message-ID at every try. A templated message (it has HTML) goes as text
    and HTML in the layout of its language; a plain one as its text alone."""
    tekst = bericht.tekst
    if bericht.html:
        opmaak = {"onderwerp": bericht.onderwerp, "inhoud": bericht.tekst}
        tekst = render_to_string(f"berichten/opmaak.{bericht.taal}.txt", opmaak)
    email = EmailMultiAlternatives(bericht.onderwerp, tekst, settings.DEFAULT_FROM_EMAIL, [bericht.aan],
                                   headers={"Message-ID": bericht.message_id}, connection=verbinding)
    if bericht.html:
        opmaak["inhoud"] = mark_safe(bericht.html)  # noqa: S308 -- made by our templates, escaped then
        email.attach_alternative(render_to_string(f"berichten/opmaak.{bericht.taal}.html", opmaak), "text/html")
    return email


def markeer_verzonden(bericht: Bericht, houder: str) -> bool:
    """Sent: the message, and the messages its digest carried. False if the lease was lost meanwhile."""
    nu = timezone.now()
    with transaction.atomic():
        if not Bericht.objects.filter(pk=bericht.pk, geclaimd_door=houder).update(
                verzonden_op=nu, geclaimd_door="", geclaimd_tot=None, laatste_fout=""):
            return False
        Bericht.objects.filter(overzicht=bericht, verzonden_op__isnull=True).update(verzonden_op=nu)
    return True


def wachttijd(pogingen: int) -> dt.timedelta:
    """Backoff: BERICHTEN_WACHTTIJD seconds after the first failed try, twice as long after each next one."""
    return dt.timedelta(seconds=settings.BERICHTEN_WACHTTIJD * 2 ** (pogingen - 1))


def markeer_mislukt(bericht: Bericht, houder: str, fout: Exception) -> None:
    """Try again later, or, after BERICHTEN_MAX_POGINGEN tries, give up: a beheerder sees it in the admin."""
    nu = timezone.now()
    opgegeven = bericht.pogingen >= settings.BERICHTEN_MAX_POGINGEN
    Bericht.objects.filter(pk=bericht.pk, geclaimd_door=houder).update(
        geclaimd_door="", geclaimd_tot=None, laatste_fout=f"{type(fout).__name__}: {fout}"[:300],
        volgende_poging=None if opgegeven else nu + wachttijd(bericht.pogingen), mislukt_op=nu if opgegeven else None)
    if opgegeven:
        logger.error("Bericht %s definitief niet verzonden na %s pogingen: %s", bericht.pk, bericht.pogingen, fout)
    else:
        logger.warning("Bericht %s niet verzonden (poging %s): %s", bericht.pk, bericht.pogingen, fout)


def opnieuw_proberen(queryset) -> int:
    """A beheerder's second chance for messages given up (e.g. after fixing an address): tried at the next run."""
    return queryset.filter(mislukt_op__isnull=False, verzonden_op__isnull=True).update(
        mislukt_op=None, volgende_poging=None, pogingen=0)


def mislukt():
    """Messages given up and never sent: what a beheerder must look at."""
    return Bericht.objects.filter(mislukt_op__isnull=False, verzonden_op__isnull=True)


def verstuur(limiet: int = 200) -> int:
    """Send the claimable messages, oldest first, at most `limiet` tries; return how many were sent.

    Never inside a transaction: each message is claimed, sent and marked as described at the top. A failure is
    tried again after its backoff, by a later run."""
    houder, verzonden, geprobeerd = eigenaar(), 0, []
    verbinding = get_connection()  # the SMTP backend gives up after settings.EMAIL_TIMEOUT seconds
    try:
        while len(geprobeerd) < limiet and (bericht := claim(houder, geprobeerd)) is not None:
            geprobeerd.append(bericht.pk)
            try:
                mail(bericht, verbinding).send()
            except Exception as fout:  # the outbox keeps it; the mail server or the network said no
                verbinding.close()  # a refused session may be unusable; the next message opens a new one
                markeer_mislukt(bericht, houder, fout)
                continue
            verzonden += markeer_verzonden(bericht, houder)
    finally:
        verbinding.close()
    return verzonden


# --- daily digest -------------------------------------------------------------------------------------------
def verstuur_overzichten(vandaag: dt.date | None = None) -> int:
    """Bundle each digest reader's waiting non-urgent messages into one message (itself urgent, so it goes at once).

    Idempotent: one digest per address per day (its key); a bundled message belongs to its digest and is marked
    sent with it. Returns how many digests were queued."""
    vandaag = vandaag or timezone.localdate()
    voorkeuren = Berichtvoorkeur.objects.filter(bezorging=Berichtvoorkeur.Bezorging.DAGELIJKS).select_related("user")
    gemaakt = 0
    for adres, taal in sorted({(v.user.email.strip().lower(), v.taal) for v in voorkeuren if v.user.email.strip()}):
        with transaction.atomic():
            sleutel = f"overzicht-{vandaag:%Y-%m-%d}:{adres}"
            bundel = list(Bericht.objects.select_for_update().filter(
                aan=adres, urgent=False, verzonden_op__isnull=True, mislukt_op__isnull=True, overzicht__isnull=True))
            if not bundel or Bericht.objects.filter(sleutel=sleutel).exists():
                continue
            taal = taal or bundel[-1].taal
            overzicht = Bericht.objects.create(sleutel=sleutel, aan=adres, taal=taal, **_overzicht(bundel, taal,
                                                                                                    vandaag))
            Bericht.objects.filter(pk__in=[b.pk for b in bundel]).update(overzicht=overzicht)
            gemaakt += 1
    return gemaakt


def _overzicht(bundel: list[Bericht], taal: str, vandaag: dt.date) -> dict:
    """The digest's subject, text and HTML: an introduction, then each bundled message (its own part) in turn."""
    with translation.override(taal):
        blokken = _blokken(f"berichten/overzicht.{taal}.txt", {"berichten": bundel, "datum": vandaag})
        inleiding = _alineas(blokken["inleiding"])
        return {"onderwerp": " ".join(blokken["onderwerp"].split())[:200],
                "tekst": f"{inleiding}\n\n{_alineas(blokken['tekst'])}",
                "html": render_to_string("berichten/overzicht.html", {"inleiding": inleiding, "berichten": bundel})}
