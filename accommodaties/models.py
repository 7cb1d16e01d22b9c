"""The register of sociaal-culturele accommodaties, their exploitation budgets and maintenance plans (MJOP), and
what a request of the accommodation families (exploitatie- and onderhoudssubsidie) adds to the generic Aanvraag.

An Exploitatiebegroting runs a small lifecycle, top to bottom below: concept → ingediend → goedgekeurd | afgekeurd.
Only an approved budget counts for an exploitatiesubsidie; its deficit (costs minus own income) bounds each year.
"""
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, transition

from subsidies import rollen
from subsidies.bedragen import euro
from subsidies.models import Aanvraag, Gebied, Organisatie, Rechtsvorm, Wijk
from subsidies.models.begroting import MONEY
from subsidies.validators import BEDRAG_POSITIEF, BOEKJAAR, tekst, validate_postcode
from workflows.context import transitie_loopt
from workflows.errors import InvalidInput, TransitionNotPossible
from workflows.lifecycle import ALLE, Auditable, Lifecycle, Onderdeel, condition

ZERO = Decimal("0.00")
CENT = Decimal("0.01")
BESTUURSVORMEN = (Rechtsvorm.STICHTING, Rechtsvorm.VERENIGING)


class Accommodatie(Auditable):
    """A building in the accommodatiebeleid, run by a board (stichting or vereniging) that owns or rents it."""

    class Soort(models.TextChoices):
        BUURTHUIS = "buurthuis", _("buurthuis of wijkcentrum")
        DORPSHUIS = "dorpshuis", _("dorpshuis")
        SPEELTUIN = "speeltuin", _("speeltuin(vereniging)")
        JONGERENCENTRUM = "jongerencentrum", _("jongerencentrum")
        ONTMOETINGSCENTRUM = "ontmoetingscentrum", _("ander ontmoetingscentrum")

    class Eigendom(models.TextChoices):
        EIGENAAR = "eigenaar", _("het bestuur is eigenaar van het gebouw")
        HUURDER = "huurder", _("het bestuur huurt het gebouw")

    naam = models.CharField(_("naam"), max_length=200)
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    straat = models.CharField(_("straat en huisnummer"), max_length=200)
    postcode = models.CharField(_("postcode"), max_length=7, validators=[validate_postcode])
    plaats = models.CharField(_("plaats"), max_length=100, default="Groningen")
    gebied = models.ForeignKey(Gebied, on_delete=models.PROTECT, related_name="accommodaties")
    wijk = models.ForeignKey(Wijk, on_delete=models.PROTECT, related_name="accommodaties", null=True, blank=True,
                             verbose_name=_("wijk of dorp"))
    bestuur = models.ForeignKey(Organisatie, on_delete=models.PROTECT, related_name="accommodaties",
                                help_text=_("De stichting of vereniging die de accommodatie beheert."))
    eigendom = models.CharField(_("eigendom"), max_length=10, choices=Eigendom.choices)
    vloeroppervlak = models.PositiveIntegerField(_("vloeroppervlak (m²)"), validators=[
        MinValueValidator(1), MaxValueValidator(100_000, message=_("Ten hoogste 100.000 m². / At most 100,000 m²."))])
    openingsuren = models.TextField(_("openingsuren"), blank=True, **tekst(2_000))
    activiteiten = models.TextField(_("activiteiten"), blank=True, **tekst(5_000))
    gebruikers_per_week = models.PositiveIntegerField(_("gebruikers per week"), default=0, validators=[
        MaxValueValidator(1_000_000, message=_("Ten hoogste 1.000.000. / At most 1,000,000."))])
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["naam", "id"]
        verbose_name = _("accommodatie")
        verbose_name_plural = _("accommodaties")
        constraints = [
            models.UniqueConstraint(fields=["naam", "plaats"], name="accommodatie_naam_plaats_uniek"),
            models.CheckConstraint(condition=Q(vloeroppervlak__gt=0), name="accommodatie_vloeroppervlak_positief"),
        ]

    def __str__(self):
        return self.naam

    @property
    def is_eigenaar(self) -> bool:
        return self.eigendom == self.Eigendom.EIGENAAR

    def clean(self):
        errors = {}
        if self.wijk_id and self.gebied_id and self.wijk.gebied_id != self.gebied_id:
            errors["wijk"] = _("Deze wijk hoort niet bij het gekozen gebied. / This wijk is not in the chosen gebied.")
        if self.bestuur_id and self.bestuur.rechtsvorm not in BESTUURSVORMEN:
            errors["bestuur"] = _("Het bestuur van een accommodatie is een stichting of vereniging. / The board of an "
                                  "accommodation is a foundation or association.")
        if errors:
            raise ValidationError(errors)


