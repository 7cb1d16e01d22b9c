from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkflowsConfig(AppConfig):
    name = "workflows"
    verbose_name = _("Werkstroom en audittrail")

    def ready(self):
        from . import checks  # noqa: F401  (registers the deployment checks)
        from .lifecycle import connect_m2m_auditing

        connect_m2m_auditing()
