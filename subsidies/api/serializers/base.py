"""Shapes shared by the resources: limits of years and amounts, the public status, strict JSON objects."""
import re
from decimal import Decimal

from rest_framework import serializers

from ...models import Voorschotschema
from ...rollen import zichtbaar
from ...validators import BEDRAG_MAX, BOEKJAAR_MAX, BOEKJAAR_MIN


BOEKJAAR = {"min_value": BOEKJAAR_MIN, "max_value": BOEKJAAR_MAX}  # as the models' boekjaar fields (validators.py)
BEDRAG = {"max_digits": 14, "decimal_places": 2, "max_value": BEDRAG_MAX}  # an amount a transition takes


def PubliekeStatusField():  # noqa: N802 - reads like a field declaration
    """The plain-language status an applicant sees, in Dutch and English."""
    return serializers.DictField(child=serializers.CharField(), read_only=True)


def eigen(request, queryset, pad: str):
    """The objects an applicant may choose in a form: their own organisations' (see `rollen.zichtbaar`); staff
    choose from all, and so does code that runs without a request."""
    return queryset if request is None else zichtbaar(queryset, request.user, pad)


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
