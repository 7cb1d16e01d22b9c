"""The plain start page: the open regelingen with their ceilings and terms (until the portal replaces it)."""
from django.utils import timezone
from django.views.generic import TemplateView

from .models import Regeling


class StartView(TemplateView):
    template_name = "subsidies/start.html"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        regelingen = Regeling.objects.filter(actief=True).select_related("begrotingspost").prefetch_related("plafonds")
        return {
            **super().get_context_data(**kwargs),
            "regelingen": [r for r in regelingen if r.is_open(today)],
            "boekjaar": today.year,
        }
