"""Serializers: shapes of the API's resources. Rules live in the models' transitions and in services."""
import re
from decimal import Decimal

from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

from workflows.models import AuditRecord
from workflows.transitions import REDEN_MAX

from ..models import (
    Aanvraag, Aanvulling, Beeindiging, Begrotingsjaar, Begrotingsregel, Belangenverklaring, Beschikking, Betaling,
    Bezwaar, Contactpersoon, Document, Jaarbedrag, Jaartranche, Organisatie, Plafond, Regeling, Reservemutatie, Subsidie,
    Verplichting, Voorschotschema,
)
from ..models.aanvragen import Uitkomst
from ..models.dwangsom import Dwangsombetaling, GeenDwangsom, Ingebrekestelling
from ..rollen import ziet_alles, zichtbaar
from ..services import bezwaren, budgetstatus, dwangsom
from ..validators import BEDRAG_MAX, BOEKJAAR_MAX, BOEKJAAR_MIN
from .validation import ModelValidatie

BOEKJAAR = {"min_value": BOEKJAAR_MIN, "max_value": BOEKJAAR_MAX}  # as the models' boekjaar fields (validators.py)
BEDRAG = {"max_digits": 14, "decimal_places": 2, "max_value": BEDRAG_MAX}  # an amount a transition takes


def PubliekeStatusField():  # noqa: N802 - reads like a field declaration
    """The plain-language status an applicant sees, in Dutch and English."""
    return serializers.DictField(child=serializers.CharField(), read_only=True)


def eigen(request, queryset, pad: str):
    """The objects an applicant may choose in a form: their own organisations' (see `rollen.zichtbaar`); staff
    choose from all, and so does code that runs without a request."""
    return queryset if request is None else zichtbaar(queryset, request.user, pad)


class PlafondSerializer(serializers.ModelSerializer):
    class Meta:
        model = Plafond
        fields = ["boekjaar", "bedrag", "gepubliceerd_op"]


class BudgetstatusSerializer(serializers.Serializer):
    """Whether the money for a boekjaar is there yet (`services.budgetstatus`), with what that means for a request."""

    boekjaar = serializers.IntegerField()
    gebied = serializers.IntegerField(allow_null=True)
    code = serializers.ChoiceField(choices=["geen_budget", "begroting_niet_vastgesteld", "geen_plafond",
                                            "plafond_gepubliceerd"])
    budget_vastgelegd = serializers.BooleanField(help_text="Er is een budget voor dit jaar (en gebied).")
    begroting_vastgesteld_op = serializers.DateField(allow_null=True, help_text="Wanneer de raad de begroting "
                                                                                "vaststelde; leeg: nog niet.")
    plafond = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True,
                                       help_text="Het bekendgemaakte subsidieplafond; leeg: nog niet bekendgemaakt.")
    plafond_gepubliceerd_op = serializers.DateField(allow_null=True)
    toelichting = serializers.DictField(child=serializers.CharField())


class RegelingSerializer(serializers.ModelSerializer):
    plafonds = PlafondSerializer(many=True, read_only=True)
    begrotingspost = serializers.StringRelatedField()
    budgetstatus = serializers.SerializerMethodField(
        help_text="Per boekjaar met budget of plafond, en dit en volgend jaar: is er budget, een vastgestelde "
                  "begroting, een bekendgemaakt plafond.")

    class Meta:
        model = Regeling
        fields = [
            "id", "code", "naam", "omschrijving", "juridische_grondslag", "begrotingspost", "verdeelmethode",
            "beslistermijn_weken", "min_bedrag", "max_bedrag", "toegestane_rechtsvormen", "gedeeltelijk_verlenen",
            "grens_direct_vaststellen", "grens_accountantsverklaring", "vier_ogen_drempel", "meerjarig",
            "max_boekjaren", "open_vanaf", "open_tot", "plafonds", "budgetstatus",
        ]

    @extend_schema_field(BudgetstatusSerializer(many=True))
    def get_budgetstatus(self, regeling):
        return BudgetstatusSerializer(budgetstatus.van_regeling(regeling), many=True).data


class ContactpersoonSerializer(serializers.ModelSerializer):
    class Meta:
        model = Contactpersoon
        fields = ["id", "naam", "functie", "email", "telefoon"]


