from django.apps import AppConfig
from django.conf import settings
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self) -> None:
        # Imported here, not at the top: the receivers import models, which Django loads only
        # after every app's AppConfig.
        from . import cluster, signals

        # Each app declares its searchable types in its own search.py, as admin.py does.
        autodiscover_modules("search")
        signals.connect()
        if settings.SEARCH_ENGINE == "elasticsearch":
            # A host list or a shard/replica count that makes no sense stops the start-up.
            cluster.hosts(settings.ELASTICSEARCH_URL)
            cluster.layout()
