"""/portaal/ — the applicant's overview: what to do next, and where each request stands."""
from django.contrib.auth.mixins import LoginRequiredMixin
from django.views.generic import TemplateView


class OverzichtView(LoginRequiredMixin, TemplateView):
    template_name = "portaal/overzicht.html"
