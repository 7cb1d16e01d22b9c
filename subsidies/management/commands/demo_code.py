"""The code the demo staff type as their second login step now (seed_demo gives them DEMO_TOTP_GEHEIM)."""
import time

from allauth.mfa import app_settings
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.core.management.base import BaseCommand

from subsidies.demo.logins import DEMO_TOTP_GEHEIM

class Command(BaseCommand):
    help = "Print the current second-step code of the demo staff logins (demo only: the secret is public)."

    def handle(self, *args, **options):
        nu, periode = int(time.time()), app_settings.TOTP_PERIOD
        code = format_hotp_value(hotp_value(DEMO_TOTP_GEHEIM, nu // periode))
        self.stdout.write(f"{code}   (demo staff; valid for {periode - nu % periode} more seconds)")
