"""Serializers: shapes of the API's resources. Rules live in the models' transitions and in services."""
from decimal import Decimal

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers

from workflows.models import AuditRecord

from ..models import (
    Aanvraag, Begrotingsregel, Beschikking, Betaling, Contactpersoon, Document, Organisatie, Plafond, Regeling,
    Subsidie,
    Verplichting,
)
from ..models.aanvragen import Uitkomst
from ..rollen import ziet_alles


def PubliekeStatusField():  # noqa: N802 - reads like a field declaration
    """The plain-language status an applicant sees, in Dutch and English."""
    return serializers.DictField(child=serializers.CharField(), read_only=True)


class PlafondSerializer(serializers.ModelSerializer):
    class Meta:
        model = Plafond
        fields = ["boekjaar", "bedrag", "gepubliceerd_op"]


class RegelingSerializer(serializers.ModelSerializer):
    plafonds = PlafondSerializer(many=True, read_only=True)
    begrotingspost = serializers.StringRelatedField()

    class Meta:
        model = Regeling
        fields = [
            "id", "code", "naam", "omschrijving", "juridische_grondslag", "begrotingspost", "verdeelmethode",
            "beslistermijn_weken", "min_bedrag", "max_bedrag", "toegestane_rechtsvormen", "gedeeltelijk_verlenen",
            "grens_direct_vaststellen", "grens_accountantsverklaring", "vier_ogen_drempel", "meerjarig",
            "max_boekjaren", "open_vanaf", "open_tot", "plafonds",
        ]


class ContactpersoonSerializer(serializers.ModelSerializer):
    class Meta:
        model = Contactpersoon
        fields = ["id", "naam", "functie", "email", "telefoon"]


class OrganisatieSerializer(serializers.ModelSerializer):
    contactpersonen = ContactpersoonSerializer(many=True, read_only=True)

    class Meta:
        model = Organisatie
        fields = [
            "id", "naam", "rechtsvorm", "kvk_nummer", "iban", "tenaamstelling", "straat", "postcode", "plaats",
            "gebied", "wijk", "email", "telefoon", "contactpersonen",
        ]

    def validate(self, attrs):
        candidate = Organisatie(**{**self._current_values(), **attrs})
        try:
            candidate.clean()
        except DjangoValidationError as exc:
            raise serializers.ValidationError(exc.message_dict) from exc
        attrs["iban"] = candidate.iban
        return attrs

    def _current_values(self) -> dict:
        if self.instance is None:
            return {}
        return {name: getattr(self.instance, name) for name in self.Meta.fields if name not in ("id", "contactpersonen")}


class BegrotingsregelSerializer(serializers.ModelSerializer):
    class Meta:
        model = Begrotingsregel
        fields = ["soort", "omschrijving", "bedrag"]


class AanvraagListSerializer(serializers.ModelSerializer):
    """One row of the officer's queue: everything from one joined query."""

    nummer = serializers.CharField(read_only=True)
    publieke_status = PubliekeStatusField()
    organisatie_naam = serializers.CharField(source="organisatie.naam", read_only=True)
    regeling_code = serializers.CharField(source="regeling.code", read_only=True)
    behandelaar_naam = serializers.CharField(source="behandelaar.get_username", read_only=True, default=None)

    class Meta:
        model = Aanvraag
        fields = [
            "id", "nummer", "titel", "status", "publieke_status", "organisatie", "organisatie_naam", "regeling",
            "regeling_code", "gevraagd_bedrag", "ontvangen_op", "volledig_op", "uiterste_beslisdatum",
            "behandelaar", "behandelaar_naam", "gebied", "wijk",
        ]


class AanvraagSerializer(serializers.ModelSerializer):
    """A request; editable by its applicant while it is a draft (concept)."""

    nummer = serializers.CharField(read_only=True)
    publieke_status = PubliekeStatusField()
    begroting = BegrotingsregelSerializer(many=True, required=False)

    class Meta:
        model = Aanvraag
        fields = [
            "id", "nummer", "regeling", "organisatie", "titel", "omschrijving", "gevraagd_bedrag", "periode_van",
            "periode_tot", "gebied", "wijk", "begroting", "status", "publieke_status", "ontvangen_op", "volledig_op",
            "uiterste_beslisdatum", "verdaagd_weken", "behandelaar", "voorstel_uitkomst", "voorstel_bedrag",
            "voorstel_motivering", "voorgesteld_door", "aangemaakt_op", "gewijzigd_op",
        ]
        read_only_fields = [
            "status", "ontvangen_op", "volledig_op", "uiterste_beslisdatum", "verdaagd_weken", "behandelaar",
            "voorstel_uitkomst", "voorstel_bedrag", "voorstel_motivering", "voorgesteld_door", "aangemaakt_op",
            "gewijzigd_op",
        ]
        extra_kwargs = {"gevraagd_bedrag": {"min_value": Decimal("0.01")}}

    def get_fields(self):
        """An applicant can only file a request for (or move a draft to) one of their own organisations."""
        fields = super().get_fields()
        request = self.context.get("request")
        if request is not None and not ziet_alles(request.user):
            user = request.user
            eigen = Organisatie.objects.filter(leden=user) if user.is_authenticated else Organisatie.objects.none()
            fields["organisatie"].queryset = eigen
        return fields


class DocumentSerializer(serializers.ModelSerializer):
    class Meta:
        model = Document
        fields = ["id", "omschrijving", "bestand", "toegevoegd_op"]


class TransitieSerializer(serializers.Serializer):
    """Input for an action. Each action uses the fields it needs; `reden` is the toelichting in the trail."""

    reden = serializers.CharField(required=False, allow_blank=True, default="", max_length=5000)
    ontvangen_op = serializers.DateField(required=False)
    termijn_tot = serializers.DateField(required=False)
    uitkomst = serializers.ChoiceField(choices=Uitkomst.choices, required=False)
    bedrag = serializers.DecimalField(max_digits=14, decimal_places=2, required=False, min_value=0)
    weken = serializers.IntegerField(required=False, min_value=1, max_value=8)
    uiterlijk = serializers.DateField(required=False)
    activiteitenverslag = serializers.CharField(required=False, allow_blank=True, max_length=20000)
    werkelijke_kosten = serializers.DecimalField(max_digits=14, decimal_places=2, required=False, min_value=0)
    accountantsverklaring = serializers.BooleanField(required=False)
    uitgevoerd_op = serializers.DateField(required=False)


class ActieSerializer(serializers.Serializer):
    actie = serializers.CharField()
    label = serializers.CharField()
    mogelijk = serializers.BooleanField()
    reden = serializers.DictField(child=serializers.CharField(), allow_null=True)


class BeschikkingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Beschikking
        fields = ["id", "aanvraag", "soort", "bedrag", "motivering", "verplichtingen", "verzonden_op",
                  "bezwaartermijn_tot", "beslisser", "aangemaakt_op"]


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


class SubsidieSerializer(serializers.ModelSerializer):
    publieke_status = PubliekeStatusField()
    verplichtingen = VerplichtingSerializer(many=True, read_only=True)
    betalingen = BetalingSerializer(many=True, read_only=True)

    class Meta:
        model = Subsidie
        fields = ["id", "aanvraag", "verleend_bedrag", "vastgesteld_bedrag", "verantwoordingsniveau",
                  "verantwoording_uiterlijk", "status", "publieke_status", "verplichtingen", "betalingen"]


class BudgetOverzichtSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    begrotingspost = serializers.CharField(source="begrotingspost.naam")
    boekjaar = serializers.IntegerField()
    fondsbron = serializers.CharField(source="fondsbron.naam")
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
