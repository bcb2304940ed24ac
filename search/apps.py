from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Page
        from wagtail.signals import page_published, page_unpublished

        from .registry import searchable_types

        # Each app declares its searchable types in its own search.py, as admin.py does.
        autodiscover_modules("search")
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


def _change_recorder(kind: str):
    def record(sender, instance, raw: bool = False, **kwargs) -> None:
        from .outbox import record_change

        if not raw:
            record_change(kind, str(instance.pk))

    return record
