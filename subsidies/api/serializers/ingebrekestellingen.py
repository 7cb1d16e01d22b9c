"""Notices of default (Awb 4:17) and the payments of a dwangsom."""
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ...models.dwangsom import Dwangsombetaling, Ingebrekestelling
from ...services import dwangsom
from .base import PubliekeStatusField


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
