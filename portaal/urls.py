"""Every page of the applicant portal, with the module its view lives in."""
from django.urls import path

from .views import aanvulling, keuzehulp, overzicht, verantwoording

app_name = "portaal"

urlpatterns = [
    path("", overzicht.OverzichtView.as_view(), name="overzicht"),
    path("keuzehulp/", keuzehulp.KeuzehulpView.as_view(), name="keuzehulp"),
    path("aanvragen/<int:pk>/aanvulling/", aanvulling.AanvullingView.as_view(), name="aanvulling"),
    path("jaartranches/<int:pk>/werkplan/", verantwoording.WerkplanView.as_view(), name="werkplan"),
    path("subsidies/<int:pk>/verantwoording/", verantwoording.VerantwoordingView.as_view(), name="verantwoording"),
]
