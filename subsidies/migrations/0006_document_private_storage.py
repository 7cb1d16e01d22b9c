import hashlib
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.db import migrations, models, transaction

import subsidies.opslag

CONTENT_TYPES = {".pdf": "application/pdf", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png",
                 ".txt": "text/plain; charset=utf-8"}


def naar_prive_opslag(apps, schema_editor):
    """Documents from before lay under MEDIA_ROOT by the client's name: each moves into the private folder under a
    random name, with its original name, size and SHA-256. A file that is gone keeps its row, without them."""
    Document = apps.get_model("subsidies", "Document")
    oud = FileSystemStorage(location=settings.MEDIA_ROOT)
    for document in Document.objects.filter(sha256=""):
        naam = document.bestand.name
        document.oorspronkelijke_naam = Path(naam).name[-255:]
        if naam and oud.exists(naam):
            with oud.open(naam, "rb") as bestand:
                data = bestand.read()
            document.grootte, document.sha256 = len(data), hashlib.sha256(data).hexdigest()
            document.content_type = CONTENT_TYPES.get(Path(naam).suffix.lower(), "application/octet-stream")
            document.bestand.name = subsidies.opslag.documenten_opslag().save(
                subsidies.opslag.opslagnaam(document, naam), ContentFile(data))
            transaction.on_commit(lambda naam=naam: oud.delete(naam))  # only once the rows point at the copies
        document.save(update_fields=["bestand", "oorspronkelijke_naam", "grootte", "sha256", "content_type"])


class Migration(migrations.Migration):
    """Documents in the private folder under a random name, with what the checks found."""

    dependencies = [
        ("subsidies", "0005_families_en_gebiedsbudgetten"),
    ]

    operations = [
        migrations.AlterField(
            model_name="document",
            name="bestand",
            field=models.FileField(storage=subsidies.opslag.documenten_opslag, upload_to=subsidies.opslag.opslagnaam,
                                   verbose_name="bestand"),
        ),
        migrations.AddField(
            model_name="document",
            name="oorspronkelijke_naam",
            field=models.CharField(default="", max_length=255, verbose_name="oorspronkelijke naam"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="document",
            name="content_type",
            field=models.CharField(default="application/octet-stream", max_length=100, verbose_name="soort inhoud"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="document",
            name="grootte",
            field=models.PositiveBigIntegerField(default=0, verbose_name="grootte in bytes"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="document",
            name="sha256",
            field=models.CharField(default="", max_length=64, verbose_name="SHA-256"),
            preserve_default=False,
        ),
        migrations.RunPython(naar_prive_opslag, migrations.RunPython.noop),
    ]
