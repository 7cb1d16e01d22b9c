"""Bewoners- and maatschappelijke initiatieven (DESIGN §3): what an initiative is about and for whom, its goals and
indicators, the reach it reports, and the advice asked about it during review.

The Aanvraag (core) holds what every request has: title, description, amount, period, gebied and wijk, budget lines.
`Initiatief` holds what this family adds; its soort follows from the regeling's family.
"""
from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, transition

from subsidies import rollen
from subsidies.models import Aanvraag, Gebied, Jaartranche, Organisatie, Subsidie, Verantwoordingsniveau
from subsidies.validators import BOEKJAAR, normalize_email, tekst
from workflows.context import transitie_loopt
from workflows.errors import InvalidInput, NotPermitted, TransitionNotPossible
from workflows.lifecycle import Auditable, Lifecycle, Onderdeel, condition


AANTAL = [MaxValueValidator(10_000_000, message=_("Ten hoogste 10.000.000. / At most 10,000,000."))]


class Soort(models.TextChoices):
    """The two families of this app; a Regeling names one in `familie`."""

    BEWONERSINITIATIEF = "bewonersinitiatief", _("bewonersinitiatief")
    MAATSCHAPPELIJK = "maatschappelijk_initiatief", _("maatschappelijk initiatief")


class Thema(Auditable):
    """A policy theme an initiative contributes to (ouderen, eenzaamheid, …); reference data, seeded."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    naam = models.CharField(_("naam"), max_length=100)

    class Meta:
        ordering = ["naam"]
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")

    def __str__(self):
        return self.naam


class Dimensie(Auditable):
    """One of the six dimensions of positieve gezondheid, the policy's yardstick; rows, so monitoring groups on them."""

    class Code(models.TextChoices):
        KWALITEIT_VAN_LEVEN = "kwaliteit_van_leven", _("kwaliteit van leven")
        LICHAAMSFUNCTIES = "lichaamsfuncties", _("lichaamsfuncties")
        ZINGEVING = "zingeving", _("zingeving")
        DAGELIJKS_FUNCTIONEREN = "dagelijks_functioneren", _("dagelijks functioneren")
        MEEDOEN = "meedoen", _("meedoen")
        MENTAAL_WELBEVINDEN = "mentaal_welbevinden", _("mentaal welbevinden")

    code = models.CharField(_("code"), max_length=30, choices=Code.choices, unique=True)
    naam = models.CharField(_("naam"), max_length=100)
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        ordering = ["volgorde", "code"]
        verbose_name = _("dimensie van positieve gezondheid")
        verbose_name_plural = _("dimensies van positieve gezondheid")

    def __str__(self):
        return self.naam


class Initiatief(Onderdeel):
    """The family data of a request for a bewoners- or maatschappelijk initiatief."""

    onderdeel_van = "aanvraag"
    aanvraag = models.OneToOneField(Aanvraag, on_delete=models.CASCADE, related_name="initiatief")
    doelgroep = models.CharField(_("voor wie"), max_length=300, blank=True,
                                 help_text=_("De doelgroep, bijv. ouderen in de wijk die weinig mensen zien."))
    locatie = models.CharField(_("waar"), max_length=300, blank=True,
                               help_text=_("Adres of plek; gebied en wijk of dorp staan bij de aanvraag."))
    wanneer = models.CharField(_("wanneer"), max_length=300, blank=True,
                               help_text=_("Bijv. elke woensdagmiddag; begin- en einddatum staan bij de aanvraag."))
    verwachte_deelnemers = models.PositiveIntegerField(_("verwachte deelnemers"), null=True, blank=True,
                                                       validators=AANTAL, help_text=_("Hoeveel bewoners doen mee?"))
    themas = models.ManyToManyField(Thema, blank=True, related_name="initiatieven", verbose_name=_("thema's"))
    dimensies = models.ManyToManyField(Dimensie, blank=True, related_name="initiatieven",
                                       verbose_name=_("dimensies van positieve gezondheid"))

    class Meta:
        verbose_name = _("initiatief")
        verbose_name_plural = _("initiatieven")

    def __str__(self):
        return str(self.aanvraag)

    @property
    def soort(self) -> str:
        return self.aanvraag.regeling.familie