class OrganisatieSerializer(ModelValidatie, serializers.ModelSerializer):
    contactpersonen = ContactpersoonSerializer(many=True, read_only=True)
    genormaliseerd = ("iban", "email")

    class Meta:
        model = Organisatie
        fields = [
            "id", "naam", "rechtsvorm", "kvk_nummer", "iban", "tenaamstelling", "straat", "postcode", "plaats",
            "gebied", "wijk", "email", "telefoon", "correspondentietaal", "contactpersonen",
        ]


class StrictSerializer(serializers.Serializer):
    """A JSON object of known keys only: a misspelt key is refused instead of silently dropped with what it held."""

    def to_internal_value(self, data):
        if isinstance(data, dict):
            onbekend = sorted(set(data) - set(self.fields))
            if onbekend:
                raise serializers.ValidationError({naam: ["Onbekend veld. / Unknown field."] for naam in onbekend})
        return super().to_internal_value(data)


class BedragenPerJaarField(serializers.DictField):
    """{boekjaar: bedrag}, e.g. `{"2027": "80000.00", "2028": "82000.00"}`."""

    child = serializers.DecimalField(**BEDRAG, min_value=Decimal("0.01"))
    default_error_messages = {
        "boekjaar": f"Elke sleutel is een boekjaar van {BOEKJAAR_MIN} tot en met {BOEKJAAR_MAX}. / Every key is a "
                    f"year from {BOEKJAAR_MIN} to {BOEKJAAR_MAX}.",
        "te_veel": "Ten hoogste 20 boekjaren. / At most 20 years.",
    }

    def to_internal_value(self, data):
        bedragen = super().to_internal_value(data)
        if len(bedragen) > 20:
            self.fail("te_veel")
        if not all(re.fullmatch("[0-9]{4}", jaar) and BOEKJAAR["min_value"] <= int(jaar) <= BOEKJAAR["max_value"]
                   for jaar in bedragen):
            self.fail("boekjaar")
        return {int(jaar): bedrag for jaar, bedrag in bedragen.items()}


class VoorwaardenSerializer(StrictSerializer):
    """The conditions of a multi-year award; what is left out follows the regeling."""

    indexeren = serializers.BooleanField(required=False, help_text="Jaarbedragen volgen de loon- en prijscompensatie.")
    voorschotschema = serializers.ChoiceField(choices=Voorschotschema.choices, required=False)
    egalisatiereserve = serializers.BooleanField(required=False)


class DoelSerializer(StrictSerializer):
    """One goal of a werkplan, per kernactiviteit."""

    kernactiviteit = serializers.CharField(required=False, allow_blank=True, max_length=200)
    doel = serializers.CharField(max_length=1000)
    indicator = serializers.CharField(required=False, allow_blank=True, max_length=500)
    streefwaarde = serializers.CharField(required=False, allow_blank=True, max_length=200)


class ResultaatSerializer(StrictSerializer):
    """What was achieved on one goal of the werkplan, in the werkplan's order."""

    doel = serializers.CharField(required=False, allow_blank=True, max_length=1000)
    resultaat = serializers.CharField(required=False, allow_blank=True, max_length=2000,
                                      help_text="Wat er bereikt is, tegenover de streefwaarde.")
    toelichting = serializers.CharField(required=False, allow_blank=True, max_length=5000)


class BegrotingsregelSerializer(ModelValidatie, serializers.ModelSerializer):
    class Meta:
        model = Begrotingsregel
        fields = ["soort", "omschrijving", "bedrag"]


class AanvraagListSerializer(serializers.ModelSerializer):
    """One row of the officer's queue: everything from one joined query."""

    nummer = serializers.CharField(read_only=True)
    publieke_status = PubliekeStatusField()
    organisatie_naam = serializers.CharField(source="organisatie.naam", read_only=True)
    regeling_code = serializers.CharField(source="regeling.code", read_only=True)
    behandelaar_naam = serializers.CharField(source="behandelaar.get_username", read_only=True, default=None,
                                             allow_null=True)  # null while no one has taken the request

    class Meta:
        model = Aanvraag
        fields = [
            "id", "nummer", "titel", "status", "publieke_status", "organisatie", "organisatie_naam", "regeling",
            "regeling_code", "gevraagd_bedrag", "ontvangen_op", "volledig_op", "uiterste_beslisdatum",
            "behandelaar", "behandelaar_naam", "gebied", "wijk",
        ]


