from django.apps import AppConfig


class WebConfig(AppConfig):
    """What every web face shares: the page layout (NL Design System), form rendering, errors, languages."""

    name = "web"
    verbose_name = "Web"
