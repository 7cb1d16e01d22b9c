"""API viewsets: thin. Scoping by role, then serializers and the one transition service do the work."""
from django.db import transaction
from django.db.models import BooleanField, DecimalField, ExpressionWrapper, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.parsers import MultiPartParser
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from workflows.context import acting_as
from workflows.models import AuditRecord
from workflows.transitions import available_actions, perform

from ..models import (
    Aanvraag, Aanvulling, Begrotingsjaar, Begrotingsregel, Belangenverklaring, Beschikking, Betaling, Bezwaar, Budget,
    Document, Dwangsombetaling, Ingebrekestelling, Jaarbedrag, Jaartranche, Organisatie, Regeling, Reservemutatie,
    Subsidie, Verantwoordingsdocument,
)
from ..rollen import ziet_alles, zichtbaar
from ..services import betaalrun as betaalrun_service
from ..services import brieven
from ..services.budget import ZERO, meerjarenraming, overzicht
from ..services.documenten import als_download, voeg_document_toe
from . import filters, permissions, serializers


class ActingAsMixin:
    """Writes through the API are attributed to the caller in the trail, in one transaction."""

    def perform_create(self, serializer):
        with acting_as(self.request.user), transaction.atomic():
            serializer.save()

    def perform_update(self, serializer):
        with acting_as(self.request.user), transaction.atomic():
            serializer.save()


class ScopedMixin(ActingAsMixin):
    """Applicants see their own organisations' data only; staff, auditors and beheerders see everything."""

    organisatie_path = "organisatie"  # from the model to its Organisatie; "" when the model is the Organisatie

    def get_queryset(self):
        return zichtbaar(super().get_queryset(), self.request.user, self.organisatie_path)


class TransitionsMixin:
    """`GET …/{id}/acties/` lists the actions and why any is not possible; `POST …/{id}/acties/{actie}/` runs one."""

    @extend_schema(responses=serializers.ActieSerializer(many=True))
    @action(detail=True, methods=["get"], url_path="acties", filter_backends=[], pagination_class=None)
    def acties(self, request, pk=None):
        return Response(available_actions(self.get_object(), request.user))

    @extend_schema(request=serializers.TransitieSerializer,
                   parameters=[OpenApiParameter("actie", str, OpenApiParameter.PATH)])
    @action(detail=True, methods=["post"], url_path=r"acties/(?P<actie>[^/.]+)", filter_backends=[])
    def actie(self, request, pk=None, actie=None):
        obj = self.get_object()
        # partial: a field the client did not send stays absent, also in form data (no implicit False)
        params = serializers.TransitieSerializer(data=request.data, partial=True)
        params.is_valid(raise_exception=True)
        data = dict(params.validated_data)
        obj = perform(obj, actie, request.user, reden=data.pop("reden", ""), **data)
        return Response(self.get_serializer(self.get_queryset().get(pk=obj.pk)).data)  # as a GET shows it


def met_acties(model):
    """Document the actions of `model`'s state machine as the choices of the `actie` path parameter."""
    names = sorted({t.name for t in model._meta.get_field("status").get_all_transitions(model)})
    return extend_schema_view(actie=extend_schema(parameters=[
        OpenApiParameter("actie", str, OpenApiParameter.PATH, enum=names,
                         description="Een actie uit `GET …/acties/`; een onbekende naam geeft 400 `onbekende_actie`."),
    ]))


class RegelingViewSet(viewsets.ReadOnlyModelViewSet):
    """The open regelingen: public, no login needed."""

    queryset = Regeling.objects.filter(actief=True).select_related("begrotingspost").prefetch_related("plafonds")
    serializer_class = serializers.RegelingSerializer
    permission_classes = [AllowAny, permissions.ReadOnlyForAll]
    authentication_classes = []
    filterset_fields = ["meerjarig", "verdeelmethode"]
    ordering_fields = ["naam", "code"]


