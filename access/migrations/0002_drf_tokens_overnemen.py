"""Existing DRF tokens (rest_framework.authtoken, one plaintext key per user) become hashed ApiTokens that expire
after API_TOKEN_DAYS, so clients keep working; then the plaintext table is dropped."""
import datetime as dt
import hashlib

from django.conf import settings
from django.db import migrations
from django.utils import timezone

OUD = "authtoken_token"


def overnemen(apps, schema_editor):
    connection = schema_editor.connection
    if OUD not in connection.introspection.table_names():  # a new database: nothing to take over
        return
    ApiToken = apps.get_model("access", "ApiToken")  # noqa: N806
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT key, user_id FROM {OUD}")  # noqa: S608 - a fixed table name
        oude = cursor.fetchall()
    verloopt_op = timezone.now() + dt.timedelta(days=settings.API_TOKEN_DAYS)
    ApiToken.objects.bulk_create(
        ApiToken(gebruiker_id=user_id, sleutel_hash=hashlib.sha256(key.encode()).hexdigest(), prefix=key[:8],
                 verloopt_op=verloopt_op)
        for key, user_id in oude
    )
    schema_editor.execute(f"DROP TABLE {OUD}")


class Migration(migrations.Migration):
    dependencies = [("access", "0001_api_tokens")]
    operations = [migrations.RunPython(overnemen, migrations.RunPython.noop)]
