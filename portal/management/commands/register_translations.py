from django.core.management.base import BaseCommand
from wagtail.models import Page

from common.translations import register_existing_translations


class Command(BaseCommand):
    help = ("Register pages that share a translation key (made before wagtail-localize) as "
            "wagtail-localize translations of their first version, keeping their text. "
            "Idempotent; run once after upgrading, and by seed_demo.")

    def handle(self, *args, **options):
        count = register_existing_translations(Page.objects.exclude(depth=1))
        self.stdout.write(self.style.SUCCESS(f"{count} translations registered."))
