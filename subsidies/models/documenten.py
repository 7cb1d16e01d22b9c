"""Uploaded files: what every stored file has (`Opgeslagen`), and the documents sent with a request (`Document`).
The objection's and the report's files (`Bezwaardocument`, `Verantwoordingsdocument`) are `Opgeslagen` too."""
from django.db import models
from django.utils.translation import gettext_lazy as _

from workflows.lifecycle import Onderdeel

from ..opslag import documenten_opslag, opslagnaam
from .aanvragen import Aanvraag


class Opgeslagen(models.Model):
    """What every uploaded file has, whatever it was sent with (`Document`, `Verantwoordingsdocument`): checked by
    `services.documenten`, it lies under a random name in the private folder (`subsidies.opslag`); the client's
    own name is only the name the download gets. Its size and SHA-256 land in the audit trail with the other
    fields."""

    omschrijving = models.CharField(_("omschrijving"), max_length=200)
    bestand = models.FileField(_("bestand"), upload_to=opslagnaam, storage=documenten_opslag)
    oorspronkelijke_naam = models.CharField(_("oorspronkelijke naam"), max_length=255)
    content_type = models.CharField(_("soort inhoud"), max_length=100)
    grootte = models.PositiveBigIntegerField(_("grootte in bytes"))
    sha256 = models.CharField("SHA-256", max_length=64)
    toegevoegd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True

    def __str__(self):
        return self.omschrijving


class Document(Opgeslagen, Onderdeel):
    """A file sent with a request."""

    onderdeel_van = "aanvraag"
    aanvraag = models.ForeignKey(Aanvraag, on_delete=models.CASCADE, related_name="documenten")

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documenten")
