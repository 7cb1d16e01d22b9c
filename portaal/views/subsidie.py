"""A granted subsidy: the amounts (granted, paid, still to come), the payments, the years of a multi-year subsidy
with their state and deadlines, and what the recipient must report (the tier)."""
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import Prefetch
from django.shortcuts import render
from django.views import View

from subsidies.models import Betaling, Subsidie
from subsidies.models.subsidies import netto_betaald
from subsidies.services.taken import tranche_taak

from . import eigen_object


def tranche_regels(tranches) -> list[dict]:
    """Each year of a multi-year subsidy, with what the recipient must send for it now (the overview's tasks)."""
    return [{"tranche": tranche, "taak": tranche_taak(tranche)} for tranche in tranches]


class SubsidieView(LoginRequiredMixin, View):
    template_name = "portaal/subsidie.html"

    def get(self, request, pk):
        subsidie = eigen_object(
            Subsidie.objects.select_related("aanvraag__regeling", "aanvraag__organisatie").prefetch_related(
                Prefetch("betalingen", queryset=Betaling.objects.exclude(status=Betaling.Status.GEANNULEERD)),
                "tranches"), request.user, "aanvraag__organisatie", pk=pk)
        betalingen = list(subsidie.betalingen.all())
        betaald = netto_betaald(subsidie.betalingen.filter(status="uitgevoerd"))
        bedrag = subsidie.vastgesteld_bedrag if subsidie.vastgesteld_bedrag is not None else subsidie.verleend_bedrag
        tranches = tranche_regels(subsidie.tranches.all())
        return render(request, self.template_name, {
            "subsidie": subsidie, "aanvraag": subsidie.aanvraag, "betalingen": betalingen, "tranches": tranches,
            "betaald": betaald, "saldo": bedrag - betaald, "terugbetalen": betaald - bedrag,
        })
