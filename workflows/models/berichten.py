"""The outbox: a notification is written in the transaction that causes it, and sent by a task afterwards.

A message that belongs to a rolled-back change never leaves; one whose sending fails stays to be tried again; its
`sleutel` makes every job that writes messages idempotent (writing the same message twice is a no-op).
"""
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class Bericht(models.Model):
    sleutel = models.CharField(_("sleutel"), max_length=200, unique=True,
                               help_text=_("Wat dit bericht uniek maakt, bijv. herinnering-werkplan-12-week:aan."))
    aan = models.EmailField(_("aan"))
    onderwerp = models.CharField(_("onderwerp"), max_length=200)
    tekst = models.TextField(_("tekst"))
    object_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    object_id = models.CharField(max_length=64, blank=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    verzonden_op = models.DateTimeField(_("verzonden op"), null=True, blank=True)
    pogingen = models.PositiveSmallIntegerField(default=0)
    laatste_fout = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["aangemaakt_op", "pk"]
        verbose_name = _("bericht")
        verbose_name_plural = _("berichten")
        indexes = [models.Index(fields=["aangemaakt_op"], condition=models.Q(verzonden_op__isnull=True),
                                name="bericht_te_verzenden_idx")]

    def __str__(self):
        return f"{self.onderwerp} → {self.aan}"
