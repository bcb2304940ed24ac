"""Bilingual fields: models store ``<field>_ko`` and ``<field>_en`` side by side."""

from django.utils.translation import get_language


def localized(obj: object, field: str) -> str:
    """The value of ``field`` in the active language, falling back to the other one."""
    active = (get_language() or "ko")[:2]
    fallback = "en" if active == "ko" else "ko"
    return getattr(obj, f"{field}_{active}", "") or getattr(obj, f"{field}_{fallback}", "")
