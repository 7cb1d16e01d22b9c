"""The council's budget per year, the meerjarenraming and the budget overview."""
from decimal import Decimal

from rest_framework import serializers

from ...models import Begrotingsjaar
from ..validation import ModelValidatie
from .base import BOEKJAAR


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
