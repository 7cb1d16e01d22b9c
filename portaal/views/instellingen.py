"""The user's own settings: how and in which language our e-mails reach them (workflows.Berichtvoorkeur)."""
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import View

from workflows.models import Berichtvoorkeur

from ..forms import BerichtvoorkeurForm


class InstellingenView(LoginRequiredMixin, View):
    template_name = "portaal/instellingen.html"

    def _voorkeur(self, request) -> Berichtvoorkeur:
        """The saved choice, or (not saved yet) the page's language and everything at once."""
        voorkeur = Berichtvoorkeur.objects.filter(user=request.user).first()
        return voorkeur or Berichtvoorkeur(user=request.user, taal=(get_language() or "nl")[:2])

    def get(self, request):
        return render(request, self.template_name, {"form": BerichtvoorkeurForm(instance=self._voorkeur(request))})

    def post(self, request):
        form = BerichtvoorkeurForm(request.POST, instance=self._voorkeur(request))
        if not form.is_valid():
            return render(request, self.template_name, {"form": form}, status=400)
        form.save()
        messages.success(request, _("Uw keuze is bewaard."))
        return redirect("portaal:instellingen")