class JaarbedragSerializer(ModelValidatie, serializers.ModelSerializer):
    """One boekjaar of the meerjarenbegroting: the amount asked, and later the amount proposed."""

    class Meta:
        model = Jaarbedrag
        fields = ["boekjaar", "gevraagd_bedrag", "voorstel_bedrag"]
        read_only_fields = ["voorstel_bedrag"]
        extra_kwargs = {"boekjaar": BOEKJAAR, "gevraagd_bedrag": {"min_value": Decimal("0.01")}}


class AanvullingSerializer(serializers.ModelSerializer):
    """A request for missing information: what is asked (`omschrijving`), when, by when, and when it came in."""

    class Meta:
        model = Aanvulling
        fields = ["id", "omschrijving", "gevraagd_op", "termijn_tot", "ontvangen_op"]


class BriefTaalSerializer(serializers.Serializer):
    """The language a letter is asked in (`?taal=`); without it, the organisation's own."""

    taal = serializers.ChoiceField(choices=["nl", "en"], required=False)


class IngebrekestellingSerializer(serializers.ModelSerializer):
    """A notice of default (Awb 4:17) and the running risk of its dwangsom today: the days owed so far, the amount
    so far and tomorrow, and once it stopped its last day and the date by which the amount must be set (4:18)."""

    publieke_status = PubliekeStatusField()
    eerste_dag = serializers.SerializerMethodField(help_text="De eerste dag waarover de dwangsom verschuldigd is.")
    dagen = serializers.SerializerMethodField(help_text="Dagen verschuldigd tot en met vandaag (ten hoogste 42).")
    bedrag = serializers.SerializerMethodField(help_text="Verschuldigd tot en met vandaag.")
    bedrag_morgen = serializers.SerializerMethodField(help_text="Verschuldigd tot en met morgen als er niet wordt "
                                                                "beslist: het lopende risico.")
    vaststellen_uiterlijk = serializers.SerializerMethodField(
        help_text="Uiterlijk op deze dag stelt een beschikking het bedrag vast (Awb 4:18); leeg zolang hij loopt.")

    class Meta:
        model = Ingebrekestelling
        fields = ["id", "aanvraag", "ontvangen_op", "beslistermijn_tot", "wijze", "status", "publieke_status",
                  "eerste_dag", "dagen", "bedrag", "bedrag_morgen", "laatste_dag", "vaststellen_uiterlijk",
                  "geen_dwangsom", "vastgesteld_bedrag", "beschikking"]

    def _stand(self, ingebrekestelling):
        if getattr(ingebrekestelling, "_stand", None) is None:
            ingebrekestelling._stand = dwangsom.stand(ingebrekestelling)
        return ingebrekestelling._stand

    @extend_schema_field(serializers.DateField())
    def get_eerste_dag(self, obj):
        return self._stand(obj).eerste_dag

    @extend_schema_field(serializers.IntegerField())
    def get_dagen(self, obj):
        return self._stand(obj).dagen

    @extend_schema_field(serializers.DecimalField(max_digits=14, decimal_places=2))
    def get_bedrag(self, obj):
        return f"{self._stand(obj).bedrag:.2f}"

    @extend_schema_field(serializers.DecimalField(max_digits=14, decimal_places=2))
    def get_bedrag_morgen(self, obj):
        return f"{self._stand(obj).bedrag_morgen:.2f}"

    @extend_schema_field(serializers.DateField(allow_null=True))
    def get_vaststellen_uiterlijk(self, obj):
        return self._stand(obj).vaststellen_uiterlijk


class DwangsombetalingSerializer(serializers.ModelSerializer):
    publieke_status = PubliekeStatusField()

    class Meta:
        model = Dwangsombetaling
        fields = ["id", "ingebrekestelling", "bedrag", "gepland_op", "uitgevoerd_op", "status", "publieke_status"]


