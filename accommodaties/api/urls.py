from rest_framework.routers import SimpleRouter

from . import viewsets

router = SimpleRouter()
router.register("accommodaties", viewsets.AccommodatieViewSet)
router.register("exploitatiebegrotingen", viewsets.ExploitatiebegrotingViewSet)
router.register("onderhoudsposten", viewsets.OnderhoudspostViewSet)
router.register("accommodatiegegevens", viewsets.AccommodatiegegevensViewSet)

urlpatterns = router.urls
