from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccommodatiesConfig(AppConfig):
    name = "accommodaties"
    verbose_name = _("Accommodaties")

    def ready(self):
        """Register the two request families with the core, which knows no family (DESIGN §9)."""
        from subsidies import families

        from . import services
        from .models import Accommodatiegegevens

        families.registreer(families.Familie(
            code=services.EXPLOITATIE, naam="Exploitatiesubsidie sociaal-culturele accommodatie",
            gegevens=Accommodatiegegevens, controleer=services.controleer_exploitatie,
            voorstel=services.voorstel_exploitatie, doel="gebouw",
        ))
        families.registreer(families.Familie(
            code=services.ONDERHOUD, naam="Onderhoudssubsidie sociaal-culturele accommodatie",
            gegevens=Accommodatiegegevens, controleer=services.controleer_onderhoud,
            voorstel=services.voorstel_onderhoud, doel="gebouw",
        ))
