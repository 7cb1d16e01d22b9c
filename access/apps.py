from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccessConfig(AppConfig):
    """Who gets in: the faces' login (allauth, OIDC), the API and the admin: expiring API tokens, throttling and
    lockout after failed logins."""

    name = "access"
    verbose_name = _("toegang")

    def ready(self):
        from . import adapter, lockout  # noqa: F401 - connect newcomers' role and the lockout to the audit trail