class AanvraagSerializer(ModelValidatie, serializers.ModelSerializer):
    """A request; editable by its applicant while it is a draft (concept).

    `begroting` and `jaarbedragen`, when sent, replace the draft's lines; left out, they stay as they are.
    """

    nummer = serializers.CharField(read_only=True)
    publieke_status = PubliekeStatusField()
    begroting = BegrotingsregelSerializer(many=True, required=False)
    jaarbedragen = JaarbedragSerializer(many=True, required=False, max_length=20,
                                        help_text="Meerjarig: het gevraagde bedrag per boekjaar (meerjarenbegroting).")
    voorstel_voorwaarden = VoorwaardenSerializer(read_only=True)
    # Declared so the schema admits the blank of "no proposal yet" (DRF drops allow_blank from read-only fields).
    voorstel_uitkomst = serializers.ChoiceField(choices=Uitkomst.choices, allow_blank=True, read_only=True)
    aanvulling = serializers.SerializerMethodField(
        help_text="De openstaande vraag om aanvulling: wat wij van u nodig hebben en uiterlijk wanneer.")
    aanvullingen = AanvullingSerializer(many=True, read_only=True, help_text="Alle vragen om aanvulling.")
    budgetstatus = serializers.SerializerMethodField(
        help_text="Per boekjaar van de aanvraag: is het budget er al (zie de regeling).")
    dwangsom = serializers.SerializerMethodField(
        help_text="De ingebrekestelling (Awb 4:17) en het lopende risico van de dwangsom; leeg als er geen is.")

    class Meta:
        model = Aanvraag
        fields = [
            "id", "nummer", "regeling", "organisatie", "titel", "omschrijving", "gevraagd_bedrag", "periode_van",
            "periode_tot", "gebied", "wijk", "begroting", "werkplan", "jaarbedragen", "voortzetting_van", "status",
            "publieke_status", "ontvangen_op", "na_aanvraagtermijn", "volledig_op", "uiterste_beslisdatum",
            "verdaagd_weken", "behandelaar", "voorstel_uitkomst", "voorstel_bedrag", "voorstel_motivering",
            "voorstel_voorwaarden", "voorgesteld_door", "aangemaakt_op", "gewijzigd_op", "aanvulling", "aanvullingen",
            "budgetstatus", "dwangsom",
        ]
        read_only_fields = [
            "status", "ontvangen_op", "na_aanvraagtermijn", "volledig_op", "uiterste_beslisdatum", "verdaagd_weken",
            "behandelaar", "voorstel_uitkomst", "voorstel_bedrag", "voorstel_motivering", "voorgesteld_door",
            "aangemaakt_op", "gewijzigd_op",
        ]
        extra_kwargs = {
            "gevraagd_bedrag": {"min_value": Decimal("0.01")},
            "werkplan": {"max_length": 20000},
            "voortzetting_van": {"error_messages": {
                "does_not_exist": "Kies een subsidie van uw eigen organisatie. / Choose a subsidy of your own "
                                  "organisation.",
            }},
        }

    def get_fields(self):
        """An applicant can only file a request for (or move a draft to) one of their own organisations, and only
        continue one of their own organisations' subsidies."""
        fields = super().get_fields()
        request = self.context.get("request")
        if request is not None and not ziet_alles(request.user):
            user = request.user
            eigen = Organisatie.objects.filter(leden=user) if user.is_authenticated else Organisatie.objects.none()
            fields["organisatie"].queryset = eigen
            fields["voortzetting_van"].queryset = Subsidie.objects.filter(aanvraag__organisatie__in=eigen)
        return fields

    @extend_schema_field(AanvullingSerializer(allow_null=True))
    def get_aanvulling(self, aanvraag):
        if aanvraag.status != Aanvraag.Status.AANVULLING_GEVRAAGD:
            return None
        open_aanvulling = max((a for a in aanvraag.aanvullingen.all() if a.ontvangen_op is None),
                              key=lambda a: (a.gevraagd_op, a.pk), default=None)  # from the prefetch
        return AanvullingSerializer(open_aanvulling).data if open_aanvulling else None

    @extend_schema_field(BudgetstatusSerializer(many=True))
    def get_budgetstatus(self, aanvraag):
        return BudgetstatusSerializer(budgetstatus.budgetstatus(aanvraag), many=True).data

    @extend_schema_field(IngebrekestellingSerializer(allow_null=True))
    def get_dwangsom(self, aanvraag):
        ingebrekestelling = next(iter(aanvraag.ingebrekestellingen.all()), None)
        return IngebrekestellingSerializer(ingebrekestelling).data if ingebrekestelling else None

    def validate_jaarbedragen(self, jaarbedragen):
        jaren = [regel["boekjaar"] for regel in jaarbedragen]
        if len(jaren) != len(set(jaren)):
            raise serializers.ValidationError("Geef elk boekjaar één keer. / Give each year once.")
        return jaarbedragen

    def validate(self, attrs):
        """A continuation continues a subsidy of the same organisation that files the request."""
        vorige = attrs.get("voortzetting_van", getattr(self.instance, "voortzetting_van", None))
        organisatie = attrs.get("organisatie", getattr(self.instance, "organisatie", None))
        if vorige is not None and organisatie is not None and vorige.aanvraag.organisatie_id != organisatie.pk:
            raise serializers.ValidationError({"voortzetting_van": [
                "Een voortzetting hoort bij een subsidie van dezelfde organisatie als deze aanvraag. / A continuation "
                "belongs to a subsidy of the same organisation as this request."]})
        return super().validate(attrs)


