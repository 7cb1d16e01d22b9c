"""Shapes of the accommodation resources. The rules live in the models' transitions and in `services`."""
from decimal import Decimal

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from subsidies import families
from subsidies.api.serializers import BOEKJAAR, PubliekeStatusField, eigen
from subsidies.api.validation import ModelValidatie
from subsidies.models import Aanvraag

from .. import services
from ..models import (
    Accommodatie, Accommodatiegegevens, BegrotingStatus, Exploitatiebegroting, Exploitatiepost, Onderhoudspost,
)

BEDRAG = {"max_digits": 14, "decimal_places": 2}
GELD = serializers.DecimalField(**BEDRAG)  # renders an amount as the API does everywhere: a string


class AccommodatieSerializer(ModelValidatie, serializers.ModelSerializer):
    """An accommodation in the register; behandelaars and beheerders keep it up to date."""

    bestuur_naam = serializers.CharField(source="bestuur.naam", read_only=True)

    class Meta:
        model = Accommodatie
        fields = ["id", "naam", "soort", "straat", "postcode", "plaats", "gebied", "wijk", "bestuur", "bestuur_naam",
                  "eigendom", "vloeroppervlak", "openingsuren", "activiteiten", "gebruikers_per_week"]
        extra_kwargs = {"openingsuren": {"max_length": 2000}, "activiteiten": {"max_length": 5000}}


class ExploitatiepostSerializer(ModelValidatie, serializers.ModelSerializer):
    class Meta:
        model = Exploitatiepost
        fields = ["post", "omschrijving", "bedrag"]
        extra_kwargs = {"bedrag": {"min_value": Decimal("0.01")}}


class ExploitatiebegrotingSerializer(ModelValidatie, serializers.ModelSerializer):
    """An exploitation budget for one boekjaar. `regels`, when sent, replace the lines of the concept."""

    accommodatie_naam = serializers.CharField(source="accommodatie.naam", read_only=True)
    regels = ExploitatiepostSerializer(many=True, required=False, max_length=100)
    kosten = serializers.DecimalField(read_only=True, **BEDRAG, help_text="Kosten van exploitatie en beheer.")
    eigen_inkomsten = serializers.DecimalField(read_only=True, **BEDRAG,
                                               help_text="Verhuur, bar, contributies en andere eigen inkomsten.")
    tekort = serializers.DecimalField(read_only=True, **BEDRAG,
                                      help_text="Kosten min eigen inkomsten: ten hoogste de exploitatiesubsidie.")
    publieke_status = PubliekeStatusField()

    class Meta:
        model = Exploitatiebegroting
        fields = ["id", "accommodatie", "accommodatie_naam", "boekjaar", "toelichting", "regels", "kosten",
                  "eigen_inkomsten", "tekort", "status", "publieke_status", "ingediend_op", "beoordeeld_op",
                  "beoordeeld_door", "motivering", "aangemaakt_op"]
        read_only_fields = ["status", "ingediend_op", "beoordeeld_op", "beoordeeld_door", "motivering",
                            "aangemaakt_op"]
        extra_kwargs = {"boekjaar": BOEKJAAR, "toelichting": {"max_length": 5000}}
        validators = []  # one budget per year that counts: checked in validate() with a clear message

    def get_fields(self):
        fields = super().get_fields()
        fields["accommodatie"].queryset = eigen(self.context.get("request"), Accommodatie.objects.all(), "bestuur")
        return fields

    def validate(self, attrs):
        accommodatie = attrs.get("accommodatie", getattr(self.instance, "accommodatie", None))
        boekjaar = attrs.get("boekjaar", getattr(self.instance, "boekjaar", None))
        andere = Exploitatiebegroting.objects.filter(accommodatie=accommodatie, boekjaar=boekjaar).exclude(
            status=BegrotingStatus.AFGEKEURD)
        if self.instance is not None:
            andere = andere.exclude(pk=self.instance.pk)
        if andere.exists():
            raise serializers.ValidationError({"boekjaar": [
                f"{accommodatie} heeft al een exploitatiebegroting voor {boekjaar}; wijzig die zolang ze een concept "
                f"is. / {accommodatie} already has an exploitation budget for {boekjaar}; change it while it is a "
                "draft."]})
        return super().validate(attrs)

    def create(self, validated_data):
        regels = validated_data.pop("regels", [])
        begroting = Exploitatiebegroting.objects.create(**validated_data)
        self._vervang_regels(begroting, regels)
        return begroting

    def update(self, instance, validated_data):
        instance.controleer_onderdeel("regels")
        regels = validated_data.pop("regels", None)
        begroting = super().update(instance, validated_data)
        if regels is not None:
            for regel in begroting.regels.all():
                regel.delete()
            self._vervang_regels(begroting, regels)
            for totaal in ("totaal_kosten", "totaal_inkomsten"):  # summed before the lines changed
                vars(begroting).pop(totaal, None)
        return begroting

    @staticmethod
    def _vervang_regels(begroting, regels) -> None:
        for regel in regels:
            Exploitatiepost.objects.create(begroting=begroting, **regel)


