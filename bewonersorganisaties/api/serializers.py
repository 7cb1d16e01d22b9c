"""The register as the API shows it: public facts about each organisation, and per boekjaar whether it was
registered and subsidised. Contact and bank details stay with the Organisatie, which only its members see."""
from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers

from subsidies.api.serializers import BOEKJAAR
from subsidies.api.validation import ModelValidatie, veldfouten

from ..models import Bewonersorganisatie, controleer_wijken



class BewonersorganisatieSerializer(ModelValidatie, serializers.ModelSerializer):
    naam = serializers.CharField(source="organisatie.naam", read_only=True)
    rechtsvorm = serializers.CharField(source="organisatie.rechtsvorm", read_only=True)
    geregistreerd = serializers.BooleanField(read_only=True, help_text="Geregistreerd in (een deel van) het boekjaar.")
    gesubsidieerd = serializers.BooleanField(
        read_only=True, help_text="Voor het boekjaar subsidie toegekend als bewonersorganisatie (niet ingetrokken).")
    subsidiebedrag = serializers.DecimalField(max_digits=14, decimal_places=2, read_only=True,
                                              help_text="Wat voor het boekjaar is toegekend.")

    class Meta:
        model = Bewonersorganisatie
        fields = ["id", "organisatie", "naam", "rechtsvorm", "soort", "gebied", "wijken", "werkgebied",
                  "aantal_bewoners", "registratiedatum", "afgemeld_op", "reden_afmelding", "geregistreerd",
                  "gesubsidieerd", "subsidiebedrag"]
        extra_kwargs = {"aantal_bewoners": {"min_value": 1, "max_value": 1_000_000}}

    def validate_organisatie(self, organisatie):
        if self.instance is not None and organisatie != self.instance.organisatie:
            raise serializers.ValidationError("Een registratie hoort bij één organisatie; registreer een andere "
                                              "organisatie apart. / A registration belongs to one organisation.")
        return organisatie

    def validate(self, attrs):
        """The register's rules (the model's, see ModelValidatie), and the wijken in the gebied as they will be."""
        gebied = attrs.get("gebied", getattr(self.instance, "gebied", None))
        wijken = attrs.get("wijken", self.instance.wijken.all() if self.instance is not None else [])
        try:
            controleer_wijken(gebied, wijken)
        except DjangoValidationError as exc:
            raise serializers.ValidationError(veldfouten(exc)) from exc
        return super().validate(attrs)


class BoekjaarSerializer(serializers.Serializer):
    boekjaar = serializers.IntegerField(required=False, **BOEKJAAR)
