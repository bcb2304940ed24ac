"""Bilingual fields: models store ``<field>_ko`` and ``<field>_en`` side by side."""

from collections.abc import Iterable

from django.conf import settings
from django.db.models.signals import post_init, pre_save
from django.utils.translation import get_language, gettext, override
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


class StoredLabel(str):
    """A name the portal stores in English in someone else's model (Wagtail's workflow and
    task names), printed in the reader's language: templates and ``%`` formatting call
    ``str()``, which translates, while the database and comparisons keep the English."""

    def __str__(self) -> str:
        return gettext(str.__str__(self))

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


def show_stored_labels_translated(field: str, labels: Iterable[str], *models: type) -> None:
    """Instances of ``models`` whose ``field`` holds one of ``labels`` read it as a
    ``StoredLabel``. A label saved back through a form in another language (the admin's edit
    form shows the translation) is stored as the English original again."""
    labels = frozenset(labels)

    def label_it(sender, instance, **kwargs) -> None:
        if getattr(instance, field, None) in labels:
            setattr(instance, field, StoredLabel(getattr(instance, field)))

    def store_original(sender, instance, raw=False, **kwargs) -> None:
        value = getattr(instance, field, None)
        for label in labels:
            if any(value == _translated(label, code) for code, _name in settings.LANGUAGES):
                setattr(instance, field, label)

    for model in models:
        post_init.connect(label_it, sender=model, weak=False)
        pre_save.connect(store_original, sender=model, weak=False)


def _translated(label: str, language: str) -> str:
    with override(language):
        return gettext(label)
