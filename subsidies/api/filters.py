import django_filters

from ..models import Aanvraag, Betaling, Subsidie


class AanvraagFilter(django_filters.FilterSet):
    status = django_filters.MultipleChoiceFilter(choices=Aanvraag.Status.choices)
    regeling = django_filters.CharFilter(field_name="regeling__code")
    boekjaar = django_filters.NumberFilter(field_name="periode_van", lookup_expr="year")
    beslisdatum_voor = django_filters.DateFilter(field_name="uiterste_beslisdatum", lookup_expr="lte")
    ontvangen_vanaf = django_filters.DateFilter(field_name="ontvangen_op", lookup_expr="gte")
    zonder_behandelaar = django_filters.BooleanFilter(field_name="behandelaar", lookup_expr="isnull")

    class Meta:
        model = Aanvraag
        fields = ["status", "regeling", "organisatie", "gebied", "wijk", "behandelaar", "boekjaar"]


class SubsidieFilter(django_filters.FilterSet):
    status = django_filters.MultipleChoiceFilter(choices=Subsidie.Status.choices)

    class Meta:
        model = Subsidie
        fields = ["status", "aanvraag"]


class BetalingFilter(django_filters.FilterSet):
    status = django_filters.MultipleChoiceFilter(choices=Betaling.Status.choices)

    class Meta:
        model = Betaling
        fields = ["status", "soort", "subsidie"]