class OnderhoudspostSerializer(ModelValidatie, serializers.ModelSerializer):
    """An item of the accommodation's meerjarenonderhoudsplan (MJOP)."""

    aangevraagd = serializers.BooleanField(read_only=True, help_text="Er is een aanvraag op ingediend: de raming "
                                                                     "verandert niet meer.")

    class Meta:
        model = Onderhoudspost
        fields = ["id", "accommodatie", "element", "jaar", "geraamde_kosten", "omschrijving", "aangevraagd"]
        extra_kwargs = {"jaar": BOEKJAAR, "geraamde_kosten": {"min_value": Decimal("0.01")},
                        "omschrijving": {"max_length": 5000}}

    def get_fields(self):
        fields = super().get_fields()
        fields["accommodatie"].queryset = eigen(self.context.get("request"), Accommodatie.objects.all(), "bestuur")
        return fields


class TekortSerializer(serializers.Serializer):
    """One boekjaar of an exploitatieaanvraag beside the accommodation's exploitation budget for that year."""

    boekjaar = serializers.IntegerField()
    gevraagd = serializers.DecimalField(**BEDRAG)
    begroting = serializers.IntegerField(allow_null=True, help_text="De exploitatiebegroting van dit jaar.")
    status = serializers.ChoiceField(choices=BegrotingStatus.choices, allow_null=True)
    kosten = serializers.DecimalField(**BEDRAG, allow_null=True)
    eigen_inkomsten = serializers.DecimalField(**BEDRAG, allow_null=True)
    tekort = serializers.DecimalField(**BEDRAG, allow_null=True)


class AccommodatiegegevensSerializer(ModelValidatie, serializers.ModelSerializer):
    """What an exploitatie- or onderhoudsaanvraag adds: the accommodation, and for onderhoud its MJOP items.

    The applicant writes it while the request is a draft; the behandelaar sees it with the checks it feeds.
    """

    aanvraag_nummer = serializers.CharField(source="aanvraag.nummer", read_only=True)
    familie = serializers.CharField(source="aanvraag.regeling.familie", read_only=True)
    accommodatie_naam = serializers.CharField(source="accommodatie.naam", read_only=True)
    onderhoudsposten_totaal = serializers.SerializerMethodField(
        help_text="Onderhoud: de geraamde kosten van de gekozen posten samen, het hoogste bedrag dat kan.")
    tekorten = serializers.SerializerMethodField(help_text="Exploitatie: per gevraagd boekjaar de begroting.")
    voorstel = serializers.SerializerMethodField(help_text="Het bedrag dat de regels van de familie voorstellen.")

    class Meta:
        model = Accommodatiegegevens
        fields = ["id", "aanvraag", "aanvraag_nummer", "familie", "accommodatie", "accommodatie_naam",
                  "onderhoudsposten", "onderhoudsposten_totaal", "tekorten", "voorstel"]
        extra_kwargs = {"aanvraag": {"validators": []}, "onderhoudsposten": {"required": False}}

    def get_fields(self):
        fields = super().get_fields()
        request = self.context.get("request")
        if self.instance is not None:
            fields["aanvraag"].read_only = True  # the family data stays with its request
        else:
            fields["aanvraag"].queryset = eigen(request, Aanvraag.objects.all(), "organisatie")
        fields["accommodatie"].queryset = eigen(request, Accommodatie.objects.all(), "bestuur")
        fields["onderhoudsposten"].child_relation.queryset = eigen(request, Onderhoudspost.objects.all(),
                                                                    "accommodatie__bestuur")
        return fields

    def validate_aanvraag(self, aanvraag):
        if aanvraag.regeling.familie not in services.FAMILIES:
            raise serializers.ValidationError(
                "Deze aanvraag is geen exploitatie- of onderhoudsaanvraag. / This request is not for an "
                "exploitation or maintenance subsidy.")
        if Accommodatiegegevens.objects.filter(aanvraag=aanvraag).exists():
            raise serializers.ValidationError(
                "Deze aanvraag heeft al een accommodatie; wijzig die. / This request already has an accommodation; "
                "change it.")
        return aanvraag

    def create(self, validated_data):
        return services.leg_vast(validated_data["aanvraag"], validated_data["accommodatie"],
                                 validated_data.get("onderhoudsposten"))

    def update(self, instance, validated_data):
        return services.leg_vast(instance.aanvraag, validated_data.get("accommodatie", instance.accommodatie),
                                 validated_data.get("onderhoudsposten"), gegevens=instance)

    @extend_schema_field(serializers.DecimalField(**BEDRAG))
    def get_onderhoudsposten_totaal(self, gegevens) -> str:
        return GELD.to_representation(sum((post.geraamde_kosten for post in gegevens.onderhoudsposten.all()),
                                          services.ZERO))

    @extend_schema_field(TekortSerializer(many=True))
    def get_tekorten(self, gegevens):
        if gegevens.aanvraag.regeling.familie != services.EXPLOITATIE:
            return []
        gevraagd = services.gevraagd_per_jaar(gegevens.aanvraag)
        begrotingen = services.geldende_begrotingen(gegevens.accommodatie, gevraagd)
        rijen = []
        for jaar, bedrag in sorted(gevraagd.items()):
            b = begrotingen.get(jaar)
            rijen.append({"boekjaar": jaar, "gevraagd": bedrag, "begroting": b and b.pk, "status": b and b.status,
                          "kosten": b and b.kosten, "eigen_inkomsten": b and b.eigen_inkomsten,
                          "tekort": b and b.tekort})
        return TekortSerializer(rijen, many=True).data

    @extend_schema_field(serializers.DecimalField(**BEDRAG, allow_null=True))
    def get_voorstel(self, gegevens) -> str | None:
        familie = families.van(gegevens.aanvraag)
        voorstel = familie.voorstel(gegevens.aanvraag) if familie is not None else None
        return None if voorstel is None else GELD.to_representation(voorstel)
