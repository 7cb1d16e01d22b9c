import django_filters

from subsidies.api.filters import JaarFilter

from ..models import Adviesaanvraag, AdviesStatus, Bereik, Initiatief, Soort


class InitiatiefFilter(django_filters.FilterSet):
    soort = django_filters.ChoiceFilter(choices=Soort.choices, field_name="aanvraag__regeling__familie")
    gebied = django_filters.NumberFilter(field_name="aanvraag__gebied")
    wijk = django_filters.NumberFilter(field_name="aanvraag__wijk")
    thema = django_filters.CharFilter(field_name="themas__code", distinct=True)
    dimensie = django_filters.CharFilter(field_name="dimensies__code", distinct=True)

    class Meta:
        model = Initiatief
        fields = ["aanvraag", "soort", "gebied", "wijk", "thema", "dimensie"]


class AdviesaanvraagFilter(django_filters.FilterSet):
    status = django_filters.MultipleChoiceFilter(choices=AdviesStatus.choices, distinct=False)
    termijn_voor = django_filters.DateFilter(field_name="termijn_tot", lookup_expr="lte")

    class Meta:
        model = Adviesaanvraag
        fields = ["aanvraag", "status", "adviseur", "gebiedsteam", "termijn_voor"]


class BereikFilter(django_filters.FilterSet):
    boekjaar = JaarFilter()

    class Meta:
        model = Bereik
        fields = ["subsidie", "boekjaar"]
