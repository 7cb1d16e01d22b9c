"""Requests: the request itself, its queue row, budget lines, years, requests for information, documents."""
from decimal import Decimal

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

from ...models import Aanvraag, Aanvulling, Begrotingsregel, Document, Jaarbedrag, Organisatie, Subsidie
from ...models.aanvragen import Uitkomst
from ...rollen import ziet_alles
from ...services import budgetstatus
from ..validation import ModelValidatie
from .base import BOEKJAAR, PubliekeStatusField, VoorwaardenSerializer
from .ingebrekestellingen import IngebrekestellingSerializer
from .regelingen import BudgetstatusSerializer


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
