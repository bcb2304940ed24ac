"""Every save, delete, (un)publish and move of a searchable object records a change in the
outbox; connected by ``SearchConfig.ready`` once each app's ``search.py`` has registered."""

from collections.abc import Callable

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import glossary
from .models import Concept
from .registry import searchable_types
from .tasks import record_change


def connect() -> None:
    for searchable in searchable_types():
        receiver = _change_recorder(searchable.kind)
        for model in searchable.models:
            uid = f"{searchable.kind}-{model._meta.label_lower}"
            post_save.connect(receiver, sender=model, weak=False,
                              dispatch_uid=f"search-save-{uid}")
            post_delete.connect(receiver, sender=model, weak=False,
                                dispatch_uid=f"search-delete-{uid}")
            if issubclass(model, Page):
                # Bulk and scheduled (un)publishing save a plain Page; these name the type.
                for signal, name in ((page_published, "publish"),
                                     (page_unpublished, "unpublish")):
                    signal.connect(receiver, sender=model, weak=False,
                                   dispatch_uid=f"search-{name}-{uid}")
    for signal, name in ((post_save, "save"), (post_delete, "delete")):
        signal.connect(_restriction_changed, sender=PageViewRestriction,
                       dispatch_uid=f"search-restriction-{name}")
    post_page_move.connect(_page_moved, dispatch_uid="search-page-move")
    for signal, name in ((post_save, "save"), (post_delete, "delete")):
        signal.connect(glossary.changed, sender=Concept, dispatch_uid=f"search-glossary-{name}")


def _page_tree_changed(page: Page) -> None:
    """A page's privacy or place changed: it and every indexable page below it may now have
    other audiences or URLs. Wagtail saves none of them, so no other signal says so."""
    below = Page.objects.descendant_of(page, inclusive=True)
    for searchable in searchable_types():
        page_models = [m for m in searchable.models if issubclass(m, Page)]
        if page_models:
            for pk in below.type(*page_models).values_list("pk", flat=True):
                record_change(searchable.kind, str(pk))


def _restriction_changed(sender, instance, raw: bool = False, **kwargs) -> None:
    if not raw:
        _page_tree_changed(instance.page)


def _page_moved(sender, instance, **kwargs) -> None:
    _page_tree_changed(instance)


def _change_recorder(kind: str) -> Callable:
    def record(sender, instance, raw: bool = False, **kwargs) -> None:
        if not raw:
            record_change(kind, str(instance.pk))

    return record
