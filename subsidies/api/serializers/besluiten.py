"""Decisions (beschikkingen), objections against them, and the language of a letter."""
from rest_framework import serializers

from ...models import Beschikking, Bezwaar
from ...services import bezwaren
from ..validation import ModelValidatie
from .base import PubliekeStatusField, eigen


class BriefTaalSerializer(serializers.Serializer):
    """The language a letter is asked in (`?taal=`); without it, the organisation's own."""

    taal = serializers.ChoiceField(choices=["nl", "en"], required=False)


class BeschikkingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Beschikking
        fields = ["id", "aanvraag", "soort", "bedrag", "motivering", "verplichtingen", "verzonden_op",
                  "bezwaartermijn_tot", "rechtsmiddel", "herroept", "beslisser", "aangemaakt_op"]


class BezwaarSerializer(ModelValidatie, serializers.ModelSerializer):
    """An objection against a beschikking. Filed by the organisation's member (today) or registered by an officer
    from paper (with its dates); after that every change is an action (`acties`)."""

    nummer = serializers.CharField(read_only=True)
    publieke_status = PubliekeStatusField()
    aanvraag = serializers.IntegerField(source="beschikking.aanvraag_id", read_only=True)
    # Declared, not derived: DRF drops allow_blank from read-only model fields, and the schema must admit "" (not yet).
    horen_achterwege = serializers.ChoiceField(choices=Bezwaar.HorenAchterwege.choices, allow_blank=True,
                                               read_only=True)
    herziening = serializers.ChoiceField(choices=Bezwaar.Herziening.choices, allow_blank=True, read_only=True)
    bezwaartermijn_tot = serializers.DateField(source="beschikking.bezwaartermijn_tot", read_only=True,
                                               help_text="Het einde van de bezwaartermijn (Awb 6:7, 6:8).")

    class Meta:
        model = Bezwaar
        fields = [
            "id", "nummer", "beschikking", "aanvraag", "bezwaartermijn_tot", "gronden", "indiener", "ingediend_door",
            "op_papier", "ontvangen_op", "ter_post_op", "tijdig", "verschoonbaar_reden", "adviescommissie",
            "uiterste_beslisdatum", "verdaagd", "uitgesteld_tot", "uitstel_instemming", "hoorzitting_op",
            "horen_achterwege", "horen_achterwege_reden", "behandelaar", "beslissing", "herziening", "status",
            "publieke_status", "aangemaakt_op",
        ]
        read_only_fields = ["ingediend_door", "op_papier", "tijdig", "verschoonbaar_reden", "uiterste_beslisdatum",
                            "verdaagd", "uitgesteld_tot", "uitstel_instemming", "hoorzitting_op", "horen_achterwege",
                            "horen_achterwege_reden", "behandelaar", "beslissing", "herziening", "status",
                            "aangemaakt_op"]
        extra_kwargs = {
            "ontvangen_op": {"required": False, "help_text": "Alleen een behandelaar (papieren bezwaar); anders vandaag."},
            "ter_post_op": {"help_text": "Alleen een behandelaar: de datum van het poststempel (Awb 6:9 lid 2)."},
            "adviescommissie": {"help_text": "Alleen een behandelaar: een adviescommissie (Awb 7:13) adviseert."},
            "beschikking": {"error_messages": {
                "does_not_exist": "Kies een besluit over een aanvraag van uw eigen organisatie. / Choose a decision on "
                                  "a request of your own organisation.",
            }},
        }

    def get_fields(self):
        """An applicant objects only to their own organisations' decisions."""
        fields = super().get_fields()
        fields["beschikking"].queryset = eigen(self.context.get("request"), Beschikking.objects.all(),
                                               "aanvraag__organisatie")
        return fields

    def create(self, validated_data):
        return bezwaren.dien_in(validated_data.pop("beschikking"), self.context["request"].user, **validated_data)
