"""The portal with stand-ins for the pages of the other portal parts, so a test can see that this part links to
them by the names of the URL contract (whatever their paths become)."""
from django.http import HttpResponse
from django.urls import include, path

from portaal.urls import urlpatterns as portaal


def _stand_in(request, **kwargs):
    return HttpResponse("stand-in")


ANDERE_PAGINAS = [
    path("x/aanvraag/<str:regeling>/", _stand_in, name="aanvraag_starten"),
    path("x/invullen/<int:pk>/", _stand_in, name="aanvraag_invullen"),
    path("x/ontvangst/<int:pk>/", _stand_in, name="ontvangstbevestiging"),
    path("x/keuzehulp/", _stand_in, name="keuzehulp"),
    path("x/aanvulling/<int:pk>/", _stand_in, name="aanvulling"),
    path("x/werkplan/<int:pk>/", _stand_in, name="werkplan"),
    path("x/verantwoording/<int:pk>/", _stand_in, name="verantwoording"),
]

urlpatterns = [path("portaal/", include(([*portaal, *ANDERE_PAGINAS], "portaal")))]
