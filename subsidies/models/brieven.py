"""Letters: the documents a beschikking or an aanvulling request goes out as.

A `Briefsjabloon` is data a beheerder edits: per letter kind and language, in Django's template language over the
context of `subsidies.services.brieven.context`. Saving an edited template makes a new version (the old row stays,
so every letter keeps pointing at the text that made it); the newest active version is used.

A `Brief` is one generated letter: a PDF/A file in private storage with its size and SHA-256 (so the hash is in
the audit trail), made once and never changed.
"""
import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.template import Engine, TemplateSyntaxError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from workflows.lifecycle import Auditable

from ..opslag import documenten_opslag
from .aanvullingen import Aanvulling
from .beschikkingen import Beschikking
from .organisaties import Taal


class Briefsoort(models.TextChoices):
    """The kinds of letter. A beschikking of a soort without a kind of its own gets `besluit`, the generic letter."""

    VERLENING = "verlening", _("verlening")
    VERLENING_MEERJARIG = "verlening_meerjarig", _("verlening meerjarig (met begrotingsvoorbehoud)")
    WEIGERING = "weigering", _("weigering")
    BUITEN_BEHANDELING = "buiten_behandeling", _("buitenbehandelingstelling")
    AANVULLING = "aanvulling", _("verzoek om aanvulling")
    VASTSTELLING = "vaststelling", _("vaststelling")
    TERUGVORDERING = "terugvordering", _("vaststelling met terugvordering")
    WIJZIGING = "wijziging", _("wijziging")
    INTREKKING = "intrekking", _("intrekking")
    BEEINDIGING = "beeindiging", _("beëindiging")
    BEZWAARBESLISSING = "bezwaarbeslissing", _("beslissing op bezwaar")
    DWANGSOM = "dwangsom", _("vaststelling dwangsom")
    BESLUIT = "besluit", _("besluit (algemeen)")


class Briefsjabloon(Auditable):
    soort = models.CharField(_("soort brief"), max_length=30, choices=Briefsoort.choices)
    taal = models.CharField(_("taal"), max_length=2, choices=Taal.choices)
    versie = models.PositiveIntegerField(_("versie"), editable=False)
    onderwerp = models.CharField(_("onderwerp"), max_length=300,
                                 help_text=_("De onderwerpregel; dezelfde sjabloontaal als de tekst."))
    tekst = models.TextField(_("tekst"), help_text=_(
        "HTML in de sjabloontaal van Django. Welke gegevens u kunt gebruiken staat in docs/architecture.md "
        "(Brieven)."))
    actief = models.BooleanField(_("actief"), default=True,
                                 help_text=_("De nieuwste actieve versie wordt gebruikt."))
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        ordering = ["soort", "taal", "-versie"]
        verbose_name = _("briefsjabloon")
        verbose_name_plural = _("briefsjablonen")
        constraints = [models.UniqueConstraint(fields=["soort", "taal", "versie"], name="briefsjabloon_versie_uniek")]

    def __str__(self):
        return f"{self.get_soort_display()} ({self.taal}) v{self.versie}"

    def vaste_velden(self) -> frozenset[str]:
        """A saved version keeps its text: letters point at it. Only `actief` may change."""
        if self._state.adding:
            return frozenset()
        return frozenset({"soort", "taal", "versie", "onderwerp", "tekst"})

    def clean(self):
        # Not Auditable.clean: an edited text is valid as such, since the admin saves it as a new version
        # (`services.brieven.nieuwe_versie`); save() still refuses changing a saved version.
        models.Model.clean(self)
        for veld in ("onderwerp", "tekst"):
            try:
                sjabloon_engine().from_string(getattr(self, veld))
            except TemplateSyntaxError as fout:
                raise ValidationError({veld: _("De sjabloontaal klopt niet: %(fout)s") % {"fout": fout}}) from fout

    def save(self, *args, **kwargs):
        if self._state.adding and not self.versie:
            laatste = Briefsjabloon.objects.filter(soort=self.soort, taal=self.taal).order_by("-versie").first()
            self.versie = laatste.versie + 1 if laatste else 1
        super().save(*args, **kwargs)


def sjabloon_engine() -> Engine:
    """The engine letter templates render with: autoescape on (names and grounds come from users), the letter
    filters built in, no loaders (a template cannot include files)."""
    return Engine(builtins=["subsidies.templatetags.briefopmaak"], autoescape=True)


def briefnaam(brief, filename: str) -> str:
    return f"brieven/{timezone.localdate().year}/{uuid.uuid4().hex}.pdf"


class Brief(Auditable):
    soort = models.CharField(_("soort brief"), max_length=30, choices=Briefsoort.choices)
    taal = models.CharField(_("taal"), max_length=2, choices=Taal.choices)
    beschikking = models.ForeignKey(Beschikking, on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="brieven")
    aanvulling = models.ForeignKey(Aanvulling, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="brieven")
    sjabloon = models.ForeignKey(Briefsjabloon, on_delete=models.PROTECT, related_name="brieven",
                                 verbose_name=_("sjabloonversie"))
    bestand = models.FileField(_("bestand"), storage=documenten_opslag, upload_to=briefnaam, max_length=200)
    grootte = models.PositiveIntegerField(_("grootte (bytes)"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        ordering = ["aangemaakt_op", "pk"]
        verbose_name = _("brief")
        verbose_name_plural = _("brieven")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(beschikking__isnull=False, aanvulling__isnull=True)
                | models.Q(beschikking__isnull=True, aanvulling__isnull=False),
                name="brief_over_een_onderwerp"),
            # one letter per subject, language and template version: making it twice finds the first
            models.UniqueConstraint(fields=["beschikking", "taal", "sjabloon"], name="brief_per_beschikking_uniek",
                                    condition=models.Q(beschikking__isnull=False)),
            models.UniqueConstraint(fields=["aanvulling", "taal", "sjabloon"], name="brief_per_aanvulling_uniek",
                                    condition=models.Q(aanvulling__isnull=False)),
        ]

    def __str__(self):
        return f"{self.get_soort_display()} {self.onderwerp.aanvraag.nummer} ({self.taal})"

    @property
    def onderwerp(self):
        return self.beschikking or self.aanvulling

    @property
    def organisatie(self):
        return self.onderwerp.aanvraag.organisatie

    @property
    def bestandsnaam(self) -> str:
        return f"{self.soort}-{self.onderwerp.aanvraag.nummer}-{self.taal}.pdf"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise RuntimeError("A letter is never changed; a new template version makes a new letter.")
        super().save(*args, **kwargs)
