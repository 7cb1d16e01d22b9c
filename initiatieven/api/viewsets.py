"""The initiative resources: family data of requests, advice during review, reach, reference lists, monitoring.

Applicants write their own initiatives while the request is a draft and report their reach; behandelaars read all
and ask advice; members of a bewonersorganisatie see and answer the advice asked of them. State changes of an
advice request are actions (`acties`).
"""
import csv

from django.db import transaction
from django.db.models import Prefetch, Q
from django.http import HttpResponse
from django.utils import timezone
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import mixins, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from subsidies.api import permissions
from subsidies.api.viewsets import ActingAsMixin, ScopedMixin, TransitionsMixin, met_acties
from subsidies.models import Organisatie
from subsidies.rollen import ziet_alles
from workflows.context import acting_as

from ..models import Adviesaanvraag, Bereik, Dimensie, Doel, Indicator, Initiatief, Thema
from ..services import advies, bereik, monitoring
from . import filters, serializers

ADVIES_IN_HET_DOSSIER = Prefetch("aanvraag__adviesaanvragen",
                                 queryset=Adviesaanvraag.objects.select_related("adviseur", "gebiedsteam"))


class ReferentieViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """Reference lists the forms choose from (by code): public, no login needed."""

    permission_classes = [AllowAny, permissions.ReadOnlyForAll]
    authentication_classes = []
    pagination_class = None
    filter_backends = []


class ThemaViewSet(ReferentieViewSet):
    """The themes an initiative can be tagged with."""

    queryset = Thema.objects.all()
    serializer_class = serializers.ThemaSerializer


class DimensieViewSet(ReferentieViewSet):
    """The six dimensions of positieve gezondheid."""

    queryset = Dimensie.objects.all()
    serializer_class = serializers.DimensieSerializer


class InitiatiefViewSet(ScopedMixin, mixins.CreateModelMixin, mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet):
    """The initiative data of requests (one per Aanvraag); written by the applicant while the request is a draft."""

    queryset = (Initiatief.objects.select_related("aanvraag__regeling")
                .prefetch_related("themas", "dimensies", Prefetch("doelen", queryset=Doel.objects.prefetch_related(
                    Prefetch("indicatoren", queryset=Indicator.objects.order_by("pk")))), ADVIES_IN_HET_DOSSIER)
                .order_by("-pk"))
    serializer_class = serializers.InitiatiefSerializer
    permission_classes = [permissions.ApplicantOrStaff]
    organisatie_path = "aanvraag__organisatie"
    filterset_class = filters.InitiatiefFilter
    ordering_fields = ["id"]

    def perform_create(self, serializer):
        self._save(serializer, serializer.validated_data["aanvraag"])

    def perform_update(self, serializer):
        self._save(serializer, serializer.instance.aanvraag)

    def _save(self, serializer, aanvraag):
        """Goals that were sent replace the draft's goals (with their indicators); left out, they stay."""
        aanvraag.controleer_onderdeel("initiatief")
        doelen = serializer.validated_data.pop("doelen", None)
        with acting_as(self.request.user), transaction.atomic():
            initiatief = serializer.save()
            if doelen is not None:
                for doel in initiatief.doelen.all():
                    for indicator in doel.indicatoren.all():
                        indicator.delete()  # each row its own trail record, not a silent cascade
                    doel.delete()
                for volgorde, doel in enumerate(doelen):
                    indicatoren = doel.pop("indicatoren", [])
                    nieuw = Doel.objects.create(initiatief=initiatief, volgorde=volgorde, **doel)
                    for indicator in indicatoren:
                        Indicator.objects.create(doel=nieuw, **indicator)
        serializer.instance = self.get_queryset().get(pk=initiatief.pk)  # answer as a GET shows it


