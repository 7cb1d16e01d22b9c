"""A granted subsidy: the amounts (granted, paid, still to come), the payments, the years of a multi-year subsidy
with their state and deadlines, and what the recipient must report (the tier)."""
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import render
from django.utils import timezone
from django.views import View

from subsidies.models import Subsidie
from subsidies.models.subsidies import netto_betaald
from subsidies.models.tranches import Status as TrancheStatus

from . import eigen_object


def tranche_regels(tranches) -> list[dict]:
    """Each year of a multi-year subsidy, with whether its werkplan or its report can be sent now."""
    jaar = timezone.localdate().year
    return [{
        "tranche": tranche,
        "werkplan_open": tranche.status == TrancheStatus.DEFINITIEF or (
            tranche.status == TrancheStatus.GEPLAND and not tranche.werkplan),
        "verantwoording_open": tranche.status == TrancheStatus.LOPEND and tranche.boekjaar < jaar,
    } for tranche in tranches]


class SubsidieView(LoginRequiredMixin, View):
    template_name = "portaal/subsidie.html"

    def get(self, request, pk):
        subsidie = eigen_object(
            Subsidie.objects.select_related("aanvraag__regeling", "aanvraag__organisatie").prefetch_related(
                "betalingen", "tranches"), request.user, "aanvraag__organisatie", pk=pk)
        betalingen = list(subsidie.betalingen.all())
        betaald = netto_betaald(subsidie.betalingen.filter(status="uitgevoerd"))
        bedrag = subsidie.vastgesteld_bedrag if subsidie.vastgesteld_bedrag is not None else subsidie.verleend_bedrag
        tranches = tranche_regels(subsidie.tranches.all())
        return render(request, self.template_name, {
            "subsidie": subsidie, "aanvraag": subsidie.aanvraag, "betalingen": betalingen, "tranches": tranches,
            "betaald": betaald, "saldo": bedrag - betaald,
        })