class OrganisatieViewSet(ScopedMixin, mixins.CreateModelMixin, mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet):
    queryset = Organisatie.objects.prefetch_related("contactpersonen")
    serializer_class = serializers.OrganisatieSerializer
    permission_classes = [permissions.ApplicantOrStaff]
    organisatie_path = ""
    filterset_fields = ["rechtsvorm", "gebied"]
    ordering_fields = ["naam", "aangemaakt_op"]

    def perform_create(self, serializer):
        with acting_as(self.request.user), transaction.atomic():
            organisatie = serializer.save()
            if not ziet_alles(self.request.user):
                organisatie.leden.add(self.request.user)


@met_acties(Aanvraag)
class AanvraagViewSet(ScopedMixin, TransitionsMixin, mixins.CreateModelMixin, mixins.UpdateModelMixin,
                      viewsets.ReadOnlyModelViewSet):
    """Requests. Applicants create and edit drafts; every change of status is an action (`acties`)."""

    queryset = Aanvraag.objects.select_related("organisatie", "regeling", "behandelaar").order_by("-pk")
    permission_classes = [permissions.ApplicantOrStaff]
    filterset_class = filters.AanvraagFilter
    ordering_fields = ["uiterste_beslisdatum", "ontvangen_op", "volledig_op", "gevraagd_bedrag", "id"]
    REGELS = {"begroting": Begrotingsregel, "jaarbedragen": Jaarbedrag}  # a draft's nested lines, by related name

    def get_serializer_class(self):
        return serializers.AanvraagListSerializer if self.action == "list" else serializers.AanvraagSerializer

    def get_queryset(self):
        queryset = super().get_queryset()
        return queryset if self.action == "list" else queryset.prefetch_related(
            "begroting", "jaarbedragen", "aanvullingen", "ingebrekestellingen__aanvraag__beschikkingen")

    def perform_create(self, serializer):
        self._save(serializer)

    def perform_update(self, serializer):
        self._save(serializer)  # the model refuses what its lifecycle has fixed (Lifecycle.wijzigbaar)

    def _save(self, serializer):
        """Lines that were sent replace the draft's lines; lines that were left out stay as they were."""
        regels = {naam: serializer.validated_data.pop(naam, None) for naam in self.REGELS}
        with acting_as(self.request.user), transaction.atomic():
            aanvraag = serializer.save()
            for naam, rijen in regels.items():
                if rijen is None:
                    continue
                for regel in getattr(aanvraag, naam).all():
                    regel.delete()
                for rij in rijen:
                    self.REGELS[naam].objects.create(aanvraag=aanvraag, **rij)

    @extend_schema(methods=["GET"], responses=serializers.DocumentSerializer(many=True))
    @extend_schema(methods=["POST"], request={"multipart/form-data": serializers.DocumentSerializer},
                   responses={201: serializers.DocumentSerializer(many=True)})
    @action(detail=True, methods=["get", "post"], url_path="documenten", parser_classes=[MultiPartParser],
            filter_backends=[], pagination_class=None)
    def documenten(self, request, pk=None):
        """The request's documents, as a list (not paged: a request has a handful); `POST` adds one (multipart:
        `bestand`, `omschrijving`) and answers with the list. Each `bestand` is its download link."""
        aanvraag = self.get_object()
        created = request.method == "POST"
        if created:
            upload = serializers.DocumentSerializer(data=request.data)
            upload.is_valid(raise_exception=True)
            voeg_document_toe(aanvraag, user=request.user, **upload.validated_data)
        documenten = serializers.DocumentSerializer(aanvraag.documenten.all(), many=True, context={"request": request})
        return Response(documenten.data, status=201 if created else 200)


