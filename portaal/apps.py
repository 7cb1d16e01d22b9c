from django.apps import AppConfig


class PortaalConfig(AppConfig):
    """The applicant's face: apply, follow a request, answer, report back. Imports the core and the families;
    nothing imports it."""

    name = "portaal"
    verbose_name = "Portaal voor aanvragers"