# --- the exploitation budget and its approval ------------------------------------------------------------------
class Post(models.TextChoices):
    """A line of an exploitation budget: a cost of operation and management, or the accommodation's own income."""

    HUISVESTING = "huisvesting", _("huur, rente en afschrijving van het gebouw")
    ENERGIE = "energie", _("energie en water")
    BEHEER = "beheer", _("beheer en personeel")
    SCHOONMAAK = "schoonmaak", _("schoonmaak")
    KLEIN_ONDERHOUD = "klein_onderhoud", _("klein onderhoud")
    VERZEKERINGEN = "verzekeringen", _("verzekeringen, belastingen en administratie")
    ACTIVITEITEN = "activiteiten", _("activiteiten")
    OVERIGE_KOSTEN = "overige_kosten", _("overige kosten")
    VERHUUR = "verhuur", _("eigen inkomsten: verhuur van ruimtes")
    BAR = "bar", _("eigen inkomsten: bar en horeca")
    CONTRIBUTIES = "contributies", _("eigen inkomsten: contributies en deelnemersbijdragen")
    OVERIGE_INKOMSTEN = "overige_inkomsten", _("eigen inkomsten: overig (sponsoring, giften)")


INKOMSTEN = (Post.VERHUUR, Post.BAR, Post.CONTRIBUTIES, Post.OVERIGE_INKOMSTEN)
KOSTEN = tuple(post for post in Post if post not in INKOMSTEN)


class BegrotingStatus(models.TextChoices):
    CONCEPT = "concept", _("concept")
    INGEDIEND = "ingediend", _("ingediend")
    GOEDGEKEURD = "goedgekeurd", _("goedgekeurd")
    AFGEKEURD = "afgekeurd", _("afgekeurd")


class BegrotingQuerySet(models.QuerySet):
    def met_totalen(self):
        """Costs and own income summed in the same query (a list of budgets makes no query per budget)."""
        return self.annotate(
            totaal_kosten=Sum("regels__bedrag", filter=Q(regels__post__in=KOSTEN), default=ZERO),
            totaal_inkomsten=Sum("regels__bedrag", filter=Q(regels__post__in=INKOMSTEN), default=ZERO),
        )

    def goedgekeurd(self):
        return self.filter(status=BegrotingStatus.GOEDGEKEURD)


@condition("Zet eerst de kosten van exploitatie en beheer in de begroting.",
           "Put the costs of operation and management in the budget first.", "begroting_zonder_kosten")
def _heeft_kosten(begroting) -> bool:
    return begroting.regels.filter(post__in=KOSTEN).exists()


