"""Every page of the applicant portal, with the module its view lives in."""
from django.urls import path

from .views import aanvragen, overzicht

app_name = "portaal"

urlpatterns = [
    path("", overzicht.OverzichtView.as_view(), name="overzicht"),
    # Applying (views/aanvragen.py): start, the steps, check your answers and submit, the receipt.
    path("aanvragen/nieuw/<slug:code>/", aanvragen.StartenView.as_view(), name="aanvraag_starten"),
    path("aanvragen/<int:pk>/invullen/", aanvragen.InvullenView.as_view(), name="aanvraag_invullen"),
    path("aanvragen/<int:pk>/invullen/<slug:stap>/", aanvragen.StapView.as_view(), name="aanvraag_stap"),
    path("aanvragen/<int:pk>/invullen/<slug:stap>/opslaan/", aanvragen.AutosaveView.as_view(),
         name="aanvraag_autosave"),
    path("aanvragen/<int:pk>/bijlagen/", aanvragen.DocumentView.as_view(), name="aanvraag_bijlagen"),
    path("aanvragen/<int:pk>/controleren/", aanvragen.ControlerenView.as_view(), name="aanvraag_controleren"),
    path("aanvragen/<int:pk>/ontvangen/", aanvragen.OntvangstbevestigingView.as_view(), name="ontvangstbevestiging"),
]
