"""The accommodation register, exploitation budgets, MJOP items and the family data of requests.

Board members see and write their own accommodation's budgets, MJOP and requests; staff, auditors and beheerders
see everything; behandelaars and beheerders keep the register. State changes are actions (`acties`).
"""
from django.db import transaction
from rest_framework import mixins, viewsets
from rest_framework.permissions import SAFE_METHODS, BasePermission

from subsidies.api.permissions import ApplicantOrStaff
from subsidies.api.viewsets import ScopedMixin, TransitionsMixin, met_acties
from subsidies.rollen import Rol, heeft_rol
from workflows.context import acting_as

from ..models import Accommodatie, Accommodatiegegevens, Exploitatiebegroting, Onderhoudspost
from . import filters, serializers


class RegisterBeheer(BasePermission):
    """The register: whoever may see an accommodation reads it; behandelaars and beheerders maintain it."""

    def has_permission(self, request, view):
        if not request.user.is_authenticated:
            return False
        return request.method in SAFE_METHODS or heeft_rol(request.user, Rol.BEHANDELAAR, Rol.BEHEERDER)


class AccommodatieViewSet(ScopedMixin, mixins.CreateModelMixin, mixins.UpdateModelMixin,
                          viewsets.ReadOnlyModelViewSet):
    """The register of sociaal-culturele accommodaties (speeltuinverenigingen included)."""

    queryset = Accommodatie.objects.select_related("bestuur")
    serializer_class = serializers.AccommodatieSerializer
    permission_classes = [RegisterBeheer]
    organisatie_path = "bestuur"
    filterset_class = filters.AccommodatieFilter
    ordering_fields = ["naam", "vloeroppervlak", "gebruikers_per_week"]


@met_acties(Exploitatiebegroting)
class ExploitatiebegrotingViewSet(ScopedMixin, TransitionsMixin, mixins.CreateModelMixin, mixins.UpdateModelMixin,
                                  viewsets.ReadOnlyModelViewSet):
    """Exploitation budgets per accommodation and boekjaar: the board writes a concept and submits it; a behandelaar
    approves or refuses it (`acties`)."""

    queryset = Exploitatiebegroting.objects.select_related("accommodatie").prefetch_related("regels")
    serializer_class = serializers.ExploitatiebegrotingSerializer
    permission_classes = [ApplicantOrStaff]
    organisatie_path = "accommodatie__bestuur"
    filterset_class = filters.ExploitatiebegrotingFilter
    ordering_fields = ["boekjaar", "ingediend_op", "id"]

    def get_queryset(self):
        # a query that sums drops the model's default order; give it back for stable pages
        return super().get_queryset().met_totalen().order_by(*Exploitatiebegroting._meta.ordering)


class OnderhoudspostViewSet(ScopedMixin, mixins.CreateModelMixin, mixins.UpdateModelMixin, mixins.DestroyModelMixin,
                            viewsets.ReadOnlyModelViewSet):
    """The meerjarenonderhoudsplan (MJOP) of each accommodation. An item a request was submitted on stays as it was."""

    queryset = Onderhoudspost.objects.select_related("accommodatie")
    serializer_class = serializers.OnderhoudspostSerializer
    permission_classes = [ApplicantOrStaff]
    organisatie_path = "accommodatie__bestuur"
    filterset_class = filters.OnderhoudspostFilter
    ordering_fields = ["jaar", "geraamde_kosten", "id"]

    def perform_destroy(self, instance):
        with acting_as(self.request.user), transaction.atomic():
            instance.delete()


class AccommodatiegegevensViewSet(ScopedMixin, mixins.CreateModelMixin, mixins.UpdateModelMixin,
                                  viewsets.ReadOnlyModelViewSet):
    """The family data of exploitatie- and onderhoudsaanvragen: which accommodation, which MJOP items. Written while
    the request is a draft; `?aanvraag=` finds a request's data."""

    queryset = Accommodatiegegevens.objects.select_related(
        "aanvraag__regeling", "accommodatie").prefetch_related("onderhoudsposten", "aanvraag__jaarbedragen")
    serializer_class = serializers.AccommodatiegegevensSerializer
    permission_classes = [ApplicantOrStaff]
    organisatie_path = "aanvraag__organisatie"
    filterset_class = filters.AccommodatiegegevensFilter
    ordering_fields = ["id"]
