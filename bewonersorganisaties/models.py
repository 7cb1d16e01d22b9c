"""The register of bewonersorganisaties and the formula by which a regeling proposes their yearly subsidy.

A bewonersorganisatie (wijkraad, buurtvereniging, dorpsbelangen) is an Organisatie that the gemeente registered as
the voice of the residents of its wijken or dorpen: under the convenant, plans for its area are first put to it, and
it may apply for the yearly subsidy of the regelingen of this family. It is registered from `registratiedatum`
up to (not including) `afgemeld_op`.
"""
import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import BooleanField, DecimalField, ExpressionWrapper, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from subsidies.bedragen import euro
from subsidies.models import Gebied, Organisatie, Regeling, Subsidie, Verplichting, Wijk
from subsidies.models.begroting import MONEY
from subsidies.validators import BEDRAG_NIET_NEGATIEF, BEDRAG_POSITIEF, Datumvenster
from workflows.lifecycle import Auditable

FAMILIE = "bewonersorganisatie"  # Regeling.familie of the yearly subsidy for bewonersorganisaties
ZERO = Decimal("0.00")
CENT = Decimal("0.01")
REGISTER = Datumvenster(vanaf=1900)  # some organisations were registered long before this register began


def controleer_wijken(gebied, wijken) -> None:
    """The wijken and dorpen an organisation represents lie in its gebied (checked where the m2m is edited)."""
    buiten = sorted(wijk.naam for wijk in wijken if gebied is not None and wijk.gebied_id != gebied.pk)
    if buiten:
        raise ValidationError({"wijken": _("Niet in het gekozen gebied: %(wijken)s. / Not in the chosen gebied.")
                               % {"wijken": ", ".join(buiten)}})


class BewonersorganisatieQuerySet(models.QuerySet):
    def geregistreerd_op(self, dag: dt.date):
        return self.filter(registratiedatum__lte=dag).exclude(afgemeld_op__lte=dag)

    def met_boekjaar(self, boekjaar: int):
        """Annotate, in the one query, whether each was registered during `boekjaar` and what it was granted that
        year by the regelingen of this family (the commitments of that year of awards that were not withdrawn)."""
        toegekend = Verplichting.objects.filter(
            boekjaar=boekjaar, subsidie__aanvraag__organisatie=OuterRef("organisatie"),
            subsidie__aanvraag__regeling__familie=FAMILIE,
        ).exclude(subsidie__status=Subsidie.Status.INGETROKKEN).order_by().values("boekjaar").annotate(
            totaal=Sum("bedrag"))
        geregistreerd = Q(registratiedatum__lte=dt.date(boekjaar, 12, 31)) & (
            Q(afgemeld_op__isnull=True) | Q(afgemeld_op__gt=dt.date(boekjaar, 1, 1)))
        return self.annotate(
            geregistreerd=ExpressionWrapper(geregistreerd, output_field=BooleanField()),
            subsidiebedrag=Coalesce(Subquery(toegekend.values("totaal")), Value(ZERO), output_field=DecimalField()),
        ).annotate(gesubsidieerd=ExpressionWrapper(Q(subsidiebedrag__gt=0), output_field=BooleanField()))


