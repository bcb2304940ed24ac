from .content import NewsArticlePage, NewsIndexPage, StandardPage
from .digests import DigestSent
from .home import RICH_TEXT, FeaturedCaseStudy, HomePage, ThemeHubPage
from .operations import WorkerHeartbeat
from .resources import (
    ResourceKind,
    ResourceLanguage,
    ResourceLibraryPage,
    ResourcePage,
    ResourceQuerySet,
)
from .saved_searches import Delivery, SavedSearch, SavedSearchMatch

__all__ = ["RICH_TEXT", "Delivery", "DigestSent", "FeaturedCaseStudy", "HomePage",
           "NewsArticlePage", "NewsIndexPage", "ResourceKind", "ResourceLanguage",
           "ResourceLibraryPage", "ResourcePage", "ResourceQuerySet", "SavedSearch",
           "SavedSearchMatch", "StandardPage", "ThemeHubPage", "WorkerHeartbeat"]
