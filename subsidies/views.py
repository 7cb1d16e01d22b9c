"""The plain start page: the open regelingen with their ceilings and terms (until the portal replaces it)."""
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch
from django.utils import timezone
from django.views.generic import TemplateView

from .models import Plafond, Regeling


@dataclass
class Plafondregel:
    """A regeling's ceiling for this boekjaar as a visitor reads it: the total, and per gebied when it has areas."""

    totaal: Decimal
    per_gebied: list[Plafond]


def plafondregel(plafonds: list[Plafond]) -> Plafondregel | None:
    if not plafonds:
        return None
    return Plafondregel(totaal=sum((p.bedrag for p in plafonds), Decimal("0")),
                        per_gebied=[p for p in plafonds if p.gebied_id is not None])


class StartView(TemplateView):
    template_name = "subsidies/start.html"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        dit_jaar = Plafond.objects.filter(boekjaar=today.year).select_related("gebied").order_by("gebied__naam")
        regelingen = (Regeling.objects.filter(actief=True)
                      .prefetch_related(Prefetch("plafonds", queryset=dit_jaar, to_attr="plafonds_dit_jaar")))
        return {
            **super().get_context_data(**kwargs),
            "regelingen": [(r, plafondregel(r.plafonds_dit_jaar)) for r in regelingen if r.is_open(today)],
            "boekjaar": today.year,
        }
