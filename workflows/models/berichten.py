"""The outbox: a notification is written in the transaction that causes it, and sent by a task afterwards.

A message that belongs to a rolled-back change never leaves; one whose sending fails stays to be tried again, later
each time, until it is given up (`mislukt_op`, shown to beheerders); its `sleutel` makes every job that writes
messages idempotent (writing the same message twice is a no-op) and is the mail's Message-ID, so a receiver can
recognise the one resend that a crash between sending and marking can cause (docs/architecture.md, Notifications).
"""
import hashlib

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

TALEN = [("nl", _("Nederlands")), ("en", _("English"))]


class Bericht(models.Model):
    sleutel = models.CharField(_("sleutel"), max_length=200, unique=True,
                               help_text=_("Wat dit bericht uniek maakt, bijv. herinnering-werkplan-12-week:aan."))
    aan = models.EmailField(_("aan"))
    taal = models.CharField(_("taal"), max_length=2, choices=TALEN, default="nl")
    onderwerp = models.CharField(_("onderwerp"), max_length=200)
    tekst = models.TextField(_("tekst"))
    html = models.TextField(_("HTML"), blank=True, help_text=_("De opgemaakte versie van de tekst; leeg: alleen tekst."))
    urgent = models.BooleanField(_("urgent"), default=True,
                                 help_text=_("Gaat altijd direct; anders mag het wachten op het dagoverzicht."))
    object_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    object_id = models.CharField(max_length=64, blank=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    verzonden_op = models.DateTimeField(_("verzonden op"), null=True, blank=True)
    overzicht = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="gebundeld",
                                  verbose_name=_("in dagoverzicht"))
    pogingen = models.PositiveSmallIntegerField(default=0)
    volgende_poging = models.DateTimeField(_("volgende poging"), null=True, blank=True)
    geclaimd_door = models.CharField(_("geclaimd door"), max_length=100, blank=True)
    geclaimd_tot = models.DateTimeField(_("geclaimd tot"), null=True, blank=True)
    mislukt_op = models.DateTimeField(_("definitief mislukt op"), null=True, blank=True)
    laatste_fout = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["aangemaakt_op", "pk"]
        verbose_name = _("bericht")
        verbose_name_plural = _("berichten")
        indexes = [models.Index(fields=["aangemaakt_op"], condition=models.Q(verzonden_op__isnull=True),
                                name="bericht_te_verzenden_idx")]

    def __str__(self):
        return f"{self.onderwerp} → {self.aan}"

    @property
    def message_id(self) -> str:
        """The same for every try of this message: a receiver that saw it once can drop a repeat."""
        domein = settings.DEFAULT_FROM_EMAIL.rpartition("@")[2].strip(" >") or "localhost"
        return f"<{hashlib.sha256(self.sleutel.encode()).hexdigest()[:40]}@{domein}>"


class Berichtvoorkeur(models.Model):
    """How a user wants to be told: in which language, and what is not urgent at once or in a daily digest.

    Not Auditable: a preference is no legal act. Without a row a user gets everything at once, in the language of
    the organisation the message is about (see `subsidies.services.meldingen.talen`)."""

    class Bezorging(models.TextChoices):
        DIRECT = "direct", _("Direct, één e-mail per bericht")
        DAGELIJKS = "dagelijks", _("Eén keer per dag een overzicht")

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="berichtvoorkeur")
    taal = models.CharField(_("taal"), max_length=2, choices=TALEN, blank=True)
    bezorging = models.CharField(_("bezorging"), max_length=10, choices=Bezorging.choices, default=Bezorging.DIRECT)

    class Meta:
        verbose_name = _("berichtvoorkeur")
        verbose_name_plural = _("berichtvoorkeuren")

    def __str__(self):
        return f"{self.user}: {self.taal or '-'}, {self.bezorging}"