class Exploitatiebegroting(Lifecycle):
    """The exploitation budget of an accommodation for one boekjaar; the basis of its exploitatiesubsidie.

    concept → ingediend → goedgekeurd | afgekeurd. The board writes it while it is a concept; a behandelaar approves
    or refuses it (with the reason). A refused budget stays on file and the board can make a new one for that year.
    """

    Status = BegrotingStatus
    PUBLIEKE_STATUS = {
        BegrotingStatus.CONCEPT: ("Nog niet verstuurd", "Not sent yet"),
        BegrotingStatus.INGEDIEND: ("We beoordelen uw begroting", "We are assessing your budget"),
        BegrotingStatus.GOEDGEKEURD: ("Goedgekeurd", "Approved"),
        BegrotingStatus.AFGEKEURD: ("Afgekeurd", "Refused"),
    }
    # Submitted, it is what was judged (and what an exploitatiesubsidie is checked against); after a refusal the
    # board makes a new one.
    wijzigbaar = {BegrotingStatus.CONCEPT: ALLE}

    accommodatie = models.ForeignKey(Accommodatie, on_delete=models.PROTECT, related_name="exploitatiebegrotingen")
    boekjaar = models.PositiveSmallIntegerField(_("boekjaar"), validators=BOEKJAAR)
    toelichting = models.TextField(_("toelichting"), blank=True, **tekst(5_000))
    status = FSMField(_("status"), max_length=20, choices=BegrotingStatus.choices, default=BegrotingStatus.CONCEPT,
                      protected=True)
    ingediend_op = models.DateField(_("ingediend op"), null=True, blank=True)
    beoordeeld_op = models.DateField(_("beoordeeld op"), null=True, blank=True)
    beoordeeld_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                        related_name="+")
    motivering = models.TextField(_("motivering van het oordeel"), blank=True, **tekst(5_000))
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    objects = BegrotingQuerySet.as_manager()

    class Meta:
        ordering = ["accommodatie__naam", "boekjaar", "id"]
        verbose_name = _("exploitatiebegroting")
        verbose_name_plural = _("exploitatiebegrotingen")
        constraints = [
            # one budget per year that counts or may still count; refused ones stay beside it on file
            models.UniqueConstraint(fields=["accommodatie", "boekjaar"], condition=~Q(status=BegrotingStatus.AFGEKEURD),
                                    name="exploitatiebegroting_eenmaal_per_jaar"),
        ]

    def __str__(self):
        return f"Exploitatiebegroting {self.boekjaar} {self.accommodatie}"

    @property
    def organisatie(self):
        """The board: its members write and submit the budget (the transitions' permissions read this)."""
        return self.accommodatie.bestuur

    def _totalen(self) -> tuple[Decimal, Decimal]:
        if not hasattr(self, "totaal_kosten"):
            rij = Exploitatiebegroting.objects.filter(pk=self.pk).met_totalen().values("totaal_kosten",
                                                                                       "totaal_inkomsten").first()
            self.totaal_kosten, self.totaal_inkomsten = (rij["totaal_kosten"], rij["totaal_inkomsten"]) if rij else (
                ZERO, ZERO)
        return self.totaal_kosten.quantize(CENT), self.totaal_inkomsten.quantize(CENT)  # SQLite drops the cents

    @property
    def kosten(self) -> Decimal:
        return self._totalen()[0]

    @property
    def eigen_inkomsten(self) -> Decimal:
        return self._totalen()[1]

    @property
    def tekort(self) -> Decimal:
        """Costs of operation and management minus own income: what an exploitatiesubsidie can cover at most."""
        kosten, inkomsten = self._totalen()
        return kosten - inkomsten

    # --- transitions ---------------------------------------------------------------------------------------
    @transition(status, source=BegrotingStatus.CONCEPT, target=BegrotingStatus.INGEDIEND,
                permission=rollen.aanvrager_of_behandelaar, conditions=[_heeft_kosten],
                custom={"label": _("Indienen")})
    def indienen(self, *, user, reden=""):
        """The board sends the budget for approval; its lines no longer change."""
        self.ingediend_op = timezone.localdate()

    @transition(status, source=BegrotingStatus.INGEDIEND, target=BegrotingStatus.GOEDGEKEURD,
                permission=rollen.behandelaar, custom={"label": _("Goedkeuren")})
    def goedkeuren(self, *, user, reden=""):
        """The budget is realistic: its deficit is the basis of the exploitatiesubsidie for the year."""
        self.beoordeeld_op, self.beoordeeld_door, self.motivering = timezone.localdate(), user, reden

    @transition(status, source=BegrotingStatus.INGEDIEND, target=BegrotingStatus.AFGEKEURD,
                permission=rollen.behandelaar, custom={"label": _("Afkeuren")})
    def afkeuren(self, *, user, reden=""):
        """Refused, with the reason; the board can make a new budget for the year."""
        if not reden.strip():
            raise InvalidInput("Zeg waarom de begroting wordt afgekeurd.", "Say why the budget is refused.",
                               code="reden_verplicht")
        self.beoordeeld_op, self.beoordeeld_door, self.motivering = timezone.localdate(), user, reden


