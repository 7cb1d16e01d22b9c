"""`manage.py flush` that may empty the audit trail: the owner switches its TRUNCATE triggers off, visibly.

Migration 0006 makes PostgreSQL refuse TRUNCATE on the trail for every role. Emptying a database (a developer's, or
the test database after each `transaction=True` test, which Django empties with this command) is an owner's act:
here the triggers are disabled and enabled again around Django's flush in one transaction, so no other session ever
sees them off, and the application's role, which owns nothing, cannot do it at all.
"""
from django.core.management.commands import flush
from django.db import connections, transaction

from workflows import dbrollen


class Command(flush.Command):
    def handle(self, **options):
        connection = connections[options["database"]]
        if connection.vendor != "postgresql":
            return super().handle(**options)
        with transaction.atomic(using=connection.alias):
            with connection.cursor() as cursor:
                dbrollen.disable_truncate_guard(cursor)
            super().handle(**options)
            with connection.cursor() as cursor:
                dbrollen.enable_truncate_guard(cursor)
