"""Pages every face shares: the start page, the accessibility statement."""
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db.models import Prefetch
from django.templatetags.static import static
from django.utils import timezone
from django.views.generic import RedirectView, TemplateView

from subsidies.models import Plafond, Regeling


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
    """/ — what a visitor can apply for now: the open regelingen with their ceiling and term."""

    template_name = "web/start.html"

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


class ToegankelijkheidView(TemplateView):
    """The accessibility statement (toegankelijkheidsverklaring) that Dutch government sites must publish."""

    template_name = "web/toegankelijkheid.html"
    # The date of this statement; change it with the text.
    datum = dt.date(2026, 12, 7)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "email": settings.TOEGANKELIJKHEID_EMAIL, "datum": self.datum}


class FaviconView(RedirectView):
    """/favicon.ico, which browsers ask for on pages without an icon of their own (the admin): our icon."""

    permanent = True

    def get_redirect_url(self, *args, **kwargs):
        return static("web/favicon.svg")