class Doel(Onderdeel):
    """A goal of a maatschappelijk initiatief; its indicators say how reaching it is measured."""

    onderdeel_van = "initiatief"
    initiatief = models.ForeignKey(Initiatief, on_delete=models.CASCADE, related_name="doelen")
    omschrijving = models.TextField(_("doel"), **tekst(2_000))
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        ordering = ["volgorde", "pk"]
        verbose_name = _("doel")
        verbose_name_plural = _("doelen")

    def __str__(self):
        return self.omschrijving[:80]


class Indicator(Onderdeel):
    onderdeel_van = "doel"
    doel = models.ForeignKey(Doel, on_delete=models.CASCADE, related_name="indicatoren")
    omschrijving = models.CharField(_("indicator"), max_length=300)
    streefwaarde = models.DecimalField(_("streefwaarde"), max_digits=12, decimal_places=2, null=True, blank=True)
    eenheid = models.CharField(_("eenheid"), max_length=50, blank=True,
                               help_text=_("Bijv. deelnemers, bijeenkomsten, %."))

    class Meta:
        ordering = ["doel__volgorde", "doel_id", "pk"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicatoren")

    def __str__(self):
        return self.omschrijving


# Reach is reported before the verantwoording of the subsidie (one-off) or of the year's tranche (structural) is in.
OPEN_EENMALIG = [Subsidie.Status.VERLEEND, Subsidie.Status.BEVOORSCHOT, Subsidie.Status.VERANTWOORDING_GEVRAAGD]
OPEN_DIRECT = [Subsidie.Status.VASTGESTELD, Subsidie.Status.AFGESLOTEN]
OPEN_TRANCHE = [Jaartranche.Status.DEFINITIEF, Jaartranche.Status.WERKPLAN_INGEDIEND, Jaartranche.Status.LOPEND]


def controleer_meldbaar(subsidie, boekjaar: int) -> None:
    """Reach can be reported, corrected or removed until the verantwoording it belongs to is in — at every door."""
    if subsidie.structureel:
        open_ = subsidie.tranches.filter(boekjaar=boekjaar, status__in=OPEN_TRANCHE).exists()
    elif subsidie.verantwoordingsniveau == Verantwoordingsniveau.DIRECT:
        open_ = subsidie.status in OPEN_DIRECT
    else:
        open_ = subsidie.status in OPEN_EENMALIG
    if not open_:
        raise TransitionNotPossible(
            f"Het bereik over {boekjaar} kan niet (meer) worden gemeld: de verantwoording is al ingediend, of de "
            "subsidie loopt niet.",
            f"Reach for {boekjaar} cannot be reported (any more): the report is already in, or the subsidy is not "
            "running.", code="bereik_niet_wijzigbaar",
        )


class Bereik(Auditable):
    """What an initiative reached in one boekjaar: participants, volunteers and the result per indicator.

    Reported by the recipient before its verantwoording (required then), or any time for a subsidie that was settled
    directly at verlening (optional). Locked once the verantwoording of that year is in.
    """

    subsidie = models.ForeignKey(Subsidie, on_delete=models.PROTECT, related_name="bereik")
    boekjaar = models.PositiveSmallIntegerField(_("boekjaar"), validators=BOEKJAAR)
    deelnemers = models.PositiveIntegerField(_("deelnemers"), validators=AANTAL,
                                             help_text=_("Hoeveel bewoners deden mee?"))
    vrijwilligers = models.PositiveIntegerField(_("vrijwilligers"), validators=AANTAL,
                                                help_text=_("Hoeveel vrijwilligers zetten zich in?"))
    toelichting = models.TextField(_("toelichting"), blank=True, **tekst(20_000))
    gemeld_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    gewijzigd_op = models.DateTimeField(auto_now=True)

    audit_exclude = ("gewijzigd_op",)

    class Meta:
        ordering = ["subsidie_id", "boekjaar"]
        unique_together = [("subsidie", "boekjaar")]
        verbose_name = _("bereik en resultaten")
        verbose_name_plural = _("bereik en resultaten")

    def __str__(self):
        return f"Bereik {self.subsidie.aanvraag.nummer} {self.boekjaar}"

    @property
    def organisatie(self):
        return self.subsidie.organisatie

    def _controleer_meldbaar(self) -> None:
        if self.subsidie_id is not None and not transitie_loopt():
            controleer_meldbaar(self.subsidie, self._audit_snapshot.get("boekjaar") or self.boekjaar)

    def controleer_wijziging(self) -> None:
        super().controleer_wijziging()
        self._controleer_meldbaar()

    def controleer_verwijdering(self) -> None:
        self._controleer_meldbaar()


class Resultaat(Auditable):
    bereik = models.ForeignKey(Bereik, on_delete=models.CASCADE, related_name="resultaten")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="resultaten")
    gerealiseerd = models.DecimalField(_("gerealiseerd"), max_digits=12, decimal_places=2)
    toelichting = models.TextField(_("toelichting"), blank=True, **tekst(5_000))

    class Meta:
        ordering = ["indicator__doel__volgorde", "indicator_id"]
        unique_together = [("bereik", "indicator")]
        verbose_name = _("resultaat")
        verbose_name_plural = _("resultaten")

    def __str__(self):
        return f"{self.indicator}: {self.gerealiseerd}"

    def controleer_wijziging(self) -> None:
        """A result follows its report: it changes only while the report may (see `controleer_meldbaar`)."""
        super().controleer_wijziging()
        if self.bereik_id is not None:
            self.bereik._controleer_meldbaar()

    def controleer_verwijdering(self) -> None:
        if self.bereik_id is not None:
            self.bereik._controleer_meldbaar()


