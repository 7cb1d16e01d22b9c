"""API tokens that expire and can be revoked; only a hash of the key is stored."""
import hashlib

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def sleutel_hash(sleutel: str) -> str:
    """SHA-256 of a key: enough for a random 256-bit key, and cheap enough to check on every request."""
    return hashlib.sha256(sleutel.encode()).hexdigest()


class ApiToken(models.Model):
    gebruiker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens",
                                  verbose_name=_("gebruiker"))
    sleutel_hash = models.CharField(max_length=64, unique=True, editable=False)
    prefix = models.CharField(_("begin van de sleutel"), max_length=8, editable=False,
                              help_text=_("Om een token te herkennen; de sleutel zelf bewaren wij niet."))
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    verloopt_op = models.DateTimeField(_("verloopt op"))
    ingetrokken_op = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    laatst_gebruikt_op = models.DateTimeField(_("laatst gebruikt op"), null=True, blank=True)

    class Meta:
        ordering = ["-aangemaakt_op", "-pk"]
        verbose_name = _("API-token")
        verbose_name_plural = _("API-tokens")

    def __str__(self):
        return f"API-token {self.prefix}… van {self.gebruiker}"
