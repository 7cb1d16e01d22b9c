"""The accountability trail: one append-only, hash-chained record per create, change or transition.

Shaped after the ZGW `audittrail` resource so an export can map onto it. The actor is kept as an id plus a
readable name without a database constraint, so removing an account never rewrites (or blocks on) the trail.
"""
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditRecord(models.Model):
    class Actie(models.TextChoices):
        AANGEMAAKT = "aangemaakt", _("aangemaakt")
        GEWIJZIGD = "gewijzigd", _("gewijzigd")
        VERWIJDERD = "verwijderd", _("verwijderd")
        OVERGANG = "overgang", _("statusovergang")
        HANDELING = "handeling", _("handeling")

    volgnummer = models.BigIntegerField(_("volgnummer"), unique=True, editable=False)
    tijdstip = models.DateTimeField(_("tijdstip"), editable=False)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
    )
    actor_weergave = models.CharField(_("actor (naam)"), max_length=200)
    object_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.CharField(max_length=64)
    object_weergave = models.CharField(_("object"), max_length=300)
    actie = models.CharField(_("actie"), max_length=20, choices=Actie.choices)
    handeling = models.CharField(
        _("handeling"), max_length=64, blank=True, help_text=_("Naam van de overgang of handeling.")
    )
    van_status = models.CharField(_("van status"), max_length=40, blank=True)
    naar_status = models.CharField(_("naar status"), max_length=40, blank=True)
    toelichting = models.TextField(_("toelichting"), blank=True)
    wijzigingen = models.JSONField(_("gewijzigde velden"), default=dict, blank=True)
    request_id = models.CharField(max_length=64, blank=True)
    vorige_hash = models.CharField(max_length=64, editable=False)
    hash = models.CharField(max_length=64, editable=False)

    class Meta:
        ordering = ["volgnummer"]
        verbose_name = _("auditrecord")
        verbose_name_plural = _("audittrail")
        indexes = [models.Index(fields=["object_type", "object_id", "volgnummer"])]

    def __str__(self):
        return f"#{self.volgnummer} {self.object_weergave}: {self.handeling or self.actie}"


class AuditChainHead(models.Model):
    """The single row that holds the end of the chain.

    Locking it serialises writers so every record links to its true predecessor, and it lets verification notice
    records removed from the end of the chain.
    """

    laatste_volgnummer = models.BigIntegerField(default=0)
    laatste_hash = models.CharField(max_length=64, default="0" * 64)

    class Meta:
        verbose_name = _("audittrail-kop")
