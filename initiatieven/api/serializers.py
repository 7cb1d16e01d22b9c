"""Shapes of the initiative resources. The rules live in `initiatieven.services` and the models' transitions."""
from rest_framework import serializers

from subsidies.api.serializers import BOEKJAAR, PubliekeStatusField, eigen
from subsidies.api.validation import ModelValidatie
from subsidies.models import Aanvraag, Organisatie, Subsidie

from ..models import (
    Adviesaanvraag, Bereik, Dimensie, Doel, Gebiedsteam, Indicator, Initiatief, Resultaat, Soort, Thema,
)


class ThemaSerializer(serializers.ModelSerializer):
    class Meta:
        model = Thema
        fields = ["code", "naam"]


class DimensieSerializer(serializers.ModelSerializer):
    class Meta:
        model = Dimensie
        fields = ["code", "naam"]


class IndicatorSerializer(ModelValidatie, serializers.ModelSerializer):
    class Meta:
        model = Indicator
        fields = ["id", "omschrijving", "streefwaarde", "eenheid"]


class InitiatiefDoelSerializer(ModelValidatie, serializers.ModelSerializer):
    """A goal with its indicators; the ids are what results are reported against."""

    indicatoren = IndicatorSerializer(many=True, required=False, max_length=20)

    class Meta:
        model = Doel
        fields = ["id", "omschrijving", "indicatoren"]
        extra_kwargs = {"omschrijving": {"max_length": 2000}}


class AdviesInHetDossierSerializer(serializers.ModelSerializer):
    """An advice asked about the request, as the file shows it."""

    adviseur_naam = serializers.CharField(read_only=True)
    publieke_status = PubliekeStatusField()

    class Meta:
        model = Adviesaanvraag
        fields = ["id", "adviseur", "gebiedsteam", "adviseur_naam", "vraag", "gevraagd_op", "termijn_tot", "status",
                  "publieke_status", "advies", "uitgebracht_op"]


class InitiatiefSerializer(ModelValidatie, serializers.ModelSerializer):
    """The initiative's own data beside its Aanvraag; editable while the request is a draft.

    `doelen` (with their indicators), when sent, replace the draft's goals; left out, they stay as they are.
    `adviesaanvragen`: the advice asked during review, part of the file.
    """

    soort = serializers.ChoiceField(choices=Soort.choices, read_only=True)
    themas = serializers.SlugRelatedField(many=True, slug_field="code", queryset=Thema.objects.all(), required=False)
    dimensies = serializers.SlugRelatedField(many=True, slug_field="code", queryset=Dimensie.objects.all(),
                                             required=False)
    doelen = InitiatiefDoelSerializer(many=True, required=False, max_length=20,
                            help_text="Maatschappelijk initiatief: de doelen, elk met minstens één indicator.")
    adviesaanvragen = AdviesInHetDossierSerializer(source="aanvraag.adviesaanvragen", many=True, read_only=True)

    class Meta:
        model = Initiatief
        fields = ["id", "aanvraag", "soort", "doelgroep", "locatie", "wanneer", "verwachte_deelnemers", "themas",
                  "dimensies", "doelen", "adviesaanvragen"]
        extra_kwargs = {"aanvraag": {"error_messages": {
            "does_not_exist": "Kies een aanvraag van uw eigen organisatie. / Choose a request of your own "
                              "organisation.",
        }}}

    def get_fields(self):
        fields = super().get_fields()
        fields["aanvraag"].queryset = eigen(self.context.get("request"), Aanvraag.objects.all(), "organisatie")
        return fields

    def validate_aanvraag(self, aanvraag):
        if self.instance is not None and aanvraag != self.instance.aanvraag:
            raise serializers.ValidationError("De aanvraag van een initiatief verandert niet. / The request of an "
                                              "initiative does not change.")
        if aanvraag.regeling.familie not in Soort.values:
            raise serializers.ValidationError("Deze aanvraag is niet voor een bewoners- of maatschappelijk initiatief. "
                                              "/ This request is not for an initiative.")
        return aanvraag


class IndicatorResultaatSerializer(ModelValidatie, serializers.ModelSerializer):
    class Meta:
        model = Resultaat
        fields = ["indicator", "gerealiseerd", "toelichting"]
        extra_kwargs = {"toelichting": {"max_length": 5000}}


