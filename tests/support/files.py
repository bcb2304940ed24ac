"""Files written by tests go to temporary folders, not the working tree."""

from pathlib import Path

from django.conf import settings


def storages_with_private_files_in(path: Path) -> dict:
    return {**settings.STORAGES, "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": path, "base_url": None}}}
