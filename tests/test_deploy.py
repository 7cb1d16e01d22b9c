"""Production settings pass Django's deployment checklist, and refuse to start without their secrets.

Each case runs `manage.py` in a fresh process: settings are read once, from the environment, at start-up.
"""
import base64
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parent.parent
PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "subsidies.groningen.nl",
    "CSRF_TRUSTED_ORIGINS": "https://subsidies.groningen.nl",
    "AUDIT_DIGEST_KEY": base64.b64encode(secrets.token_bytes(32)).decode(),
    # `check` does not connect: an owner's URL beside whichever DATABASE_URL the test run uses.
    "DATABASE_OWNER_URL": "postgres://eigenaar:geheim@db.groningen.nl:5432/subsidies",
}
# Settings that would otherwise leak in from the developer's shell or the test process (the browser tests allow
# Django's ORM beside Playwright's event loop) and change what is being checked.
DEPLOY_VARIABLES = (*PRODUCTION, "AUDIT_DIGEST_KEY_FILE", "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS",
                    "DJANGO_ALLOW_ASYNC_UNSAFE")


def manage(*args: str, **environment: str) -> subprocess.CompletedProcess:
    env = {name: value for name, value in os.environ.items() if name not in DEPLOY_VARIABLES}
    env.update(environment)
    return subprocess.run([sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, capture_output=True,
                          text=True, timeout=120)


def test_production_settings_pass_the_deployment_checklist():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout
    assert "Warning" not in result.stderr, result.stderr


def test_the_checklist_notices_a_weakened_production_setting():
    """Guards the test above: the check really sees the environment it is given."""
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION, SECURE_SSL_REDIRECT="false")
    assert result.returncode != 0
    assert "security.W008" in result.stderr


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_refuses_to_start_without(missing):
    # Empty rather than absent, so a value in a developer's .env file cannot fill it in.
    result = manage("check", **{**PRODUCTION, missing: ""})
    assert result.returncode != 0
    assert f"DEBUG is false (production), so {missing} must be set in the environment" in result.stderr


def test_production_refuses_to_start_without_a_digest_signing_key():
    result = manage("check", **{**PRODUCTION, "AUDIT_DIGEST_KEY": ""})
    assert result.returncode != 0
    assert "DEBUG is false (production), so AUDIT_DIGEST_KEY or AUDIT_DIGEST_KEY_FILE must be set" in result.stderr


def test_a_key_file_is_enough(tmp_path):
    key = tmp_path / "digest.key"
    key.write_text(PRODUCTION["AUDIT_DIGEST_KEY"])
    result = manage("check", **{**PRODUCTION, "AUDIT_DIGEST_KEY": "", "AUDIT_DIGEST_KEY_FILE": str(key)})
    assert result.returncode == 0, result.stderr


def test_the_checklist_warns_when_the_application_would_own_the_trail_on_postgresql():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **{
        **PRODUCTION, "DATABASE_URL": "postgres://subsidies:geheim@db.groningen.nl:5432/subsidies",
        "DATABASE_OWNER_URL": ""})
    assert result.returncode != 0
    assert "workflows.W001" in result.stderr and "owns the audit trail" in result.stderr
