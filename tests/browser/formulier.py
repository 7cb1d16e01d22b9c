"""Pages for the browser tests of what every face shares: a form (error summary, focus, markup) and an htmx button.

Only the browser tests route to it (tests/browser/urls.py); the faces' own forms are tested in their journeys.
"""
from django import forms
from django.http import HttpResponse
from django.template import engines
from django.urls import include, path
from django.views.generic import FormView


class Aanmelding(forms.Form):
    naam = forms.CharField(label="Naam van de groep", help_text="Zoals de buurt u kent.")
    soort = forms.ChoiceField(label="Wat voor groep bent u?", widget=forms.RadioSelect,
                              choices=[("buurt", "Buurtgroep"), ("vereniging", "Vereniging")])
    toelichting = forms.CharField(label="Toelichting", widget=forms.Textarea, required=False)
    akkoord = forms.BooleanField(label="Ik heb alles naar waarheid ingevuld")


PAGINA = engines["django"].from_string("""{% extends "web/base.html" %}
{% block title %}Aanmelden{% endblock %}
{% block content %}
{% include "web/foutsamenvatting.html" with form=form %}
<h1 class="utrecht-heading-1">Aanmelden</h1>
<form method="post" novalidate>{% csrf_token %}
  {{ form }}
  <button class="utrecht-button utrecht-button--primary-action" type="submit">Versturen</button>
</form>
{% endblock %}""")


HTMX = engines["django"].from_string("""{% extends "web/base.html" %}
{% block title %}htmx{% endblock %}
{% block content %}
<h1 class="utrecht-heading-1">htmx</h1>
<button class="utrecht-button utrecht-button--secondary-action" type="button"
        hx-post="/test/htmx/" hx-target="#antwoord">Vraag</button>
<div id="antwoord"></div>
{% endblock %}""")


def htmx_pagina(request):
    """GET: a button that POSTs with htmx (no form around it); POST: the part it asked for."""
    if request.method == "POST":
        return HttpResponse(f'<p class="utrecht-paragraph">antwoord, htmx={bool(request.htmx)}</p>')
    return HttpResponse(HTMX.render({}, request))


class AanmeldingView(FormView):
    form_class = Aanmelding
    success_url = "/"

    def render_to_response(self, context, **kwargs):
        return HttpResponse(PAGINA.render(context, self.request))


urlpatterns = [
    path("test/aanmelden/", AanmeldingView.as_view()),
    path("test/htmx/", htmx_pagina),
    path("", include("config.urls")),
]
