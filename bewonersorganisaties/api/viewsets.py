"""`/api/bewonersorganisaties/`: the register, per boekjaar, readable by everyone logged in.

The gemeente publishes which wijk-, buurt- and dorpsorganisaties it registered and subsidises, so the register is
public information: every logged-in user reads it, applicants included. It shows only what the gemeente would
publish (name, area, residents, registration, the amount granted); the Organisatie's contact and bank details stay
scoped to its members. Behandelaars and beheerders keep it; nobody deletes a registration, it is ended with
`afgemeld_op` so the history stays.
"""
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, viewsets
from rest_framework.permissions import SAFE_METHODS, BasePermission

from subsidies.api.viewsets import ActingAsMixin
from subsidies.rollen import Rol, heeft_rol

from ..models import Bewonersorganisatie
from . import filters, serializers

BOEKJAAR = OpenApiParameter("boekjaar", int, description="Het boekjaar van `geregistreerd`, `gesubsidieerd` en "
                                                         "`subsidiebedrag`; standaard het huidige.")


class RegisterPermission(BasePermission):
    """Everyone logged in reads the register; behandelaars and beheerders keep it."""

    def has_permission(self, request, view):
        if not request.user.is_authenticated:
            return False
        return request.method in SAFE_METHODS or heeft_rol(request.user, Rol.BEHANDELAAR, Rol.BEHEERDER)


@extend_schema_view(list=extend_schema(parameters=[BOEKJAAR]), retrieve=extend_schema(parameters=[BOEKJAAR]))
class BewonersorganisatieViewSet(ActingAsMixin, mixins.CreateModelMixin, mixins.UpdateModelMixin,
                                 viewsets.ReadOnlyModelViewSet):
    """The register of bewonersorganisaties, public to everyone logged in: per `boekjaar` whether each was
    registered and what it was granted. Behandelaars and beheerders register, change and deregister
    (`afgemeld_op`); a registration is never deleted."""

    queryset = Bewonersorganisatie.objects.select_related("organisatie").prefetch_related("wijken")
    serializer_class = serializers.BewonersorganisatieSerializer
    permission_classes = [RegisterPermission]
    filterset_class = filters.BewonersorganisatieFilter
    ordering_fields = ["aantal_bewoners", "registratiedatum", "organisatie__naam", "id"]

    def get_queryset(self):
        params = serializers.BoekjaarSerializer(data=self.request.query_params)
        params.is_valid(raise_exception=True)
        boekjaar = params.validated_data.get("boekjaar", timezone.localdate().year)
        return super().get_queryset().met_boekjaar(boekjaar)

    def perform_create(self, serializer):
        super().perform_create(serializer)
        serializer.instance = self.get_queryset().get(pk=serializer.instance.pk)  # answer as a GET shows it

    def perform_update(self, serializer):
        super().perform_update(serializer)
        serializer.instance = self.get_queryset().get(pk=serializer.instance.pk)
