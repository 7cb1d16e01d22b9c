"""Subsidies: commitments, payments and payment runs, the years of a multi-year subsidy, its reserve."""
from django.utils import timezone
from rest_framework import serializers

from ...models import Beeindiging, Betaling, Jaartranche, Reservemutatie, Subsidie, Verplichting
from .base import DoelSerializer, PubliekeStatusField


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