class Bewonersorganisatie(Auditable):
    """A registered wijk-, buurt- or dorpsorganisatie: the area it speaks for and how many residents live there.

    Its legal form, KvK number, bank account and board are those of its Organisatie.
    """

    class Soort(models.TextChoices):
        WIJK = "wijk", _("wijkorganisatie (wijkraad, wijkvereniging)")
        BUURT = "buurt", _("buurtorganisatie (buurtvereniging, bewonerscommissie)")
        DORP = "dorp", _("dorpsorganisatie (dorpsbelangen, dorpsvereniging)")

    organisatie = models.OneToOneField(Organisatie, on_delete=models.PROTECT, related_name="bewonersorganisatie")
    soort = models.CharField(_("soort"), max_length=10, choices=Soort.choices)
    gebied = models.ForeignKey(Gebied, on_delete=models.PROTECT, related_name="bewonersorganisaties")
    wijken = models.ManyToManyField(
        Wijk, related_name="bewonersorganisaties", blank=True, verbose_name=_("wijken en dorpen"),
        help_text=_("De wijken of dorpen waarvan de organisatie de bewoners vertegenwoordigt."),
    )
    werkgebied = models.CharField(
        _("werkgebied"), max_length=300, blank=True,
        help_text=_("Bij een buurt of een deel van een wijk: welke buurt of straten, bijv. 'Zeeheldenbuurt'."),
    )
    aantal_bewoners = models.PositiveIntegerField(
        _("aantal bewoners vertegenwoordigd"), null=True, blank=True, validators=[
            MinValueValidator(1), MaxValueValidator(1_000_000, message=_("Ten hoogste 1.000.000. / At most 1,000,000."))],
        help_text=_("Het aantal inwoners van het werkgebied; leeg zolang het niet is vastgesteld."),
    )
    registratiedatum = models.DateField(_("geregistreerd op"), validators=[REGISTER])
    afgemeld_op = models.DateField(
        _("afgemeld op"), null=True, blank=True, validators=[REGISTER],
        help_text=_("Vanaf deze dag staat de organisatie niet meer geregistreerd (opgeheven, gefuseerd, op eigen "
                    "verzoek)."),
    )
    reden_afmelding = models.CharField(_("reden van afmelding"), max_length=300, blank=True)

    objects = BewonersorganisatieQuerySet.as_manager()

    class Meta:
        ordering = ["organisatie__naam", "id"]
        verbose_name = _("bewonersorganisatie")
        verbose_name_plural = _("bewonersorganisaties")
        constraints = [
            models.CheckConstraint(
                condition=Q(afgemeld_op__isnull=True) | Q(afgemeld_op__gt=models.F("registratiedatum")),
                name="bewonersorganisatie_afgemeld_na_registratie"),
            models.CheckConstraint(condition=Q(aantal_bewoners__isnull=True) | Q(aantal_bewoners__gt=0),
                                   name="bewonersorganisatie_bewoners_positief"),
        ]

    def __str__(self):
        return str(self.organisatie)

    def clean(self):
        errors = {}
        if self.afgemeld_op and self.registratiedatum and self.afgemeld_op <= self.registratiedatum:
            errors["afgemeld_op"] = _("Afmelden kan pas na de registratiedatum. / Deregistration comes after "
                                      "registration.")
        if self.afgemeld_op and not self.reden_afmelding.strip():
            errors["reden_afmelding"] = _("Geef de reden van de afmelding. / Give the reason for deregistering.")
        if self.reden_afmelding.strip() and not self.afgemeld_op:
            errors["reden_afmelding"] = _("Een reden hoort bij een afmelddatum. / A reason goes with a date of "
                                          "deregistration.")
        if errors:
            raise ValidationError(errors)

    def geregistreerd_op(self, dag: dt.date) -> bool:
        return self.registratiedatum <= dag and (self.afgemeld_op is None or dag < self.afgemeld_op)

    def ontbrekende_gegevens(self) -> list[str]:
        """What the register must still hold before the organisation can apply: the residents it represents (the
        formula counts them), its wijken or dorpen (the convenant asks its advice there) and a contact person."""
        ontbreekt = []
        if self.aantal_bewoners is None:
            ontbreekt.append("aantal_bewoners")
        if not self.wijken.exists():
            ontbreekt.append("wijken")
        if not self.organisatie.contactpersonen.exists():
            ontbreekt.append("contactpersoon")
        return ontbreekt


class Formule(Auditable):
    """How a regeling of this family proposes the yearly amount: a base amount plus an amount per resident
    represented, rounded to cents, at most the maximum. The behandelaar may still propose less, with grounds."""

    regeling = models.OneToOneField(Regeling, on_delete=models.PROTECT, related_name="formule")
    basisbedrag = models.DecimalField(_("basisbedrag per jaar"), validators=BEDRAG_NIET_NEGATIEF, **MONEY)
    bedrag_per_bewoner = models.DecimalField(
        _("bedrag per bewoner per jaar"), max_digits=8, decimal_places=4, validators=[MinValueValidator(ZERO)],
        help_text=_("Tot op 0,0001 euro; het jaarbedrag wordt op centen afgerond."),
    )
    maximum = models.DecimalField(_("ten hoogste per jaar"), null=True, blank=True, validators=BEDRAG_POSITIEF,
                                  **MONEY)

    class Meta:
        verbose_name = _("formule")
        verbose_name_plural = _("formules")
        constraints = [
            models.CheckConstraint(condition=Q(basisbedrag__gte=0) & Q(bedrag_per_bewoner__gte=0),
                                   name="formule_niet_negatief"),
            models.CheckConstraint(condition=Q(maximum__isnull=True) | Q(maximum__gt=0),
                                   name="formule_maximum_positief"),
        ]

    def __str__(self):
        maximum = f", ten hoogste {euro(self.maximum)}" if self.maximum is not None else ""
        per_bewoner = euro(self.bedrag_per_bewoner, decimalen=4)  # to the 0.0001 euro it is set in
        return f"{self.regeling}: {euro(self.basisbedrag)} + {per_bewoner} per bewoner{maximum}"

    def clean(self):
        if self.regeling_id and self.regeling.familie != FAMILIE:
            raise ValidationError({"regeling": _("Een formule hoort bij een regeling voor bewonersorganisaties "
                                                 "(soort aanvraag '%(familie)s').") % {"familie": FAMILIE}})

    def jaarbedrag(self, aantal_bewoners: int) -> Decimal:
        bedrag = (self.basisbedrag + self.bedrag_per_bewoner * aantal_bewoners).quantize(CENT, ROUND_HALF_UP)
        return bedrag if self.maximum is None else min(bedrag, self.maximum)