class Gebiedsteam(Auditable):
    """The municipality's team for a gebied; it can be asked for advice on plans in its gebied."""

    gebied = models.OneToOneField(Gebied, on_delete=models.PROTECT, related_name="gebiedsteam")
    naam = models.CharField(_("naam"), max_length=200)
    email = models.EmailField(_("e-mail"))

    class Meta:
        ordering = ["gebied__naam"]
        verbose_name = _("gebiedsteam")
        verbose_name_plural = _("gebiedsteams")

    def __str__(self):
        return self.naam

    def clean(self):
        self.email = normalize_email(self.email)


# --- advice during review: gevraagd → uitgebracht | verlopen | ingetrokken -----------------------------------------
class AdviesStatus(models.TextChoices):
    GEVRAAGD = "gevraagd", _("advies gevraagd")
    UITGEBRACHT = "uitgebracht", _("advies uitgebracht")
    VERLOPEN = "verlopen", _("termijn verlopen zonder advies")
    INGETROKKEN = "ingetrokken", _("adviesvraag ingetrokken")


@condition("De adviestermijn loopt nog.", "The term for the advice has not yet passed.", "adviestermijn_loopt")
def _termijn_verstreken(adviesaanvraag) -> bool:
    return adviesaanvraag.termijn_tot < timezone.localdate()


def adviseur_of_behandelaar(adviesaanvraag, user) -> bool:
    """lid van de adviserende organisatie, of behandelaar (die een ontvangen advies registreert)"""
    is_adviseur = adviesaanvraag.adviseur_id is not None and rollen.is_lid(user, adviesaanvraag.adviseur)
    return is_adviseur or rollen.behandelaar(adviesaanvraag, user)


