import django_filters

from subsidies.api.filters import JaarFilter
from subsidies.models import Gebied

from ..models import Accommodatie, Accommodatiegegevens, BegrotingStatus, Exploitatiebegroting, Onderhoudspost


class AccommodatieFilter(django_filters.FilterSet):
    soort = django_filters.MultipleChoiceFilter(choices=Accommodatie.Soort.choices, distinct=False)

    class Meta:
        model = Accommodatie
        fields = ["gebied", "wijk", "soort", "eigendom", "bestuur"]


class ExploitatiebegrotingFilter(django_filters.FilterSet):
    status = django_filters.MultipleChoiceFilter(choices=BegrotingStatus.choices, distinct=False)
    boekjaar = JaarFilter()
    gebied = django_filters.ModelChoiceFilter(field_name="accommodatie__gebied", queryset=Gebied.objects.all())

    class Meta:
        model = Exploitatiebegroting
        fields = ["accommodatie", "boekjaar", "status", "gebied"]


class OnderhoudspostFilter(django_filters.FilterSet):
    jaar = JaarFilter()

    class Meta:
        model = Onderhoudspost
        fields = ["accommodatie", "jaar"]


class AccommodatiegegevensFilter(django_filters.FilterSet):
    familie = django_filters.CharFilter(field_name="aanvraag__regeling__familie")

    class Meta:
        model = Accommodatiegegevens
        fields = ["aanvraag", "accommodatie", "familie"]
