from .content import NewsArticlePage, NewsIndexPage, StandardPage
from .home import RICH_TEXT, FeaturedCaseStudy, HomePage, ThemeHubPage
from .operations import WorkerHeartbeat
from .resources import (
    ResourceKind,
    ResourceLanguage,
    ResourceLibraryPage,
    ResourcePage,
    ResourceQuerySet,
)

__all__ = ["RICH_TEXT", "FeaturedCaseStudy", "HomePage", "NewsArticlePage", "NewsIndexPage",
           "ResourceKind", "ResourceLanguage", "ResourceLibraryPage", "ResourcePage",
           "ResourceQuerySet", "StandardPage", "ThemeHubPage", "WorkerHeartbeat"]