class DownloadNegotiation(BaseContentNegotiation):
    """A download is the file it is, whatever the client's Accept header says; an error is JSON."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class DocumentViewSet(ScopedMixin, viewsets.GenericViewSet):
    """A document's file, for whoever may see its request: the organisation's members, staff, auditors and
    beheerders. Others get 404, as for the request itself."""

    queryset = Document.objects.all()
    permission_classes = [permissions.ApplicantOrStaff]
    organisatie_path = "aanvraag__organisatie"
    renderer_classes = [JSONRenderer]
    content_negotiation_class = DownloadNegotiation

    @extend_schema(responses={(200, "application/octet-stream"): OpenApiTypes.BINARY},
                   description="Het bestand, als bijlage onder de naam waarmee het werd geüpload; het content-type "
                               "is het gecontroleerde soort bestand.")
    @action(detail=True, methods=["get"], filter_backends=[], pagination_class=None)
    def download(self, request, pk=None):
        try:
            return als_download(self.get_object())
        except Http404:
            raise NotFound from None  # the row without its file: nothing to hand out


class VerantwoordingsdocumentViewSet(DocumentViewSet):
    """A file sent with a verantwoording, for whoever may see its subsidie; others get 404."""

    queryset = Verantwoordingsdocument.objects.all()
    organisatie_path = "subsidie__aanvraag__organisatie"


# the last line of a subsidie's egalisatiereserve holds its balance
RESERVESALDO = Coalesce(
    Subquery(Reservemutatie.objects.filter(subsidie=OuterRef("pk")).order_by("-pk").values("saldo_na")[:1]),
    Value(ZERO), output_field=DecimalField(),
)


@met_acties(Subsidie)
class SubsidieViewSet(ScopedMixin, TransitionsMixin, viewsets.ReadOnlyModelViewSet):
    queryset = (Subsidie.objects.select_related("aanvraag", "beeindiging")
                .prefetch_related("verplichtingen", "betalingen", "tranches").annotate(reserve_saldo=RESERVESALDO))
    serializer_class = serializers.SubsidieSerializer
    permission_classes = [permissions.ApplicantOrStaff]
    organisatie_path = "aanvraag__organisatie"
    filterset_class = filters.SubsidieFilter
    ordering_fields = ["aangemaakt_op", "verleend_bedrag", "verantwoording_uiterlijk"]

    @extend_schema(responses=serializers.ReserveSerializer)
    @action(detail=True, methods=["get"], filter_backends=[], pagination_class=None)
    def reserve(self, request, pk=None):
        """The egalisatiereserve ledger (Awb 4:72): every line with the balance after it, and the balance now."""
        subsidie = self.get_object()
        reserve = {"saldo": subsidie.reserve_saldo, "mutaties": subsidie.reservemutaties.order_by("pk")}
        return Response(serializers.ReserveSerializer(reserve).data)


@met_acties(Jaartranche)
class JaartrancheViewSet(ScopedMixin, TransitionsMixin, viewsets.ReadOnlyModelViewSet):
    """The boekjaren of multi-year subsidies; each runs its own lifecycle (`acties`)."""

    queryset = Jaartranche.objects.select_related("subsidie__aanvraag__organisatie").order_by("subsidie_id", "boekjaar")
    serializer_class = serializers.JaartrancheSerializer
    permission_classes = [permissions.ApplicantOrStaff]
    organisatie_path = "subsidie__aanvraag__organisatie"
    filterset_class = filters.JaartrancheFilter
    ordering_fields = ["boekjaar", "verantwoording_uiterlijk", "werkplan_uiterlijk", "bedrag", "id"]

    def get_queryset(self):
        te_laat = Q(status=Jaartranche.Status.LOPEND, verantwoording_uiterlijk__lt=timezone.localdate())
        return super().get_queryset().annotate(te_laat=ExpressionWrapper(te_laat, output_field=BooleanField()))


@met_acties(Betaling)
class BetalingViewSet(ScopedMixin, TransitionsMixin, viewsets.ReadOnlyModelViewSet):
    queryset = Betaling.objects.all()
    serializer_class = serializers.BetalingSerializer
    permission_classes = [permissions.ApplicantOrStaff]
    organisatie_path = "subsidie__aanvraag__organisatie"
    filterset_class = filters.BetalingFilter
    ordering_fields = ["gepland_op", "uitgevoerd_op", "bedrag"]

    @extend_schema(request=serializers.BetaalrunSerializer, responses=serializers.BetaalrunResultaatSerializer)
    @action(detail=False, methods=["post"], permission_classes=[permissions.Medewerker], filter_backends=[],
            pagination_class=None)
    def betaalrun(self, request):
        """Plan every advance that is due on `peildatum` per the tranches' schedules; a second run adds nothing."""
        params = serializers.BetaalrunSerializer(data=request.data)
        params.is_valid(raise_exception=True)
        betalingen = betaalrun_service.betaalrun(params.validated_data.get("peildatum"), request.user)
        return Response(serializers.BetaalrunResultaatSerializer({"aantal": len(betalingen),
                                                                  "betalingen": betalingen}).data)


