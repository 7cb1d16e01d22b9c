"""Schedule the yearly cycle of structural subsidies in Celery beat; a beheerder can change or disable each job."""
from django.db import migrations

TAKEN = [
    # (name, task, crontab: minute, hour, day_of_month, month_of_year)
    ("Boekjaar openen (1 januari)", "subsidies.open_boekjaar", ("0", "6", "1", "1")),
    ("Termijnen bewaken: voorbehoud, herinneringen, te laat", "subsidies.bewaak_termijnen", ("30", "6", "*", "*")),
    ("Betaalrun: voorschotten plannen", "subsidies.betaalrun", ("0", "7", "*", "*")),
    ("Berichten versturen", "workflows.verstuur_berichten", ("*/5", "*", "*", "*")),
]


def schedule(apps, schema_editor):
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    for naam, taak, (minute, hour, day_of_month, month_of_year) in TAKEN:
        crontab, _ = CrontabSchedule.objects.get_or_create(
            minute=minute, hour=hour, day_of_week="*", day_of_month=day_of_month, month_of_year=month_of_year,
            timezone="Europe/Amsterdam",
        )
        PeriodicTask.objects.get_or_create(name=naam, defaults={"task": taak, "crontab": crontab})


def unschedule(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(
        task__in=[taak for _, taak, _ in TAKEN]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("subsidies", "0003_meerjarig"),
        ("workflows", "0004_berichten"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(schedule, unschedule)]
