"""Schedule the daily digest in Celery beat (after the morning's reminders); a beheerder can move or disable it."""
from django.db import migrations

TASK = "workflows.verstuur_overzichten"


def schedule(apps, schema_editor):
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    ochtend, _ = CrontabSchedule.objects.get_or_create(
        minute="45", hour="7", day_of_week="*", day_of_month="*", month_of_year="*", timezone="Europe/Amsterdam"
    )
    PeriodicTask.objects.get_or_create(name="Dagoverzicht van berichten versturen",
                                       defaults={"task": TASK, "crontab": ochtend})


def unschedule(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(task=TASK).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("workflows", "0005_berichten_claim_en_voorkeur"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(schedule, unschedule)]