class Adviesaanvraag(Lifecycle):
    """Advice asked during review from the bewonersorganisatie of the wijk (convenant) or the gebiedsteam.

    gevraagd → uitgebracht (the advice and its date join the file) | verlopen (the term passed without advice) |
    ingetrokken (no longer needed). The behandelaar asks; a member of the advising organisation gives it, or the
    behandelaar registers an advice that came in another way.
    """

    Status = AdviesStatus
    PUBLIEKE_STATUS = {
        AdviesStatus.GEVRAAGD: ("Advies gevraagd", "Advice requested"),
        AdviesStatus.UITGEBRACHT: ("Advies ontvangen", "Advice received"),
        AdviesStatus.VERLOPEN: ("Geen advies binnen de termijn", "No advice within the term"),
        AdviesStatus.INGETROKKEN: ("Adviesvraag ingetrokken", "Request for advice withdrawn"),
    }
    # The question as it was sent stays; while it is open the behandelaar can give the adviser more time.
    wijzigbaar = {AdviesStatus.GEVRAAGD: ("termijn_tot",)}

    aanvraag = models.ForeignKey(Aanvraag, on_delete=models.PROTECT, related_name="adviesaanvragen")
    adviseur = models.ForeignKey(Organisatie, on_delete=models.PROTECT, null=True, blank=True,
                                 related_name="adviesaanvragen", verbose_name=_("bewonersorganisatie"))
    gebiedsteam = models.ForeignKey(Gebiedsteam, on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="adviesaanvragen")
    vraag = models.TextField(_("vraag"), **tekst(5_000), help_text=_("Waarover wordt advies gevraagd?"))
    gevraagd_op = models.DateField(_("gevraagd op"))
    gevraagd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    termijn_tot = models.DateField(_("advies uiterlijk"))
    advies = models.TextField(_("advies"), blank=True, **tekst(20_000))
    uitgebracht_op = models.DateField(_("uitgebracht op"), null=True, blank=True)
    uitgebracht_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                         related_name="+")
    status = FSMField(_("status"), max_length=20, choices=AdviesStatus.choices, default=AdviesStatus.GEVRAAGD,
                      protected=True)

    class Meta:
        ordering = ["aanvraag_id", "gevraagd_op", "pk"]
        verbose_name = _("adviesaanvraag")
        verbose_name_plural = _("adviesaanvragen")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(adviseur__isnull=True, gebiedsteam__isnull=False)
                | models.Q(adviseur__isnull=False, gebiedsteam__isnull=True),
                name="advies_een_adviseur",
            ),
            # one open question per adviser and request
            models.UniqueConstraint(fields=["aanvraag", "adviseur"], condition=models.Q(status="gevraagd"),
                                    name="advies_eenmaal_open_per_organisatie"),
            models.UniqueConstraint(fields=["aanvraag", "gebiedsteam"], condition=models.Q(status="gevraagd"),
                                    name="advies_eenmaal_open_per_gebiedsteam"),
        ]

    def __str__(self):
        return f"Advies van {self.adviseur_naam} over {self.aanvraag.nummer}"

    @property
    def organisatie(self):
        """The applicant's organisation: the behandelaar's conflicts of interest are about it."""
        return self.aanvraag.organisatie

    @property
    def adviseur_naam(self) -> str:
        return str(self.adviseur or self.gebiedsteam)

    @transition(status, source=AdviesStatus.GEVRAAGD, target=AdviesStatus.UITGEBRACHT,
                permission=adviseur_of_behandelaar, custom={"label": _("Advies uitbrengen")})
    def uitbrengen(self, *, user, reden="", advies: str = "", ontvangen_op=None):
        """The advice and its date become part of the file; a behandelaar registering it gives the day it came in."""
        today = timezone.localdate()
        if not advies.strip():
            raise InvalidInput("Schrijf het advies.", "Write the advice.", code="advies_leeg",
                               details={"velden": ["advies"]})
        if ontvangen_op is not None and not rollen.behandelaar(self, user):
            raise NotPermitted("Alleen een behandelaar registreert een advies met een eigen ontvangstdatum.",
                               "Only an officer registers an advice with its own date of receipt.")
        if ontvangen_op is not None and not self.gevraagd_op <= ontvangen_op <= today:
            raise InvalidInput("De ontvangstdatum ligt niet tussen de adviesvraag en vandaag.",
                               "The date of receipt is not between the request for advice and today.",
                               code="datum_ongeldig")
        self.advies, self.uitgebracht_op, self.uitgebracht_door = advies, ontvangen_op or today, user

    @transition(status, source=AdviesStatus.GEVRAAGD, target=AdviesStatus.VERLOPEN,
                permission=rollen.behandelaar_of_systeem, conditions=[_termijn_verstreken],
                custom={"label": _("Termijn verlopen")})
    def verlopen(self, *, user, reden=""):
        """No advice came within the term: the behandelaar decides without it."""

    @transition(status, source=AdviesStatus.GEVRAAGD, target=AdviesStatus.INGETROKKEN, permission=rollen.behandelaar,
                custom={"label": _("Adviesvraag intrekken")})
    def intrekken(self, *, user, reden=""):
        """The advice is no longer needed (e.g. the request was withdrawn), with the reason."""
        if not reden.strip():
            raise InvalidInput("Zeg waarom het advies niet meer nodig is.", "Say why the advice is no longer needed.",
                               code="reden_verplicht")
