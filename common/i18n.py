"""Bilingual fields: models store ``<field>_ko`` and ``<field>_en`` side by side."""

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

# What marks content shown in a language other than the reader's (badges, feed categories)
WRITTEN_IN = {"ko": _("In Korean"), "en": _("In English")}


def _languages() -> tuple[str, str]:
    active = (get_language() or "ko")[:2]
    return active, "en" if active == "ko" else "ko"


def localized(obj: object, field: str) -> str:
    """The value of ``field`` in the active language, falling back to the other one."""
    active, fallback = _languages()
    return getattr(obj, f"{field}_{active}", "") or getattr(obj, f"{field}_{fallback}", "")


def language_shown(obj: object, field: str) -> str:
    """The language ``localized`` reads ``field`` in: the active one unless it is empty."""
    active, fallback = _languages()
    return active if getattr(obj, f"{field}_{active}", "") else fallback


class Localized:
    """A model attribute reading the ``<name>_ko`` / ``<name>_en`` pair in the active
    language: ``name = Localized()``."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.field = name

    def __get__(self, obj: object, owner: type | None = None):
        return self if obj is None else localized(obj, self.field)
