from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path
from django.views.decorators.cache import cache_page
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from members import notification_views

from . import csp, dashboard, my_searches, views
from .api import api
from .discovery import SITEMAPS, robots_txt
from .feeds import NewsFeed

handler404 = "portal.views.page_not_found"
handler429 = "members.ratelimits.too_many_requests"  # allauth answers its limits with it

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", robots_txt, name="robots"),
    path(settings.CSP_REPORT_PATH.strip("/") + "/", csp.report, name="csp_report"),
    path("sitemap.xml", cache_page(3600)(sitemap_views.sitemap), {"sitemaps": SITEMAPS},
         name="sitemap"),
    # Sign-in only through allauth: rate limits, verified e-mail and the second factor apply.
    path("admin/login/", views.admin_login, name="admin_login"),
    path("admin/", include(wagtailadmin_urls)),
    path("api/", api.urls),
    path("documents/", include(wagtaildocs_urls)),
    path("federation/", include("federation.urls")),
    # The node document and inbox of federation (harvest), beside publish's feeds.
    path("federation/", include("harvest.urls")),
    path("language/<str:language>/", views.switch_language, name="switch_language"),
]

# Korean is the default language and has no prefix: / is Korean, /en/ is English.
urlpatterns += i18n_patterns(
    path("accounts/", include("allauth.urls")),
    path("members/", include("members.urls")),
    path("search/", include("search.urls")),
    path("meetings/", include("events.urls")),
    path("funding/", include("funding.urls")),
    path("news.atom", NewsFeed(), name="news_feed"),
    path("dashboard/", dashboard.dashboard, name="dashboard"),
    path("dashboard/notifications/read/", notification_views.mark_all_read,
         {"then": "dashboard"}, name="dashboard_notifications_read"),
    path("saved-searches/", my_searches.saved_searches, name="saved_searches"),
    path("saved-searches/save/", my_searches.save, name="save_search"),
    path("saved-searches/<int:pk>/", my_searches.change, name="change_saved_search"),
    path("saved-searches/<int:pk>/remove/", my_searches.remove, name="remove_saved_search"),
    path("", include("solutions_catalog.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

if settings.SERVE_MEDIA:
    # With an S3 store, images are served by the store instead.
    urlpatterns = [
        re_path(r"^media/(?P<path>.*)$", views.local_media),
        *urlpatterns,
    ]
