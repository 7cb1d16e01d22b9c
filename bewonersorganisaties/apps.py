"""Bewonersorganisaties: the register of wijk-, buurt- and dorpsorganisaties and their yearly subsidy (DESIGN §3)."""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BewonersorganisatiesConfig(AppConfig):
    name = "bewonersorganisaties"
    verbose_name = _("Bewonersorganisaties")

    def ready(self):
        """Register the family and, under the convenant, the bewonersorganisaties as advisers on plans for their
        wijk, with the core, which knows no family (DESIGN §9)."""
        from subsidies import families

        from . import services
        from .models import FAMILIE

        families.registreer(families.Familie(
            code=FAMILIE, naam="Subsidie bewonersorganisatie", controleer=services.controleer,
            voorstel=services.voorstel, doel="bewonersorganisatie",
        ))
        families.registreer_adviseurs(services.adviseurs)
