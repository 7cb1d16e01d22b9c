import django_filters

from subsidies.models import Wijk

from ..models import Bewonersorganisatie


class BewonersorganisatieFilter(django_filters.FilterSet):
    wijk = django_filters.ModelChoiceFilter(field_name="wijken", queryset=Wijk.objects.all(),
                                            help_text="Vertegenwoordigt (onder meer) deze wijk of dit dorp.")
    geregistreerd = django_filters.BooleanFilter(help_text="Geregistreerd in (een deel van) het boekjaar.")
    gesubsidieerd = django_filters.BooleanFilter(help_text="Heeft voor het boekjaar subsidie als bewonersorganisatie.")

    class Meta:
        model = Bewonersorganisatie
        fields = ["gebied", "wijk", "soort", "geregistreerd", "gesubsidieerd"]
