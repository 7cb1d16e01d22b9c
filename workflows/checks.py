"""System checks of the engine's deployment: `manage.py check --deploy`."""
from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def application_does_not_own_the_trail(app_configs, **kwargs):
    """On PostgreSQL the application must not be the role that owns (and could rewrite) the audit trail."""
    if not settings.DATABASES["default"]["ENGINE"].endswith("postgresql") or settings.DATABASE_OWNER is not None:
        return []
    return [Warning(
        "The application connects to PostgreSQL as the role that migrates, and so owns the audit trail: it could "
        "disable its triggers, rewrite and truncate it.",
        hint="Set DATABASE_OWNER_URL to the owner's role and DATABASE_URL to a role that owns nothing; "
             "`manage.py migrate` then grants it what it may do (workflows.dbrollen). See README.md, Production.",
        id="workflows.W001",
    )]