@met_acties(Ingebrekestelling)
class IngebrekestellingViewSet(ScopedMixin, TransitionsMixin, viewsets.ReadOnlyModelViewSet):
    """Notices of default (Awb 4:17) with the running risk of their dwangsom. One is made by the request's action
    `in_gebreke_stellen`; the daily job starts and stops the dwangsom; `dwangsom_vaststellen` sets it (4:18)."""

    queryset = (Ingebrekestelling.objects.select_related("aanvraag")
                .prefetch_related("aanvraag__beschikkingen").order_by("-ontvangen_op", "-pk"))
    serializer_class = serializers.IngebrekestellingSerializer
    permission_classes = [permissions.ApplicantOrStaff]
    organisatie_path = "aanvraag__organisatie"
    filterset_fields = ["status", "aanvraag"]
    ordering_fields = ["ontvangen_op"]


@met_acties(Dwangsombetaling)
class DwangsombetalingViewSet(ScopedMixin, TransitionsMixin, viewsets.ReadOnlyModelViewSet):
    """What a dwangsom beschikking (4:18) obliges the municipality to pay, from its general funds."""

    queryset = Dwangsombetaling.objects.order_by("gepland_op", "pk")
    serializer_class = serializers.DwangsombetalingSerializer
    permission_classes = [permissions.ApplicantOrStaff]
    organisatie_path = "ingebrekestelling__aanvraag__organisatie"
    filterset_fields = ["status"]
    ordering_fields = ["gepland_op"]


