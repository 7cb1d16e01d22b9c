"""The input of an action (transition) and the list of actions a user may take."""
from rest_framework import serializers

from workflows.transitions import REDEN_MAX

from ...models import Beeindiging, Bezwaar
from ...models.aanvragen import Uitkomst
from ...models.dwangsom import GeenDwangsom
from .base import BEDRAG, BOEKJAAR, BedragenPerJaarField, DoelSerializer, ResultaatSerializer, VoorwaardenSerializer


class TransitieSerializer(serializers.Serializer):
    """Input for an action. Each action uses the fields it needs; `reden` is the toelichting in the trail."""

    reden = serializers.CharField(required=False, allow_blank=True, default="", max_length=REDEN_MAX)
    ontvangen_op = serializers.DateField(required=False)
    termijn_tot = serializers.DateField(required=False)
    uitkomst = serializers.ChoiceField(choices=Uitkomst.choices, required=False)
    bedrag = serializers.DecimalField(**BEDRAG, required=False, min_value=0, help_text=(
        "Het bedrag van de actie; bij `gegrond_verklaren` van een bezwaar tegen een verlening of vaststelling het "
        "nieuwe, hogere bedrag (Awb 7:11)."))
    weken = serializers.IntegerField(required=False, min_value=1, max_value=8)
    uiterlijk = serializers.DateField(required=False)
    activiteitenverslag = serializers.CharField(required=False, allow_blank=True, max_length=20000)
    werkelijke_kosten = serializers.DecimalField(**BEDRAG, required=False, min_value=0)
    accountantsverklaring = serializers.BooleanField(required=False)
    uitgevoerd_op = serializers.DateField(required=False)
    # bezwaar
    adviescommissie = serializers.BooleanField(required=False, help_text="Bezwaar: een adviescommissie (Awb 7:13) "
                                               "adviseert; de beslistermijn wordt 12 weken.")
    hoorzitting_op = serializers.DateField(required=False, help_text="Bezwaar: de dag van de hoorzitting (Awb 7:2).")
    horen_achterwege = serializers.ChoiceField(choices=Bezwaar.HorenAchterwege.choices, required=False, help_text=(
        "Bezwaar: de grond van Awb 7:3 om niet te horen (`horen_achterwege_laten`). Bij `uitstellen_met_instemming` "
        "is `uiterlijk` de nieuwe beslisdatum en `reden` de instemming (Awb 7:10 lid 4)."))
    # the multi-year path
    jaarbedragen = BedragenPerJaarField(required=False, help_text="Voorgesteld bedrag per boekjaar.")
    voorwaarden = VoorwaardenSerializer(required=False)
    werkplan = serializers.CharField(required=False, allow_blank=True, max_length=20000)
    doelen = DoelSerializer(many=True, required=False, max_length=50)
    eigen_inkomsten = serializers.DecimalField(**BEDRAG, required=False, min_value=0)
    resultaten = ResultaatSerializer(many=True, required=False, max_length=50)
    grond = serializers.ChoiceField(choices=Beeindiging.Grond.choices, required=False)
    einde_boekjaar = serializers.IntegerField(required=False, help_text="Het laatste gesubsidieerde boekjaar.",
                                              **BOEKJAAR)
    afbouw = BedragenPerJaarField(required=False, help_text="Afbouwbedrag per boekjaar van de opzegtermijn.")
    compensatie = serializers.DecimalField(**BEDRAG, required=False, min_value=0)
    geen_dwangsom = serializers.ChoiceField(choices=GeenDwangsom.choices, required=False, help_text=(
        "Bij het vaststellen van een dwangsom: de grond van Awb 4:17 lid 6 waarom niets verschuldigd is."))
    # advice during review (initiatieven)
    advies = serializers.CharField(required=False, allow_blank=True, max_length=20000,
                                   help_text="Het advies van de bewonersorganisatie of het gebiedsteam.")


class ActieSerializer(serializers.Serializer):
    actie = serializers.CharField()
    label = serializers.CharField()
    mogelijk = serializers.BooleanField()
    reden = serializers.DictField(child=serializers.CharField(), allow_null=True)
