"""The accountability trail: one append-only, hash-chained record per create, change or transition.

Shaped after the ZGW `audittrail` resource so an export can map onto it. The actor is kept as an id plus a
readable name without a database constraint, so removing an account never rewrites (or blocks on) the trail.
Writers insert records unlinked; the sealer gives them their chain position and hashes (docs/architecture.md).
"""
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class AuditRecord(models.Model):
    class Actie(models.TextChoices):
        AANGEMAAKT = "aangemaakt", _("aangemaakt")
        GEWIJZIGD = "gewijzigd", _("gewijzigd")
        VERWIJDERD = "verwijderd", _("verwijderd")
        OVERGANG = "overgang", _("statusovergang")
        HANDELING = "handeling", _("handeling")

    volgnummer = models.BigAutoField(_("volgnummer"), primary_key=True)
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
    # No index of its own: the (object_type, object_id, volgnummer) index below serves lookups by type, and every
    # index is one more entry the sealer writes per record (migration 0011).
    object_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+", db_index=False)
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
    inhoud_hash = models.CharField(max_length=64, editable=False)
    # Set once, by the sealer: the transaction that wrote the record (PostgreSQL's own stamp on the row), its place
    # in the chain, the predecessor's hash and the chain hash.
    transactie = models.BigIntegerField(_("transactie"), null=True, editable=False)
    positie = models.BigIntegerField(_("positie in de keten"), null=True, unique=True, editable=False)
    vorige_hash = models.CharField(max_length=64, blank=True, editable=False)
    hash = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        ordering = ["volgnummer"]
        verbose_name = _("auditrecord")
        verbose_name_plural = _("audittrail")
        indexes = [
            models.Index(fields=["object_type", "object_id", "volgnummer"]),
            models.Index(fields=["volgnummer"], condition=Q(positie__isnull=True), name="auditrecord_wachtend_idx"),
        ]

    def __str__(self):
        return f"#{self.volgnummer} {self.object_weergave}: {self.handeling or self.actie}"


class AuditChainHead(models.Model):
    """The single row that holds the sealed end of the chain.

    Only the sealer locks it (one sealer at a time); it lets verification notice records removed from the end of
    the chain, and digests sign (laatste_volgnummer, laatste_hash).
    """

    laatste_positie = models.BigIntegerField(default=0)
    laatste_volgnummer = models.BigIntegerField(default=0)
    laatste_hash = models.CharField(max_length=64, default="0" * 64)
    horizon = models.BigIntegerField(default=0, help_text="Transaction ids below this were sealed by the last run.")

    class Meta:
        verbose_name = _("audittrail-kop")