class BelangenverklaringViewSet(ActingAsMixin, mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """An officer declares their own ties (DESIGN §5): each blocks them at once from that organisation's requests
    (`rollen.heeft_belang`). They see their own declarations only and cannot remove one; a beheerder can, in the
    admin."""

    queryset = Belangenverklaring.objects.select_related("organisatie").order_by("-verklaard_op", "-pk")
    serializer_class = serializers.BelangenverklaringSerializer
    permission_classes = [permissions.Medewerker]
    filter_backends = []

    def get_queryset(self):
        return super().get_queryset().filter(medewerker=self.request.user)

    def perform_create(self, serializer):
        with acting_as(self.request.user), transaction.atomic():
            serializer.save(medewerker=self.request.user)


class BriefMixin:
    """`GET …/{id}/brief/`: the letter as PDF/A, for whoever may see the request (others 404, as for the object);
    made now if it was not made yet. `?taal=en` for English; default the organisation's correspondentietaal."""

    @extend_schema(
        parameters=[OpenApiParameter("taal", str, OpenApiParameter.QUERY, enum=["nl", "en"], required=False,
                                     description="De taal van de brief; standaard die van de organisatie.")],
        responses={(200, "application/pdf"): OpenApiTypes.BINARY},
        description="De brief als PDF/A-bijlage. Bestaat hij nog niet, dan wordt hij nu gemaakt.")
    @action(detail=True, methods=["get"], filter_backends=[], pagination_class=None,
            renderer_classes=[JSONRenderer], content_negotiation_class=DownloadNegotiation)
    def brief(self, request, pk=None):
        params = serializers.BriefTaalSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        onderwerp = self.get_object()
        try:
            return brieven.als_download(brieven.laatste_brief(onderwerp, params.validated_data.get("taal")))
        except Http404:
            raise NotFound from None  # the row without its file: nothing to hand out


class BeschikkingViewSet(BriefMixin, ScopedMixin, viewsets.ReadOnlyModelViewSet):
    """The decisions on the requests one may see, each with its letter (`…/{id}/brief/`)."""

    queryset = Beschikking.objects.all()
    serializer_class = serializers.BeschikkingSerializer
    permission_classes = [permissions.ApplicantOrStaff]
    organisatie_path = "aanvraag__organisatie"
    filterset_fields = ["aanvraag", "soort"]
    ordering_fields = ["verzonden_op", "bezwaartermijn_tot"]


@met_acties(Bezwaar)
class BezwaarViewSet(ScopedMixin, TransitionsMixin, mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Objections. The organisation's member files one against its decision; an officer registers one received on
    paper; every change after that is an action (`acties`). Officers filter the queue by status and decision date."""

    queryset = Bezwaar.objects.select_related("beschikking").order_by("uiterste_beslisdatum", "pk")
    serializer_class = serializers.BezwaarSerializer
    permission_classes = [permissions.ApplicantOrStaff]
    organisatie_path = "beschikking__aanvraag__organisatie"
    filterset_class = filters.BezwaarFilter
    ordering_fields = ["uiterste_beslisdatum", "ontvangen_op", "id"]

    def perform_create(self, serializer):
        serializer.save()  # services.bezwaren.dien_in: its own transaction, in the caller's name


class AanvullingViewSet(BriefMixin, ScopedMixin, viewsets.GenericViewSet):
    """A request for missing information, for its letter only (the request itself shows its aanvullingen)."""

    queryset = Aanvulling.objects.all()
    serializer_class = serializers.AanvullingSerializer
    permission_classes = [permissions.ApplicantOrStaff]
    organisatie_path = "aanvraag__organisatie"


class BudgetOverzichtViewSet(viewsets.GenericViewSet, mixins.ListModelMixin):
    """The ledger per begrotingspost × boekjaar × fondsbron: budget, ceiling, committed, paid, settled, free."""

    queryset = Budget.objects.all()
    serializer_class = serializers.BudgetOverzichtSerializer
    permission_classes = [permissions.StaffRead]
    filterset_fields = ["boekjaar", "begrotingspost", "fondsbron"]
    filter_backends = [DjangoFilterBackend]  # the ledger has one fixed order: post, boekjaar, fondsbron
    pagination_class = None

    def list(self, request, *args, **kwargs):
        rows = overzicht(self.filter_queryset(self.get_queryset()))
        return Response(self.get_serializer(rows, many=True).data)

    @extend_schema(responses=serializers.MeerjarenramingSerializer(many=True), parameters=[
        OpenApiParameter("vanaf", int, description="Het eerste boekjaar; standaard het huidige."),
    ])
    @action(detail=False, methods=["get"], serializer_class=serializers.MeerjarenramingSerializer)
    def meerjarenraming(self, request):
        """What each begrotingspost × fondsbron has promised per boekjaar from `vanaf` on, definitively and under
        the begrotingsvoorbehoud, against the budget (raming) and whether the council has adopted it."""
        params = serializers.MeerjarenramingQuerySerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        vanaf = params.validated_data.get("vanaf", timezone.localdate().year)
        rows = meerjarenraming(vanaf, self.filter_queryset(self.get_queryset()))
        return Response(self.get_serializer(rows, many=True).data)


class BegrotingsjaarViewSet(ActingAsMixin, mixins.CreateModelMixin, mixins.UpdateModelMixin,
                            viewsets.ReadOnlyModelViewSet):
    """The council's budget per boekjaar: adoption date (begrotingsvoorbehoud) and indexation. Beheerders write."""

    queryset = Begrotingsjaar.objects.order_by("boekjaar")
    serializer_class = serializers.BegrotingsjaarSerializer
    permission_classes = [permissions.BeheerderWrites]
    lookup_field = "boekjaar"
    lookup_value_regex = "[0-9]+"
    filter_backends = []  # a handful of rows, in year order


class AuditRecordViewSet(viewsets.ReadOnlyModelViewSet):
    """The accountability trail, for auditors."""

    queryset = AuditRecord.objects.select_related("object_type").order_by("volgnummer")
    serializer_class = serializers.AuditRecordSerializer
    permission_classes = [permissions.AuditorRead]
    lookup_field = "volgnummer"
    filterset_class = filters.AuditRecordFilter
    ordering_fields = ["volgnummer"]
