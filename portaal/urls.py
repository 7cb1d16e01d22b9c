"""Every page of the applicant portal, grouped by the module its view lives in."""
from django.urls import path

from subsidies.models import Aanvulling, Beschikking

from .views import (aanvraag, aanvragen, aanvulling, bezwaar, instellingen, keuzehulp, organisatie, overzicht,
                    subsidie, verantwoording)

app_name = "portaal"

urlpatterns = [
    # overzicht.py: what to do next, and where each request stands
    path("", overzicht.OverzichtView.as_view(), name="overzicht"),
    # instellingen.py: how and in which language our e-mails reach the user
    path("instellingen/", instellingen.InstellingenView.as_view(), name="instellingen"),
    # keuzehulp.py: which regelingen fit (public)
    path("keuzehulp/", keuzehulp.KeuzehulpView.as_view(), name="keuzehulp"),
    # organisatie.py: the applicant's organisations, their members and invitations
    path("organisaties/", organisatie.OrganisatiesView.as_view(), name="organisaties"),
    path("organisaties/<int:pk>/", organisatie.OrganisatieView.as_view(), name="organisatie"),
    path("organisaties/<int:pk>/leden/", organisatie.LedenView.as_view(), name="organisatie_leden"),
    path("uitnodiging/<str:token>/", organisatie.UitnodigingView.as_view(), name="uitnodiging"),
    # aanvragen.py: applying — start, the steps, check your answers and submit, the receipt
    path("aanvragen/nieuw/<slug:code>/", aanvragen.StartenView.as_view(), name="aanvraag_starten"),
    path("aanvragen/<int:pk>/invullen/", aanvragen.InvullenView.as_view(), name="aanvraag_invullen"),
    path("aanvragen/<int:pk>/invullen/<slug:stap>/", aanvragen.StapView.as_view(), name="aanvraag_stap"),
    path("aanvragen/<int:pk>/invullen/<slug:stap>/opslaan/", aanvragen.AutosaveView.as_view(),
         name="aanvraag_autosave"),
    path("aanvragen/<int:pk>/bijlagen/", aanvragen.BijlagenView.as_view(), name="aanvraag_bijlagen"),
    path("aanvragen/<int:pk>/controleren/", aanvragen.ControlerenView.as_view(), name="aanvraag_controleren"),
    path("aanvragen/<int:pk>/ontvangen/", aanvragen.OntvangstbevestigingView.as_view(), name="ontvangstbevestiging"),
    # aanvraag.py: one request, withdrawing it, giving notice of default, its documents, the letters of its decisions
    path("aanvragen/<int:pk>/", aanvraag.AanvraagView.as_view(), name="aanvraag"),
    path("aanvragen/<int:pk>/intrekken/", aanvraag.IntrekkenView.as_view(), name="intrekken"),
    path("aanvragen/<int:pk>/ingebrekestelling/", aanvraag.IngebrekestellingView.as_view(), name="ingebrekestelling"),
    path("documenten/<int:pk>/", aanvraag.DocumentView.as_view(), name="document"),
    path("beschikkingen/<int:pk>/brief/", aanvraag.BriefView.as_view(model=Beschikking), name="beschikking_brief"),
    path("aanvullingen/<int:pk>/brief/", aanvraag.BriefView.as_view(model=Aanvulling), name="aanvulling_brief"),
    # aanvulling.py: answering a request for more information
    path("aanvragen/<int:pk>/aanvulling/", aanvulling.AanvullingView.as_view(), name="aanvulling"),
    # bezwaar.py: objecting to a decision, the objection's page, withdrawing it, its documents
    path("besluiten/<int:pk>/bezwaar/", bezwaar.BezwaarMakenView.as_view(), name="bezwaar_maken"),
    path("bezwaren/<int:pk>/", bezwaar.BezwaarView.as_view(), name="bezwaar"),
    path("bezwaren/<int:pk>/intrekken/", bezwaar.BezwaarIntrekkenView.as_view(), name="bezwaar_intrekken"),
    path("bezwaardocumenten/<int:pk>/", bezwaar.BezwaardocumentView.as_view(), name="bezwaardocument"),
    # subsidie.py and verantwoording.py: a granted subsidy, its werkplan and verantwoording
    path("subsidies/<int:pk>/", subsidie.SubsidieView.as_view(), name="subsidie"),
    path("jaartranches/<int:pk>/werkplan/", verantwoording.WerkplanView.as_view(), name="werkplan"),
    path("subsidies/<int:pk>/verantwoording/", verantwoording.VerantwoordingView.as_view(), name="verantwoording"),
]
