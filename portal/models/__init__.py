from .content import NewsArticlePage, NewsIndexPage, StandardPage
from .home import RICH_TEXT, FeaturedCaseStudy, HomePage, ThemeHubPage
from .operations import WorkerHeartbeat

__all__ = ["RICH_TEXT", "FeaturedCaseStudy", "HomePage", "NewsArticlePage", "NewsIndexPage",
           "StandardPage", "ThemeHubPage", "WorkerHeartbeat"]
