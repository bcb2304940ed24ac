"""Every save, deletion, publication, unpublication and page move of what an app publishes
records a change once the transaction commits; connected by ``FederationConfig.ready`` once
each app's ``federation.py`` has registered."""

from collections.abc import Callable, Iterable

from django.db.models import Model
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from .registry import PublishedType, published_types
from .services import record_later


def connect() -> None:
    for published in published_types():
        _connect(published.kind, published.model, lambda obj, p=published: [p.key_of(obj)])
        for model, keys in published.related.items():
            _connect(published.kind, model, keys)
    post_page_move.connect(_moved, weak=False, dispatch_uid="federation-page-move")


def _page_hooks(published: PublishedType) -> list[tuple[type[Page], Callable]]:
    """The page models whose pages concern items of ``published``, with their keys."""
    hooks = [(published.model, lambda obj: [published.key_of(obj)]),
             *published.related.items()]
    return [(model, keys) for model, keys in hooks if issubclass(model, Page)]


def _moved(sender, instance: Page, **kwargs) -> None:
    """A page moved, perhaps under a view restriction or out of one: Wagtail saves the page
    but none below it, so every item concerning a page in the moved branch is recorded."""
    for published in published_types():
        for model, keys in _page_hooks(published):
            below = model.objects.descendant_of(instance, inclusive=True)
            record_later(published.kind, {key for page in below for key in keys(page)})


def _connect(kind: str, model: type[Model], keys: Callable[[Model], Iterable[str]]) -> None:
    def changed(sender, instance, raw: bool = False, **kwargs) -> None:
        if not raw:
            record_later(kind, keys(instance))

    uid = f"federation-{kind}-{model._meta.label_lower}"
    post_save.connect(changed, sender=model, weak=False, dispatch_uid=f"{uid}-save")
    post_delete.connect(changed, sender=model, weak=False, dispatch_uid=f"{uid}-delete")
    if issubclass(model, Page):
        # Bulk and scheduled (un)publishing save a plain Page; these signals name the type.
        page_published.connect(changed, sender=model, weak=False, dispatch_uid=f"{uid}-publish")
        page_unpublished.connect(changed, sender=model, weak=False,
                                 dispatch_uid=f"{uid}-unpublish")
