from django.core.management.base import BaseCommand

from search.engines import get_engine
from search.models import PendingChange


class Command(BaseCommand):
    help = "Rebuild the search index (new index, bulk load, atomic alias swap) or show its status."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "status"])

    def handle(self, *args, action: str, **options):
        engine = get_engine()
        if action == "rebuild":
            count = engine.rebuild()
            self.stdout.write(self.style.SUCCESS(f"{engine.name}: {count} documents indexed."))
        pending = PendingChange.objects.order_by("queued_at")
        oldest = pending.first()
        status = {**engine.status(), "pending_changes": pending.count(),
                  "oldest_pending": oldest.queued_at.isoformat() if oldest else "none"}
        for key, value in status.items():
            if isinstance(value, dict):
                value = ", ".join(f"{k}={v}" for k, v in sorted(value.items())) or "none"
            if isinstance(value, list):  # the cluster's nodes, shards, problems: one a line
                value = "\n".join(f"{'':18} {line}" for line in value or ["none"]).lstrip()
            self.stdout.write(f"{key:18} {value}")
