from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkflowsConfig(AppConfig):
    name = "workflows"
    verbose_name = _("Werkstroom en audittrail")

    def ready(self):
        from .lifecycle import connect_m2m_auditing

        connect_m2m_auditing()
