"""The standard indicator library is seeded by this app's data migrations. A database flushed
since (``manage.py flush``, or the browser tests' transactional tests between two tests) has
lost it; ``restore_standard_indicators`` runs the same migration steps again, in order."""

from importlib import import_module

from django.apps import apps

from .models import Indicator

SEEDING_STEPS = [("0002_seed_indicators", "seed"), ("0003_checked_codes_and_iso37123", "forward")]


def restore_standard_indicators() -> int:
    """Seeds the library into an empty table (nothing when any indicator exists, so staff's
    edits stay); returns how many indicators were made."""
    if Indicator.objects.exists():
        return 0
    for migration, step in SEEDING_STEPS:
        getattr(import_module(f"indicators.migrations.{migration}"), step)(apps, None)
    return Indicator.objects.count()
