from django.db import migrations, models

import subsidies.opslag


class Migration(migrations.Migration):
    """Documents in the private folder under a random name, with what the checks found. Rows from before get empty
    values (no documents were kept before this change but in development)."""

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
    ]