class BereikViewSet(ScopedMixin, mixins.CreateModelMixin, mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Reach and results per boekjaar, reported by the recipient up to its verantwoording."""

    queryset = Bereik.objects.prefetch_related("resultaten").order_by("-pk")
    serializer_class = serializers.BereikSerializer
    permission_classes = [permissions.ApplicantOrStaff]
    organisatie_path = "subsidie__aanvraag__organisatie"
    filterset_class = filters.BereikFilter
    ordering_fields = ["boekjaar", "id"]

    def perform_create(self, serializer):
        self._meld(serializer, serializer.validated_data["subsidie"], None)

    def perform_update(self, serializer):
        self._meld(serializer, serializer.instance.subsidie, serializer.instance)

    def _meld(self, serializer, subsidie, huidig):
        velden = {"boekjaar": None, "toelichting": "", "deelnemers": None, "vrijwilligers": None}
        data = {**{naam: getattr(huidig, naam, leeg) for naam, leeg in velden.items()}, "resultaten": None,
                **serializer.validated_data}
        data.pop("subsidie", None)
        gemeld = bereik.meld_bereik(subsidie, self.request.user, bereik=huidig, **data)
        serializer.instance = self.get_queryset().get(pk=gemeld.pk)


@met_acties(Adviesaanvraag)
class AdviesaanvraagViewSet(ActingAsMixin, TransitionsMixin, mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Advice asked during review. Behandelaars ask (`POST`) and see all; members of the applicant's organisation
    and of the advising bewonersorganisatie see theirs; the adviser answers with the action `uitbrengen`."""

    queryset = Adviesaanvraag.objects.select_related("aanvraag__organisatie", "aanvraag__wijk", "adviseur",
                                                     "gebiedsteam").order_by("-pk")
    serializer_class = serializers.AdviesaanvraagSerializer
    filterset_class = filters.AdviesaanvraagFilter
    ordering_fields = ["termijn_tot", "gevraagd_op", "id"]

    def get_permissions(self):
        if self.action in ("create", "adviseurs"):
            return [permissions.Medewerker()]
        return [permissions.ApplicantOrStaff()]

    def get_queryset(self):
        queryset, user = super().get_queryset(), self.request.user
        if ziet_alles(user):
            return queryset
        eigen = Organisatie.objects.filter(leden=user) if user.is_authenticated else Organisatie.objects.none()
        return queryset.filter(Q(aanvraag__organisatie__in=eigen) | Q(adviseur__in=eigen))

    def perform_create(self, serializer):
        with acting_as(self.request.user), transaction.atomic():
            serializer.instance = advies.vraag_advies(user=self.request.user, **serializer.validated_data)

    @extend_schema(parameters=[serializers.AdviseursQuerySerializer], responses=serializers.AdviseursSerializer)
    @action(detail=False, methods=["get"], filter_backends=[], pagination_class=None)
    def adviseurs(self, request):
        """Whom the behandelaar can ask about a request: its wijk's bewonersorganisaties and its gebied's team."""
        params = serializers.AdviseursQuerySerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        organisaties, gebiedsteam = advies.mogelijke_adviseurs(params.validated_data["aanvraag"])
        return Response(serializers.AdviseursSerializer({"bewonersorganisaties": organisaties,
                                                         "gebiedsteam": gebiedsteam}).data)


class MonitoringView(APIView):
    """Funded initiatives of a boekjaar — number, amounts and reach — in total and per soort, gebied, theme and
    dimension of positieve gezondheid: the figures the council gets twice a year. `?formaat=csv` gives one table."""

    permission_classes = [permissions.StaffRead]

    @extend_schema(parameters=[serializers.MonitoringQuerySerializer], responses={
        200: OpenApiResponse(serializers.MonitoringSerializer, description="JSON; with `formaat=csv` a CSV table."),
    })
    def get(self, request):
        params = serializers.MonitoringQuerySerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        uitkomst = monitoring.cijfers(params.validated_data.get("boekjaar", timezone.localdate().year))
        if params.validated_data["formaat"] == "csv":
            response = HttpResponse(content_type="text/csv; charset=utf-8")
            response["Content-Disposition"] = f'attachment; filename="initiatieven-{uitkomst["boekjaar"]}.csv"'
            csv.writer(response, delimiter=";").writerows(monitoring.als_tabel(uitkomst))
            return response
        return Response(serializers.MonitoringSerializer(uitkomst).data)