class DownloadField(serializers.FileField):
    """In: the uploaded file. Out: the link of the download view, which checks who asks; never a storage path."""

    def to_representation(self, value):
        if not value:
            return None
        return reverse("document-download", args=[value.instance.pk], request=self.context.get("request"))


class DocumentSerializer(ModelValidatie, serializers.ModelSerializer):
    bestand = DownloadField(help_text="Bij uploaden het bestand (multipart). In een antwoord de downloadlink "
                                      "(`GET /api/documenten/{id}/download/`): alleen wie de aanvraag mag zien, "
                                      "krijgt het bestand, onder de oorspronkelijke naam.")

    class Meta:
        model = Document
        fields = ["id", "omschrijving", "bestand", "oorspronkelijke_naam", "content_type", "grootte", "sha256",
                  "toegevoegd_op"]
        read_only_fields = ["oorspronkelijke_naam", "content_type", "grootte", "sha256"]


class TransitieSerializer(serializers.Serializer):
    """Input for an action. Each action uses the fields it needs; `reden` is the toelichting in the trail."""

    reden = serializers.CharField(required=False, allow_blank=True, default="", max_length=REDEN_MAX)
    ontvangen_op = serializers.DateField(required=False)
    termijn_tot = serializers.DateField(required=False)
    uitkomst = serializers.ChoiceField(choices=Uitkomst.choices, required=False)
    bedrag = serializers.DecimalField(**BEDRAG, required=False, min_value=0, help_text=(
        "Het bedrag van de actie; bij `gegrond_verklaren` van een bezwaar tegen een verlening of vaststelling het "
        "nieuwe, hogere bedrag (Awb 7:11)."))
    weken = serializers.IntegerField(required=False, min_value=1, max_value=8)
    uiterlijk = serializers.DateField(required=False)
    activiteitenverslag = serializers.CharField(required=False, allow_blank=True, max_length=20000)
    werkelijke_kosten = serializers.DecimalField(**BEDRAG, required=False, min_value=0)
    accountantsverklaring = serializers.BooleanField(required=False)
    uitgevoerd_op = serializers.DateField(required=False)
    # bezwaar
    adviescommissie = serializers.BooleanField(required=False, help_text="Bezwaar: een adviescommissie (Awb 7:13) "
                                               "adviseert; de beslistermijn wordt 12 weken.")
    hoorzitting_op = serializers.DateField(required=False, help_text="Bezwaar: de dag van de hoorzitting (Awb 7:2).")
    horen_achterwege = serializers.ChoiceField(choices=Bezwaar.HorenAchterwege.choices, required=False, help_text=(
        "Bezwaar: de grond van Awb 7:3 om niet te horen (`horen_achterwege_laten`). Bij `uitstellen_met_instemming` "
        "is `uiterlijk` de nieuwe beslisdatum en `reden` de instemming (Awb 7:10 lid 4)."))
    # the multi-year path
    jaarbedragen = BedragenPerJaarField(required=False, help_text="Voorgesteld bedrag per boekjaar.")
    voorwaarden = VoorwaardenSerializer(required=False)
    werkplan = serializers.CharField(required=False, allow_blank=True, max_length=20000)
    doelen = DoelSerializer(many=True, required=False, max_length=50)
    eigen_inkomsten = serializers.DecimalField(**BEDRAG, required=False, min_value=0)
    resultaten = ResultaatSerializer(many=True, required=False, max_length=50)
    grond = serializers.ChoiceField(choices=Beeindiging.Grond.choices, required=False)
    einde_boekjaar = serializers.IntegerField(required=False, help_text="Het laatste gesubsidieerde boekjaar.",
                                              **BOEKJAAR)
    afbouw = BedragenPerJaarField(required=False, help_text="Afbouwbedrag per boekjaar van de opzegtermijn.")
    compensatie = serializers.DecimalField(**BEDRAG, required=False, min_value=0)
    geen_dwangsom = serializers.ChoiceField(choices=GeenDwangsom.choices, required=False, help_text=(
        "Bij het vaststellen van een dwangsom: de grond van Awb 4:17 lid 6 waarom niets verschuldigd is."))
    # advice during review (initiatieven)
    advies = serializers.CharField(required=False, allow_blank=True, max_length=20000,
                                   help_text="Het advies van de bewonersorganisatie of het gebiedsteam.")


