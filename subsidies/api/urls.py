from rest_framework.routers import DefaultRouter

from . import viewsets

router = DefaultRouter()
router.register("regelingen", viewsets.RegelingViewSet)
router.register("organisaties", viewsets.OrganisatieViewSet)
router.register("aanvragen", viewsets.AanvraagViewSet)
router.register("documenten", viewsets.DocumentViewSet)
router.register("verantwoordingsdocumenten", viewsets.VerantwoordingsdocumentViewSet)
router.register("subsidies", viewsets.SubsidieViewSet)
router.register("tranches", viewsets.JaartrancheViewSet)
router.register("betalingen", viewsets.BetalingViewSet)
router.register("beschikkingen", viewsets.BeschikkingViewSet)
router.register("aanvullingen", viewsets.AanvullingViewSet)
router.register("bezwaren", viewsets.BezwaarViewSet)
router.register("ingebrekestellingen", viewsets.IngebrekestellingViewSet)
router.register("dwangsombetalingen", viewsets.DwangsombetalingViewSet)
router.register("belangenverklaringen", viewsets.BelangenverklaringViewSet)
router.register("begroting", viewsets.BudgetOverzichtViewSet, basename="begroting")
router.register("begrotingsjaren", viewsets.BegrotingsjaarViewSet)
router.register("audittrail", viewsets.AuditRecordViewSet)

urlpatterns = router.urls
