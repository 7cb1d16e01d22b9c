from rest_framework.routers import SimpleRouter

from . import viewsets

router = SimpleRouter()
router.register("bewonersorganisaties", viewsets.BewonersorganisatieViewSet)

urlpatterns = router.urls
