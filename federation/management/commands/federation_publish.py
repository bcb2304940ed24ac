from django.core.management.base import BaseCommand

from federation.models import Change
from federation.services import rebuild


class Command(BaseCommand):
    help = ("What this node publishes to peers. 'rebuild' brings the change feed in line with "
            "what is public now (a node joining with content already in it); idempotent.")

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "status"])

    def handle(self, *args, action: str, **options):
        if action == "rebuild":
            self.stdout.write(f"{rebuild()} changes written.")
        self.stdout.write(f"{Change.objects.count()} changes in the feed.")
