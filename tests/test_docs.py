"""docs/lifecycle.md is generated from the state machines; it must match the code that is committed."""
from pathlib import Path

from django.conf import settings

from workflows.management.commands.describe_lifecycles import render


def test_lifecycle_doc_is_current():
    committed = (Path(settings.BASE_DIR) / "docs" / "lifecycle.md").read_text(encoding="utf-8")
    assert committed == render(), "Run `python manage.py describe_lifecycles` and commit docs/lifecycle.md."
