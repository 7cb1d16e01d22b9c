"""Bewoners- en maatschappelijke initiatieven: register, forms and rules of this request family (DESIGN §3)."""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InitiatievenConfig(AppConfig):
    name = "initiatieven"
    verbose_name = _("Initiatieven")

    def ready(self):
        """Register the two families with the core, which knows no family (DESIGN §9), with the family's own
        requirement at verantwoording: reach and results per indicator must be in."""
        from subsidies import families

        from .models import Initiatief, Soort
        from .services import bereik, regels

        families.registreer(families.Familie(
            code=Soort.BEWONERSINITIATIEF.value, naam="Bewonersinitiatief", gegevens=Initiatief,
            controleer=regels.controleer_bewonersinitiatief,
            controleer_verantwoording=bereik.controleer_bij_verantwoording,
        ))
        families.registreer(families.Familie(
            code=Soort.MAATSCHAPPELIJK.value, naam="Maatschappelijk initiatief", gegevens=Initiatief,
            controleer=regels.controleer_maatschappelijk_initiatief,
            controleer_verantwoording=bereik.controleer_bij_verantwoording,
        ))
