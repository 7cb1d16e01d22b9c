"""Every page of the applicant portal, with the module its view lives in."""
from django.urls import path

from .views import aanvraag, aanvulling, keuzehulp, organisatie, overzicht, subsidie, verantwoording

app_name = "portaal"

urlpatterns = [
    path("", overzicht.OverzichtView.as_view(), name="overzicht"),
    path("keuzehulp/", keuzehulp.KeuzehulpView.as_view(), name="keuzehulp"),
    path("aanvragen/<int:pk>/aanvulling/", aanvulling.AanvullingView.as_view(), name="aanvulling"),
    path("jaartranches/<int:pk>/werkplan/", verantwoording.WerkplanView.as_view(), name="werkplan"),
    path("subsidies/<int:pk>/verantwoording/", verantwoording.VerantwoordingView.as_view(), name="verantwoording"),

    # organisatie.py: the applicant's organisations, their members and invitations
    path("organisaties/", organisatie.OrganisatiesView.as_view(), name="organisaties"),
    path("organisaties/<int:pk>/", organisatie.OrganisatieView.as_view(), name="organisatie"),
    path("organisaties/<int:pk>/leden/", organisatie.LedenView.as_view(), name="organisatie_leden"),
    path("uitnodiging/<str:token>/", organisatie.UitnodigingView.as_view(), name="uitnodiging"),
    # aanvraag.py: one request, withdrawing it, its documents
    path("aanvragen/<int:pk>/", aanvraag.AanvraagView.as_view(), name="aanvraag"),
    path("aanvragen/<int:pk>/intrekken/", aanvraag.IntrekkenView.as_view(), name="intrekken"),
    path("documenten/<int:pk>/", aanvraag.DocumentView.as_view(), name="document"),
    # subsidie.py: a granted subsidy
    path("subsidies/<int:pk>/", subsidie.SubsidieView.as_view(), name="subsidie"),
]