class ActieSerializer(serializers.Serializer):
    actie = serializers.CharField()
    label = serializers.CharField()
    mogelijk = serializers.BooleanField()
    reden = serializers.DictField(child=serializers.CharField(), allow_null=True)


class BelangenverklaringSerializer(serializers.ModelSerializer):
    """An officer's own declared tie to an organisation; from then on they cannot act on its requests."""

    organisatie_naam = serializers.CharField(source="organisatie.naam", read_only=True)

    class Meta:
        model = Belangenverklaring
        fields = ["id", "organisatie", "organisatie_naam", "toelichting", "verklaard_op"]
        read_only_fields = ["verklaard_op"]

    def validate_organisatie(self, organisatie):
        if Belangenverklaring.objects.filter(medewerker=self.context["request"].user, organisatie=organisatie).exists():
            raise serializers.ValidationError("U hebt een band met deze organisatie al gemeld. / You have already "
                                              "declared a tie to this organisation.")
        return organisatie


class BeschikkingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Beschikking
        fields = ["id", "aanvraag", "soort", "bedrag", "motivering", "verplichtingen", "verzonden_op",
                  "bezwaartermijn_tot", "rechtsmiddel", "herroept", "beslisser", "aangemaakt_op"]


class BezwaarSerializer(ModelValidatie, serializers.ModelSerializer):
    """An objection against a beschikking. Filed by the organisation's member (today) or registered by an officer
    from paper (with its dates); after that every change is an action (`acties`)."""

    nummer = serializers.CharField(read_only=True)
    publieke_status = PubliekeStatusField()
    aanvraag = serializers.IntegerField(source="beschikking.aanvraag_id", read_only=True)
    bezwaartermijn_tot = serializers.DateField(source="beschikking.bezwaartermijn_tot", read_only=True,
                                               help_text="Het einde van de bezwaartermijn (Awb 6:7, 6:8).")

    class Meta:
        model = Bezwaar
        fields = [
            "id", "nummer", "beschikking", "aanvraag", "bezwaartermijn_tot", "gronden", "indiener", "ingediend_door",
            "op_papier", "ontvangen_op", "ter_post_op", "tijdig", "verschoonbaar_reden", "adviescommissie",
            "uiterste_beslisdatum", "verdaagd", "uitgesteld_tot", "uitstel_instemming", "hoorzitting_op",
            "horen_achterwege", "horen_achterwege_reden", "behandelaar", "beslissing", "herziening", "status",
            "publieke_status", "aangemaakt_op",
        ]
        read_only_fields = ["ingediend_door", "op_papier", "tijdig", "verschoonbaar_reden", "uiterste_beslisdatum",
                            "verdaagd", "uitgesteld_tot", "uitstel_instemming", "hoorzitting_op", "horen_achterwege",
                            "horen_achterwege_reden", "behandelaar", "beslissing", "herziening", "status",
                            "aangemaakt_op"]
        extra_kwargs = {
            "ontvangen_op": {"required": False, "help_text": "Alleen een behandelaar (papieren bezwaar); anders vandaag."},
            "ter_post_op": {"help_text": "Alleen een behandelaar: de datum van het poststempel (Awb 6:9 lid 2)."},
            "adviescommissie": {"help_text": "Alleen een behandelaar: een adviescommissie (Awb 7:13) adviseert."},
            "beschikking": {"error_messages": {
                "does_not_exist": "Kies een besluit over een aanvraag van uw eigen organisatie. / Choose a decision on "
                                  "a request of your own organisation.",
            }},
        }

    def get_fields(self):
        """An applicant objects only to their own organisations' decisions."""
        fields = super().get_fields()
        fields["beschikking"].queryset = eigen(self.context.get("request"), Beschikking.objects.all(),
                                               "aanvraag__organisatie")
        return fields

    def create(self, validated_data):
        return bezwaren.dien_in(validated_data.pop("beschikking"), self.context["request"].user, **validated_data)


class VerplichtingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Verplichting
        fields = ["boekjaar", "budget", "plafond", "oorspronkelijk_bedrag", "bedrag", "vastgesteld_bedrag",
                  "voorwaardelijk"]


class BetalingSerializer(serializers.ModelSerializer):
    publieke_status = PubliekeStatusField()

    class Meta:
        model = Betaling
        fields = ["id", "subsidie", "soort", "bedrag", "gepland_op", "uitgevoerd_op", "status", "publieke_status"]


class TrancheSamenvattingSerializer(serializers.ModelSerializer):
    """One boekjaar of a multi-year subsidie, as the subsidie shows it; `/api/tranches/{id}/` has the rest."""

    publieke_status = PubliekeStatusField()
    voorwaardelijk = serializers.BooleanField(read_only=True, help_text="Nog onder begrotingsvoorbehoud (Awb 4:34).")

    class Meta:
        model = Jaartranche
        fields = ["id", "boekjaar", "bedrag", "vastgesteld_bedrag", "afbouw", "voorwaardelijk", "status",
                  "publieke_status"]


class BeeindigingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Beeindiging
        fields = ["grond", "laatste_boekjaar", "gesubsidieerde_jaren", "compensatie", "motivering", "besloten_op"]


class SubsidieSerializer(serializers.ModelSerializer):
    publieke_status = PubliekeStatusField()
    verplichtingen = VerplichtingSerializer(many=True, read_only=True)
    betalingen = BetalingSerializer(many=True, read_only=True)
    tranches = TrancheSamenvattingSerializer(many=True, read_only=True)
    reserve_saldo = serializers.DecimalField(max_digits=14, decimal_places=2, read_only=True,
                                             help_text="Saldo van de egalisatiereserve (Awb 4:72).")
    beeindiging = BeeindigingSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Subsidie
        fields = ["id", "aanvraag", "verleend_bedrag", "vastgesteld_bedrag", "verantwoordingsniveau",
                  "verantwoording_uiterlijk", "structureel", "eerste_boekjaar", "laatste_boekjaar", "indexeren",
                  "voorschotschema", "egalisatiereserve", "reserve_max_percentage", "reserve_saldo", "status",
                  "publieke_status", "verplichtingen", "betalingen", "tranches", "beeindiging"]


class JaartrancheSerializer(serializers.ModelSerializer):
    """One boekjaar of a multi-year subsidie: its amount, werkplan, deadlines and settlement."""

    publieke_status = PubliekeStatusField()
    voorwaardelijk = serializers.BooleanField(read_only=True, help_text="Nog onder begrotingsvoorbehoud (Awb 4:34).")
    te_laat = serializers.BooleanField(read_only=True,
                                       help_text="De jaarverantwoording is over haar termijn en nog niet ingediend.")
    aanvraag_nummer = serializers.CharField(source="subsidie.aanvraag.nummer", read_only=True)
    organisatie = serializers.IntegerField(source="subsidie.aanvraag.organisatie_id", read_only=True)
    organisatie_naam = serializers.CharField(source="subsidie.aanvraag.organisatie.naam", read_only=True)
    doelen = DoelSerializer(many=True, read_only=True)

    class Meta:
        model = Jaartranche
        fields = ["id", "subsidie", "aanvraag_nummer", "organisatie", "organisatie_naam", "boekjaar", "basisbedrag",
                  "bedrag", "afbouw", "voorwaardelijk", "werkplan", "doelen", "werkplan_uiterlijk",
                  "verantwoording_uiterlijk", "te_laat", "vastgesteld_bedrag", "status", "publieke_status"]


class ReservemutatieSerializer(serializers.ModelSerializer):
    class Meta:
        model = Reservemutatie
        fields = ["boekjaar", "soort", "bedrag", "saldo_na", "toelichting", "geboekt_op"]


class ReserveSerializer(serializers.Serializer):
    """A subsidie's egalisatiereserve: the ledger lines in order, and what is in it now."""

    saldo = serializers.DecimalField(max_digits=14, decimal_places=2)
    mutaties = ReservemutatieSerializer(many=True)


