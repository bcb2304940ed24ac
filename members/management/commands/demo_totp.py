from allauth.mfa.totp.internal.auth import (
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from members.demo import STAFF_TOTP_SECRET


class Command(BaseCommand):
    help = "Print the current one-time code of the demo staff login (development only)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("The demo second factor exists only in development.")
        counter = next(iter(yield_hotp_counters_from_time()))
        self.stdout.write(format_hotp_value(hotp_value(STAFF_TOTP_SECRET, counter)))