class BereikSerializer(ModelValidatie, serializers.ModelSerializer):
    """What an initiative reached in a boekjaar. `resultaten`, when sent, replace the year's results."""

    resultaten = IndicatorResultaatSerializer(many=True, required=False, max_length=100)

    class Meta:
        model = Bereik
        fields = ["id", "subsidie", "boekjaar", "deelnemers", "vrijwilligers", "toelichting", "resultaten",
                  "gemeld_door", "gewijzigd_op"]
        read_only_fields = ["gemeld_door", "gewijzigd_op"]
        validators = []  # one report per subsidie and year: the service says so in words
        extra_kwargs = {
            "boekjaar": {**BOEKJAAR, "required": False,
                         "help_text": "Bij een meerjarige subsidie: het jaar; anders het jaar van de subsidie."},
            "deelnemers": {"max_value": 10_000_000}, "vrijwilligers": {"max_value": 10_000_000},
            "toelichting": {"max_length": 20000},
            "subsidie": {"error_messages": {"does_not_exist": "Kies een subsidie van uw eigen organisatie. / Choose a "
                                                              "subsidy of your own organisation."}},
        }

    def get_fields(self):
        fields = super().get_fields()
        fields["subsidie"].queryset = eigen(self.context.get("request"), Subsidie.objects.all(),
                                            "aanvraag__organisatie")
        return fields

    def validate_subsidie(self, subsidie):
        if self.instance is not None and subsidie != self.instance.subsidie:
            raise serializers.ValidationError("De subsidie van een melding verandert niet. / The subsidy of a report "
                                              "does not change.")
        return subsidie


class AdviesaanvraagSerializer(ModelValidatie, serializers.ModelSerializer):
    """A request for advice with what the adviser needs to know about the plan."""

    publieke_status = PubliekeStatusField()
    adviseur_naam = serializers.CharField(read_only=True)
    aanvraag_nummer = serializers.CharField(source="aanvraag.nummer", read_only=True)
    aanvraag_titel = serializers.CharField(source="aanvraag.titel", read_only=True)
    aanvraag_omschrijving = serializers.CharField(source="aanvraag.omschrijving", read_only=True)
    aanvrager_naam = serializers.CharField(source="aanvraag.organisatie.naam", read_only=True)
    wijk_naam = serializers.CharField(source="aanvraag.wijk.naam", read_only=True, default=None)

    class Meta:
        model = Adviesaanvraag
        fields = ["id", "aanvraag", "aanvraag_nummer", "aanvraag_titel", "aanvraag_omschrijving", "aanvrager_naam",
                  "wijk_naam", "adviseur", "gebiedsteam", "adviseur_naam", "vraag", "termijn_tot", "gevraagd_op",
                  "gevraagd_door", "advies", "uitgebracht_op", "uitgebracht_door", "status", "publieke_status"]
        read_only_fields = ["gevraagd_op", "gevraagd_door", "advies", "uitgebracht_op", "uitgebracht_door", "status"]
        extra_kwargs = {"vraag": {"max_length": 5000}}


class AdviseursQuerySerializer(serializers.Serializer):
    aanvraag = serializers.PrimaryKeyRelatedField(queryset=Aanvraag.objects.all())


class OrganisatieKortSerializer(serializers.ModelSerializer):
    class Meta:
        model = Organisatie
        fields = ["id", "naam"]


class GebiedsteamSerializer(serializers.ModelSerializer):
    class Meta:
        model = Gebiedsteam
        fields = ["id", "naam", "email", "gebied"]


class AdviseursSerializer(serializers.Serializer):
    """Who can be asked: the bewonersorganisaties of the request's wijk and the gebiedsteam of its gebied."""

    bewonersorganisaties = OrganisatieKortSerializer(many=True)
    gebiedsteam = GebiedsteamSerializer(allow_null=True)


class MonitoringQuerySerializer(serializers.Serializer):
    boekjaar = serializers.IntegerField(required=False, help_text="Standaard het huidige jaar.", **BOEKJAAR)
    formaat = serializers.ChoiceField(choices=["json", "csv"], required=False, default="json")


class CijfersSerializer(serializers.Serializer):
    aantal = serializers.IntegerField(help_text="Gefinancierde initiatieven.")
    verleend = serializers.DecimalField(max_digits=14, decimal_places=2, help_text="Verleend voor het boekjaar.")
    vastgesteld = serializers.DecimalField(max_digits=14, decimal_places=2, help_text="Tot nu toe vastgesteld.")
    verwachte_deelnemers = serializers.IntegerField(help_text="Volgens de aanvragen.")
    deelnemers = serializers.IntegerField(help_text="Gemeld bij het bereik.")
    vrijwilligers = serializers.IntegerField(help_text="Gemeld bij het bereik.")
    met_bereik = serializers.IntegerField(help_text="Initiatieven die hun bereik over het jaar meldden.")


class GroepSerializer(CijfersSerializer):
    code = serializers.CharField(allow_null=True, help_text="Soort, gebied (id), thema of dimensie; leeg: zonder.")
    naam = serializers.CharField()


class MonitoringSerializer(serializers.Serializer):
    boekjaar = serializers.IntegerField()
    totaal = CijfersSerializer()
    per_soort = GroepSerializer(many=True)
    per_gebied = GroepSerializer(many=True)
    per_thema = GroepSerializer(many=True, help_text="Een initiatief telt mee bij elk van zijn thema's.")
    per_dimensie = GroepSerializer(many=True, help_text="Een initiatief telt mee bij elk van zijn dimensies.")
