"""`manage.py migrate` as the tables' owner; afterwards the application's role gets its grants (workflows.dbrollen).

With DATABASE_OWNER_URL set (PostgreSQL), the migration connects as that role, whatever DATABASE_URL says, so the
owner cannot be forgotten; without it, Django's own migrate runs as DATABASE_URL's role.
"""
from django.conf import settings
from django.core.management.commands import migrate
from django.db import connections

from workflows import dbrollen


class Command(migrate.Command):
    def handle(self, *args, **options):
        connection = connections[options["database"]]
        owner = settings.DATABASE_OWNER
        if owner is None or connection.vendor != "postgresql":
            return super().handle(*args, **options)
        app_role = connection.settings_dict["USER"]
        with dbrollen.as_owner(connection, owner):
            super().handle(*args, **options)
            if app_role != owner["USER"]:
                dbrollen.grant(connection, app_role)
                if options["verbosity"]:
                    self.stdout.write(f"Granted the application's role {app_role} its rights (workflows.dbrollen).")
