"""What search engines and feed readers find: /sitemap.xml (public pages, listings,
meetings and funding opportunities, in both languages) and /robots.txt. Nothing members-only
or private is ever listed."""

from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_page
from wagtail.models import Page

from events.models import Audience, Meeting
from funding.models import FundingOpportunity

from .models import ResourcePage

LISTINGS = ["members:directory", "events:meetings", "events:past", "catalogue:offerings",
            "catalogue:challenges", "funding:opportunities"]


class PageSitemap(Sitemap):
    """Every live page anyone may read, in the language it is written in."""

    def items(self) -> QuerySet[Page]:
        return (Page.objects.live().public().filter(depth__gt=1)
                .exclude(pk__in=ResourcePage.objects.members_only().values("pk"))
                .order_by("path"))

    def location(self, page: Page) -> str:
        return page.get_url()

    def lastmod(self, page: Page):
        return page.last_published_at


class BothLanguages(Sitemap):
    i18n = True
    alternates = True


class ListingSitemap(BothLanguages):
    def items(self) -> list[str]:
        return LISTINGS

    def location(self, name: str) -> str:
        return reverse(name)


class UpdatedObjects(BothLanguages):
    def lastmod(self, obj):
        return obj.updated_at


class MeetingSitemap(UpdatedObjects):
    def items(self) -> QuerySet[Meeting]:
        return Meeting.objects.upcoming().scheduled().filter(audience=Audience.PUBLIC)


class OpportunitySitemap(UpdatedObjects):
    def items(self) -> QuerySet[FundingOpportunity]:
        return FundingOpportunity.objects.public().order_by("deadline")


SITEMAPS = {"pages": PageSitemap, "listings": ListingSitemap, "meetings": MeetingSitemap,
            "funding": OpportunitySitemap}

# Sign-in, personal and infinite (search) pages are no use to a crawler.
DISALLOWED = ["/admin/", "/accounts/", "/en/accounts/", "/search/", "/en/search/",
              "/funding/bids/", "/en/funding/bids/", "/funding/dashboard/",
              "/en/funding/dashboard/", "/dashboard/", "/en/dashboard/", "/api/"]


@cache_page(3600)
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in DISALLOWED),
             f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
