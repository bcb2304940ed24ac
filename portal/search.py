"""How the site's own Wagtail pages (home, catalogue index, theme hubs, news, standard pages,
the resource library) appear in search: every live, public page of these types, in its own
language. Resources carry their audience, so members-only ones reach members only."""

from collections.abc import Iterator

from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from search.registry import MEMBERS, PUBLIC, SearchableType, SearchRecord, register
from solutions_catalog.models import CatalogueIndexPage

from .models import (
    HomePage,
    NewsArticlePage,
    NewsIndexPage,
    ResourceLibraryPage,
    ResourcePage,
    StandardPage,
    ThemeHubPage,
)

PAGE_TYPES = (HomePage, CatalogueIndexPage, ThemeHubPage, NewsIndexPage, NewsArticlePage,
              StandardPage, ResourceLibraryPage)


def page_records(page: Page) -> Iterator[SearchRecord]:
    text = page.search_summary()
    yield SearchRecord(
        kind="page",
        object_id=str(page.pk),
        language=page.locale.language_code,
        title=page.title,
        summary=page.search_description or text,
        body=text if page.search_description else "",
        date=page.last_published_at.date() if page.last_published_at else None,
        url=page.get_url(),
        audiences=(PUBLIC,),
    )


register(SearchableType(
    kind="page",
    model=PAGE_TYPES[0],
    more_models=PAGE_TYPES[1:],
    indexable=lambda: Page.objects.live().public().type(*PAGE_TYPES).specific()
    .select_related("locale"),
    to_records=page_records,
    label=_("Page"),
))


def resource_records(page: ResourcePage) -> Iterator[SearchRecord]:
    yield SearchRecord(
        kind="resource",
        object_id=str(page.pk),
        language=page.locale.language_code,
        title=page.title,
        summary=page.summary,
        themes=tuple(theme.slug for theme in page.themes.all()),
        date=page.date,
        url=page.get_url(),
        audiences=(MEMBERS,) if page.members_only else (PUBLIC,),
    )


register(SearchableType(
    kind="resource",
    model=ResourcePage,
    indexable=lambda: (ResourcePage.objects.live().public().select_related("locale")
                       .prefetch_related("themes")),
    to_records=resource_records,
    label=_("Resource"),
))
