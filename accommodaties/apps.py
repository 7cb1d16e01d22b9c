from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccommodatiesConfig(AppConfig):
    name = "accommodaties"
    verbose_name = _("Accommodaties")
