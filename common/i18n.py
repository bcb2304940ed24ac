"""Bilingual fields: models store ``<field>_ko`` and ``<field>_en`` side by side."""

from django.utils.translation import get_language


def localized(obj: object, field: str) -> str:
    """The value of ``field`` in the active language, falling back to the other one."""
    active = (get_language() or "ko")[:2]
    fallback = "en" if active == "ko" else "ko"
    return getattr(obj, f"{field}_{active}", "") or getattr(obj, f"{field}_{fallback}", "")


class Localized:
    """A model attribute reading the ``<name>_ko`` / ``<name>_en`` pair in the active
    language: ``name = Localized()``."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.field = name

    def __get__(self, obj: object, owner: type | None = None):
        return self if obj is None else localized(obj, self.field)
