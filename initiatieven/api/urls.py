from django.urls import path
from rest_framework.routers import SimpleRouter

from . import viewsets

router = SimpleRouter()
router.register("initiatieven", viewsets.InitiatiefViewSet)
router.register("adviesaanvragen", viewsets.AdviesaanvraagViewSet)
router.register("bereik", viewsets.BereikViewSet)
router.register("themas", viewsets.ThemaViewSet)
router.register("gezondheidsdimensies", viewsets.DimensieViewSet)

urlpatterns = [
    path("monitoring/initiatieven/", viewsets.MonitoringView.as_view(), name="monitoring-initiatieven"),
    *router.urls,
]
