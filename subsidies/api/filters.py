import django_filters
from django import forms
from rest_framework.filters import OrderingFilter

from workflows.models import AuditRecord

from ..models import Aanvraag, Betaling, Bezwaar, Ingebrekestelling, Jaartranche, Subsidie


class StableOrderingFilter(OrderingFilter):
    """`?ordering=` with the primary key as the last key, in the same direction as the one before it.

    Rows that tie (many requests share an uiterste_beslisdatum) then have one fixed place, so a row is never on
    two pages or on none, and an index on (field, id) serves the whole ORDER BY.
    """

    def get_ordering(self, request, queryset, view):
        ordering = super().get_ordering(request, queryset, view)
        if ordering and not {key.lstrip("-") for key in ordering} & {"pk", "id"}:
            ordering = [*ordering, "-pk" if ordering[-1].startswith("-") else "pk"]
        return ordering


class JaarFilter(django_filters.NumberFilter):
    """A calendar year: a whole number a date can have (year 0 or 2024.5 is bad input, not a crash)."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        super().__init__(*args, min_value=1, max_value=9998, **kwargs)


class AanvraagFilter(django_filters.FilterSet):
    # distinct=False: status is a column of the row itself, and SELECT DISTINCT over whole rows is costly
    status = django_filters.MultipleChoiceFilter(choices=Aanvraag.Status.choices, distinct=False)
    regeling = django_filters.CharFilter(field_name="regeling__code")
    boekjaar = JaarFilter(field_name="periode_van", lookup_expr="year")
    beslisdatum_voor = django_filters.DateFilter(field_name="uiterste_beslisdatum", lookup_expr="lte")
    ontvangen_vanaf = django_filters.DateFilter(field_name="ontvangen_op", lookup_expr="gte")
    zonder_behandelaar = django_filters.BooleanFilter(field_name="behandelaar", lookup_expr="isnull")
    dwangsom = django_filters.ChoiceFilter(
        field_name="ingebrekestellingen__status", choices=Ingebrekestelling.Status.choices,
        help_text="Aanvragen met een ingebrekestelling in deze status (Awb 4:17), bv. `dwangsom_loopt`.")

    class Meta:
        model = Aanvraag
        fields = ["status", "regeling", "organisatie", "gebied", "wijk", "behandelaar", "boekjaar"]


class BezwaarFilter(django_filters.FilterSet):
    status = django_filters.MultipleChoiceFilter(choices=Bezwaar.Status.choices, distinct=False)
    aanvraag = django_filters.NumberFilter(field_name="beschikking__aanvraag")
    beslisdatum_voor = django_filters.DateFilter(field_name="uiterste_beslisdatum", lookup_expr="lte")

    class Meta:
        model = Bezwaar
        fields = ["status", "beschikking", "aanvraag", "behandelaar", "tijdig", "adviescommissie"]


class SubsidieFilter(django_filters.FilterSet):
    status = django_filters.MultipleChoiceFilter(choices=Subsidie.Status.choices, distinct=False)

    class Meta:
        model = Subsidie
        fields = ["status", "aanvraag"]


class JaartrancheFilter(django_filters.FilterSet):
    status = django_filters.MultipleChoiceFilter(choices=Jaartranche.Status.choices, distinct=False)
    boekjaar = JaarFilter()
    te_laat = django_filters.BooleanFilter(help_text="Lopend terwijl de termijn voor de jaarverantwoording voorbij is.")

    class Meta:
        model = Jaartranche
        fields = ["status", "subsidie", "boekjaar", "afbouw", "te_laat"]


class BetalingFilter(django_filters.FilterSet):
    status = django_filters.MultipleChoiceFilter(choices=Betaling.Status.choices, distinct=False)

    class Meta:
        model = Betaling
        fields = ["status", "soort", "subsidie"]


class AuditRecordFilter(django_filters.FilterSet):
    object_type = django_filters.CharFilter(method="filter_object_type", help_text="Bijv. `subsidies.aanvraag`.")

    class Meta:
        model = AuditRecord
        fields = ["object_type", "object_id", "actie", "handeling", "actor", "request_id"]

    def filter_object_type(self, queryset, name, value):
        """`app_label.model`, so that `object_id` names one object and not one id of every type."""
        app_label, _, model = value.partition(".")
        return queryset.filter(object_type__app_label=app_label, object_type__model=model)