class Exploitatiepost(Onderdeel):
    """One line of an exploitation budget."""

    onderdeel_van = "begroting"
    begroting = models.ForeignKey(Exploitatiebegroting, on_delete=models.CASCADE, related_name="regels")
    post = models.CharField(_("post"), max_length=20, choices=Post.choices)
    omschrijving = models.CharField(_("omschrijving"), max_length=200, blank=True)
    bedrag = models.DecimalField(_("bedrag"), validators=BEDRAG_POSITIEF, **MONEY)

    class Meta:
        ordering = ["begroting_id", "id"]
        verbose_name = _("post van de exploitatiebegroting")
        verbose_name_plural = _("posten van de exploitatiebegroting")
        constraints = [models.CheckConstraint(condition=Q(bedrag__gt=0), name="exploitatie_post_positief")]

    def __str__(self):
        return f"{self.get_post_display()}: {euro(self.bedrag)}"


# --- the multi-year maintenance plan (MJOP) ------------------------------------------------------------------------
class Onderhoudspost(Auditable):
    """One item of an accommodation's meerjarenonderhoudsplan: which element, in which year, at what estimated cost."""

    accommodatie = models.ForeignKey(Accommodatie, on_delete=models.PROTECT, related_name="onderhoudsposten")
    element = models.CharField(_("element"), max_length=200, help_text=_("Bijv. dakbedekking, cv-ketel, kozijnen."))
    jaar = models.PositiveSmallIntegerField(_("jaar"), validators=BOEKJAAR)
    geraamde_kosten = models.DecimalField(_("geraamde kosten"), validators=BEDRAG_POSITIEF, **MONEY)
    omschrijving = models.TextField(_("omschrijving"), blank=True, **tekst(5_000))

    class Meta:
        ordering = ["accommodatie__naam", "jaar", "element", "id"]
        verbose_name = _("onderhoudspost (MJOP)")
        verbose_name_plural = _("meerjarenonderhoudsplan")
        constraints = [models.CheckConstraint(condition=Q(geraamde_kosten__gt=0), name="onderhoudspost_positief")]

    def __str__(self):
        return f"{self.jaar} {self.element} ({euro(self.geraamde_kosten)})"

    @property
    def aangevraagd(self) -> bool:
        """Part of a request that was submitted: its estimate is what that request was checked against."""
        return self.aanvragen.exclude(aanvraag__status=Aanvraag.Status.CONCEPT).exists()

    def vaste_velden(self) -> frozenset[str]:
        if self.pk is None or not self.aangevraagd:
            return frozenset()
        return frozenset(f.name for f in self._meta.concrete_fields)

    def controleer_wijziging(self) -> None:
        if not self._state.adding and self.audit_changes():
            self.controleer_verwijdering()  # changed or removed: an item requested on stays as it was
        super().controleer_wijziging()

    def controleer_verwijdering(self) -> None:
        if not transitie_loopt() and self.pk and self.aangevraagd:
            raise TransitionNotPossible(
                "Op deze onderhoudspost is al een aanvraag ingediend; de raming blijft zoals die toen was. Voeg zo "
                "nodig een nieuwe post toe.",
                "A request was submitted for this maintenance item; its estimate stays as it was. Add a new item "
                "if needed.",
                code="onderhoudspost_in_gebruik",
            )


# --- what a request of the accommodation families adds ------------------------------------------------------------
class Accommodatiegegevens(Onderdeel):
    """The family data of an exploitatie- or onderhoudsaanvraag: for which accommodation, and (onderhoud) which items
    of its MJOP."""

    onderdeel_van = "aanvraag"
    aanvraag = models.OneToOneField(Aanvraag, on_delete=models.CASCADE, related_name="accommodatiegegevens")
    accommodatie = models.ForeignKey(Accommodatie, on_delete=models.PROTECT, related_name="aanvragen")
    onderhoudsposten = models.ManyToManyField(
        Onderhoudspost, blank=True, related_name="aanvragen", verbose_name=_("onderhoudsposten"),
        help_text=_("Onderhoudssubsidie: de posten uit het meerjarenonderhoudsplan waarvoor u aanvraagt."),
    )

    class Meta:
        ordering = ["-aanvraag_id"]
        verbose_name = _("accommodatie bij een aanvraag")
        verbose_name_plural = _("accommodaties bij aanvragen")

    def __str__(self):
        return f"{self.aanvraag.nummer}: {self.accommodatie}"

    @property
    def organisatie(self):
        return self.aanvraag.organisatie
