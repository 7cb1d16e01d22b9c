"""Applicants: organisations and initiatiefgroepen, their contact persons and members, and staff's declared ties."""
import contextlib
import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from schwifty.exceptions import SchwiftyException

from workflows.lifecycle import Auditable

from ..validators import normalize_email, normalize_iban, validate_iban, validate_kvk_nummer, validate_postcode
from .gebieden import Gebied, Wijk


class Rechtsvorm(models.TextChoices):
    STICHTING = "stichting", _("stichting")
    VERENIGING = "vereniging", _("vereniging")
    COOPERATIE = "cooperatie", _("coöperatie")
    KERKGENOOTSCHAP = "kerkgenootschap", _("kerkgenootschap")
    INITIATIEFGROEP = "initiatiefgroep", _("initiatiefgroep van bewoners (zonder rechtspersoonlijkheid)")


class Taal(models.TextChoices):
    """The languages the municipality writes to applicants in (letters, messages)."""

    NL = "nl", _("Nederlands")
    EN = "en", _("Engels")


class Organisatie(Auditable):
    naam = models.CharField(_("naam"), max_length=200)
    rechtsvorm = models.CharField(_("rechtsvorm"), max_length=20, choices=Rechtsvorm.choices)
    kvk_nummer = models.CharField(
        _("KvK-nummer"), max_length=8, blank=True, validators=[validate_kvk_nummer],
        help_text=_("Verplicht voor rechtspersonen; een initiatiefgroep heeft er geen."),
    )
    iban = models.CharField(_("IBAN"), max_length=34, validators=[validate_iban])
    tenaamstelling = models.CharField(_("tenaamstelling rekening"), max_length=200, blank=True)
    straat = models.CharField(_("straat en huisnummer"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True, validators=[validate_postcode])
    plaats = models.CharField(_("plaats"), max_length=100, default="Groningen")
    gebied = models.ForeignKey(Gebied, on_delete=models.PROTECT, related_name="organisaties", null=True, blank=True)
    wijk = models.ForeignKey(Wijk, on_delete=models.PROTECT, related_name="organisaties", null=True, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    telefoon = models.CharField(_("telefoon"), max_length=30, blank=True)
    correspondentietaal = models.CharField(
        _("taal van brieven en berichten"), max_length=2, choices=Taal.choices, default=Taal.NL, help_text=_("In deze taal krijgt u brieven (beschikkingen) en berichten van ons."),
    )
    leden = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="organisaties", blank=True, verbose_name=_("gebruikers")
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["naam"]
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        constraints = [
            models.UniqueConstraint(
                fields=["kvk_nummer"], condition=~models.Q(kvk_nummer=""), name="organisatie_kvk_uniek",
                violation_error_code="kvk_bestaat",
                violation_error_message=_(
                    "Er is al een organisatie met dit KvK-nummer. Vraag een lid ervan om u uit te nodigen. / An "
                    "organisation with this KvK number already exists. Ask one of its members to invite you."),
            )
        ]

    def __str__(self):
        return self.naam

    @property
    def is_initiatiefgroep(self) -> bool:
        return self.rechtsvorm == Rechtsvorm.INITIATIEFGROEP

    def clean(self):
        errors = {}
        self.email = normalize_email(self.email)
        if self.iban:
            with contextlib.suppress(SchwiftyException):  # the field validator reports a bad IBAN
                self.iban = normalize_iban(self.iban)
        if not self.is_initiatiefgroep and not self.kvk_nummer:
            errors["kvk_nummer"] = _(
                "Een rechtspersoon staat ingeschreven bij de KvK: vul het KvK-nummer in. / "
                "A legal person must give its KvK number."
            )
        if self.wijk_id and self.gebied_id and self.wijk.gebied_id != self.gebied_id:
            errors["wijk"] = _("Deze wijk hoort niet bij het gekozen gebied. / This wijk is not in the chosen gebied.")
        if errors:
            raise ValidationError(errors)


class Contactpersoon(Auditable):
    organisatie = models.ForeignKey(Organisatie, on_delete=models.CASCADE, related_name="contactpersonen")
    naam = models.CharField(_("naam"), max_length=200)
    functie = models.CharField(_("functie"), max_length=100, blank=True, help_text=_("Bijv. voorzitter, penningmeester."))
    email = models.EmailField(_("e-mail"))
    telefoon = models.CharField(_("telefoon"), max_length=30, blank=True)

    class Meta:
        verbose_name = _("contactpersoon")
        verbose_name_plural = _("contactpersonen")

    def __str__(self):
        return f"{self.naam} ({self.organisatie})"

    def clean(self):
        self.email = normalize_email(self.email)


class Belangenverklaring(Auditable):
    """A staff member's declared tie to an organisation: they may not handle or decide its requests."""

    medewerker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="belangen")
    organisatie = models.ForeignKey(Organisatie, on_delete=models.CASCADE, related_name="belangenverklaringen")
    toelichting = models.CharField(_("toelichting"), max_length=300)
    verklaard_op = models.DateField(auto_now_add=True)

    class Meta:
        unique_together = [("medewerker", "organisatie")]
        verbose_name = _("belangenverklaring")
        verbose_name_plural = _("belangenverklaringen")

    def __str__(self):
        return f"{self.medewerker} — {self.organisatie}"


class Uitnodiging(Auditable):
    """A member's invitation to another person to act for the organisation (services/organisaties.py).

    The token travels only in the e-mail; the database keeps its SHA-256, so a copy of the database accepts nothing.
    Whoever holds the token and is logged in may accept it, with any account: the token is the secret.
    """

    GELDIG = dt.timedelta(days=14)

    organisatie = models.ForeignKey(Organisatie, on_delete=models.CASCADE, related_name="uitnodigingen")
    email = models.EmailField(_("e-mail"))
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    uitgenodigd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uitgenodigd_op = models.DateTimeField(_("uitgenodigd op"), auto_now_add=True)
    verloopt_op = models.DateTimeField(_("verloopt op"))
    geaccepteerd_op = models.DateTimeField(_("geaccepteerd op"), null=True, blank=True)
    geaccepteerd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                          related_name="+")
    ingetrokken_op = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)

    audit_exclude = ("token_hash",)  # not even its hash in the trail: the trail is read by more people

    class Meta:
        ordering = ["-uitgenodigd_op", "-pk"]
        verbose_name = _("uitnodiging")
        verbose_name_plural = _("uitnodigingen")

    def __str__(self):
        return f"{self.email} → {self.organisatie}"

    def clean(self):
        self.email = normalize_email(self.email)

    @property
    def open(self) -> bool:
        """Not accepted, not withdrawn, not expired: the token still works."""
        return (self.geaccepteerd_op is None and self.ingetrokken_op is None
                and timezone.now() < self.verloopt_op)
