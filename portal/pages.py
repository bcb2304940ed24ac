"""What the site's own pages show beyond their fields, read from every app (see
``common.pages``): the home page's case studies, adoptions, themes, deadlines and figures,
the theme hubs, the resource library's listing."""

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http import HttpRequest
from django.utils.translation import get_language
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from common.pagecache import changes_public_content, forget_pages
from common.pages import adds_context
from events.models import Meeting
from funding.models import FundingOpportunity
from members.models import Organisation, OrganisationKind
from members.permissions import MemberAction, check
from solutions_catalog.models import Adoption, CaseStudyPage, Theme

from .hubs import hub_context
from .models import HomePage, ResourceLibraryPage, ThemeHubPage
from .resources import resource_listing
from .templatetags.discovery import SITE_LINKED, site_links_key

HOME_CASE_STUDIES = 4  # in each of the home page's two case-study lists
HOME_ADOPTIONS = 5


def catalogue_highlights(language: str) -> dict:
    """The latest and the most replicated case studies a reader of ``language`` sees, and the
    latest adoptions (a city replicating another's case study), in a fixed number of queries."""
    readable = (CaseStudyPage.objects.for_reader(language).select_related("city")
                .with_adoption_counts())
    return {
        "latest_case_studies": readable.reader_first("-first_published_at", "-pk")
        [:HOME_CASE_STUDIES],
        "most_replicated": readable.filter(adoption_count__gt=0)
        .order_by("-adoption_count", "other_language", "-first_published_at", "-pk")
        [:HOME_CASE_STUDIES],
        "recent_adoptions": Adoption.objects.active()
        .filter(origin__live=True).select_related("adopter", "origin__city")
        .order_by("-created_at", "-pk")
        [:HOME_ADOPTIONS].with_origins_here(),
    }


@adds_context(HomePage)
def front_door(home: HomePage, request: HttpRequest) -> dict:
    members = Organisation.objects.active()
    themes = list(Theme.objects.all())
    upcoming = (Meeting.objects.upcoming().scheduled().filter(theme__in=themes)
                .order_by("theme_id", "starts_at"))
    first_by_theme: dict[int, Meeting] = {}
    for meeting in upcoming.only("slug", "starts_at", "time_zone", "theme_id"):
        first_by_theme.setdefault(meeting.theme_id, meeting)
    hubs = {hub.theme_id: hub for hub in ThemeHubPage.objects.live().public()
            .filter(locale=home.locale).only("url_path", "theme_id")}
    for theme in themes:
        theme.next_meeting = first_by_theme.get(theme.pk)
        theme.hub = hubs.get(theme.pk)
    return {
        **catalogue_highlights((get_language() or "ko")[:2]),
        "themes": themes,
        "deadlines": FundingOpportunity.objects.visible_to(request.user)
        .upcoming_deadlines()[:4],
        "figures": {
            "members": members.count(),
            "cities": members.filter(kind=OrganisationKind.CITY).count(),
            "countries": members.values("country").distinct().count(),
        },
    }


@adds_context(ThemeHubPage)
def hub(page: ThemeHubPage, request: HttpRequest) -> dict:
    return hub_context(page, request.user)


@adds_context(ResourceLibraryPage)
def library(page: ResourceLibraryPage, request: HttpRequest) -> dict:
    return {
        "resources": resource_listing(page, request.user, request.GET),
        "sees_members_only": check(request.user, MemberAction.READ_MEMBERS_ONLY).allowed,
    }


@receiver([page_published, page_unpublished])
def forget_site_links(instance: Page, **kwargs) -> None:
    """The header's catalogue link and the footer (cached for every page) follow one of their
    pages published or unpublished at once."""
    if isinstance(instance, SITE_LINKED):
        cache.delete_many([site_links_key(code) for code, _name in settings.LANGUAGES])


@receiver([page_published, page_unpublished])
def forget_cached_pages_on_publish(instance: Page, **kwargs) -> None:
    transaction.on_commit(forget_pages)


@receiver([post_save, post_delete])
def forget_cached_pages(sender: type, update_fields: frozenset | None = None, **kwargs) -> None:
    """Visitors' cached pages are forgotten once a change to public content is committed (a
    request that began before it stores its copy under the old generation, never seen again)."""
    if changes_public_content(sender, update_fields):
        transaction.on_commit(forget_pages)
