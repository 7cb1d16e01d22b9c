"""Organisations, their contact people, and officers' declared ties to them."""
from rest_framework import serializers

from ...models import Belangenverklaring, Contactpersoon, Organisatie
from ..validation import ModelValidatie


class ContactpersoonSerializer(serializers.ModelSerializer):
    class Meta:
        model = Contactpersoon
        fields = ["id", "naam", "functie", "email", "telefoon"]


class OrganisatieSerializer(ModelValidatie, serializers.ModelSerializer):
    contactpersonen = ContactpersoonSerializer(many=True, read_only=True)
    genormaliseerd = ("iban", "email")

    class Meta:
        model = Organisatie
        fields = [
            "id", "naam", "rechtsvorm", "kvk_nummer", "iban", "tenaamstelling", "straat", "postcode", "plaats",
            "gebied", "wijk", "email", "telefoon", "correspondentietaal", "contactpersonen",
        ]


class BelangenverklaringSerializer(serializers.ModelSerializer):
    """An officer's own declared tie to an organisation; from then on they cannot act on its requests."""

    organisatie_naam = serializers.CharField(source="organisatie.naam", read_only=True)

    class Meta:
        model = Belangenverklaring
        fields = ["id", "organisatie", "organisatie_naam", "toelichting", "verklaard_op"]
        read_only_fields = ["verklaard_op"]

    def validate_organisatie(self, organisatie):
        if Belangenverklaring.objects.filter(medewerker=self.context["request"].user, organisatie=organisatie).exists():
            raise serializers.ValidationError("U hebt een band met deze organisatie al gemeld. / You have already "
                                              "declared a tie to this organisation.")
        return organisatie
