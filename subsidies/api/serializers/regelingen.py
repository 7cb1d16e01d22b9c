"""Regelingen with their plafonds and whether the money for a year is there yet."""
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ...models import Plafond, Regeling
from ...services import budgetstatus


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