class BegrotingsjaarSerializer(ModelValidatie, serializers.ModelSerializer):
    """The council's budget for a boekjaar: its adoption date and the wage/price compensation (beheerder)."""

    class Meta:
        model = Begrotingsjaar
        fields = ["boekjaar", "vastgesteld_op", "indexatie_percentage"]
        extra_kwargs = {
            "boekjaar": BOEKJAAR,
            "indexatie_percentage": {"min_value": Decimal("-99.99"), "max_value": Decimal("100.00")},
        }

    def validate_boekjaar(self, boekjaar):
        if self.instance is not None and boekjaar != self.instance.boekjaar:
            raise serializers.ValidationError("Het boekjaar van een begroting verandert niet. / The year of a budget "
                                              "does not change.")
        return boekjaar


class MeerjarenramingSerializer(serializers.Serializer):
    """One begrotingspost × fondsbron × boekjaar of the meerjarenraming: what is promised against the budget."""

    id = serializers.IntegerField(help_text="Het budget.")
    begrotingspost = serializers.CharField(source="begrotingspost.naam")
    fondsbron = serializers.CharField(source="fondsbron.naam")
    gebied = serializers.CharField(source="gebied.naam", allow_null=True, help_text="Alleen bij een gebiedsbudget.")
    boekjaar = serializers.IntegerField()
    raming = serializers.DecimalField(source="bedrag", max_digits=14, decimal_places=2)
    begroting_vastgesteld = serializers.BooleanField(help_text="De raad heeft de begroting van dit jaar vastgesteld.")
    vastgesteld_op = serializers.DateField(allow_null=True)
    definitief_verplicht = serializers.DecimalField(max_digits=14, decimal_places=2)
    voorwaardelijk_verplicht = serializers.DecimalField(
        max_digits=14, decimal_places=2, help_text="Onder begrotingsvoorbehoud toegezegd (Awb 4:34).")
    vrij = serializers.DecimalField(max_digits=14, decimal_places=2)


class MeerjarenramingQuerySerializer(serializers.Serializer):
    vanaf = serializers.IntegerField(required=False, **BOEKJAAR)


class BetaalrunSerializer(serializers.Serializer):
    peildatum = serializers.DateField(required=False, help_text="Wat op deze dag verschuldigd is; standaard vandaag.")

    def validate_peildatum(self, peildatum):
        if peildatum > timezone.localdate():
            raise serializers.ValidationError("Een betaalrun plant wat verschuldigd is, niet wat nog komt. / A payment "
                                              "run plans what is due, not what is yet to come.")
        return peildatum


class BetaalrunResultaatSerializer(serializers.Serializer):
    aantal = serializers.IntegerField()
    betalingen = BetalingSerializer(many=True)


class BudgetOverzichtSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    begrotingspost = serializers.CharField(source="begrotingspost.naam")
    boekjaar = serializers.IntegerField()
    fondsbron = serializers.CharField(source="fondsbron.naam")
    gebied = serializers.CharField(source="gebied.naam", allow_null=True, default=None,
                                   help_text="Alleen bij een gebiedsbudget.")
    budget = serializers.DecimalField(source="bedrag", max_digits=14, decimal_places=2)
    plafond = serializers.DecimalField(max_digits=14, decimal_places=2)
    verplicht = serializers.DecimalField(max_digits=14, decimal_places=2)
    voorwaardelijk_verplicht = serializers.DecimalField(max_digits=14, decimal_places=2)
    betaald = serializers.DecimalField(max_digits=14, decimal_places=2)
    vastgesteld = serializers.DecimalField(max_digits=14, decimal_places=2)
    teruggevorderd = serializers.DecimalField(max_digits=14, decimal_places=2)
    vrij = serializers.DecimalField(max_digits=14, decimal_places=2)


class AuditRecordSerializer(serializers.ModelSerializer):
    object_type = serializers.SerializerMethodField()

    class Meta:
        model = AuditRecord
        fields = ["volgnummer", "tijdstip", "actor", "actor_weergave", "object_type", "object_id",
                  "object_weergave", "actie", "handeling", "van_status", "naar_status", "toelichting",
                  "wijzigingen", "request_id", "vorige_hash", "hash"]

    def get_object_type(self, record) -> str:
        return f"{record.object_type.app_label}.{record.object_type.model}"
