"""The Celery app. Eager in development and tests unless a broker is configured (see settings)."""
import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("sociale_basis")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
