"""Settings shared by every environment. All configuration comes from environment variables
(see the README's table); with none set the portal runs on its embedded default: SQLite, the
database search engine, Celery tasks executed eagerly and e-mail printed on the console.
``scripts/run-demo.sh`` adds a worker with its beat over a SQLite broker (``sqla+sqlite://``),
so that the schedule runs without Redis too."""

from pathlib import Path
from urllib.parse import urlparse

import environ
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from kombu import Queue

BASE_DIR = Path(__file__).resolve().parent.parent.parent
env = environ.Env()

DEBUG = False
SECRET_KEY = env("SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000")
# The right-hand side of calendar UIDs (meeting-uuid@host): stable as long as the site's is.
CALENDAR_DOMAIN = urlparse(SITE_URL).hostname or "localhost"
OPEN_DATA_LICENCE = env(
    "OPEN_DATA_LICENCE",
    default="CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/), Smart City Consortium",
)

# The licence stated on every document published to peer nodes (/federation/...): an IRI.
FEDERATION_LICENCE = env("FEDERATION_LICENCE",
                         default="https://creativecommons.org/licenses/by/4.0/")
# This node's name as peers show it (the catalogue's publisher).
FEDERATION_NODE_NAME_KO = env("FEDERATION_NODE_NAME_KO", default="스마트시티 컨소시엄")
FEDERATION_NODE_NAME_EN = env("FEDERATION_NODE_NAME_EN", default="Smart City Consortium")

INSTALLED_APPS = [
    # The portal's own apps come first so that their templates override allauth's.
    "portal",
    "members",
    "indicators",
    "solutions_catalog",
    "events",
    "funding",
    "federation",
    "harvest",
    "search",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales: locale sync settings
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django_countries",
    "ninja",
    "csp",
]

MIDDLEWARE = [
    "common.limits.RequestBodyLimitMiddleware",  # before anything reads the body
    # Signs every response under /federation/ as it finally leaves (harvest.middleware).
    "harvest.middleware.FederationSignatureMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "portal.csp.PortalCSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "common.pagecache.PageCacheMiddleware",  # after the language is known; see below
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "members.middleware.StaffSecondFactorMiddleware",
    "members.middleware.UserTimeZoneMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "csp.context_processors.nonce",
            ],
        },
    },
]

# --- Data -----------------------------------------------------------------------------------
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'portal.sqlite3'}"),
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=0)
DATABASES["default"]["ATOMIC_REQUESTS"] = False
# A reused connection is tested before a request uses it (a restarted server is noticed).
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default's web server and worker write to one file: readers never block the
    # writer (WAL), and a transaction takes the write lock when it begins, so two never
    # deadlock upgrading their locks; a writer waits its turn up to 20 s.
    DATABASES["default"]["OPTIONS"] = {"init_command": "PRAGMA journal_mode=WAL;",
                                       "transaction_mode": "IMMEDIATE", "timeout": 20}
if DATABASE_POOL_MAX_SIZE := env.int("DATABASE_POOL_MAX_SIZE", default=0):
    # psycopg's pool per process (Django 5.1+); Django refuses it with persistent connections.
    if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        raise ImproperlyConfigured("DATABASE_POOL_MAX_SIZE needs PostgreSQL (DATABASE_URL="
                                   "postgres://...); SQLite has no connection pool.")
    if DATABASES["default"]["CONN_MAX_AGE"]:
        raise ImproperlyConfigured("DATABASE_POOL_MAX_SIZE and DATABASE_CONN_MAX_AGE exclude "
                                   "each other: the pool keeps connections open; unset one.")
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": env.int("DATABASE_POOL_MIN_SIZE", default=1),
        "max_size": DATABASE_POOL_MAX_SIZE,
        # Seconds a request waits for a free connection before it fails.
        "timeout": env.float("DATABASE_POOL_TIMEOUT", default=10.0),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL,
                    # Portals sharing one Redis (the three-node test's) keep apart by prefix.
                    "KEY_PREFIX": env("CACHE_KEY_PREFIX", default="")}
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Pages for anonymous visitors come from the cache above (common.pagecache) for this many
# seconds at most; any change to public content forgets them all at once. 0 turns it off.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=120)
# /federation/ answers conditional requests itself, and its responses are signed per request.
PAGE_CACHE_EXEMPT_PATH_PREFIXES = ("/admin/", "/healthz", "/csp-report/", "/federation/")
# Saving or deleting a row of these apps forgets the cached pages, except these models,
# which no visitor sees (private, or bookkeeping).
PAGE_CACHE_APPS = {"members", "solutions_catalog", "events", "funding", "portal", "harvest",
                   "wagtailcore", "wagtailimages", "wagtaildocs", "wagtailredirects"}
PAGE_CACHE_IGNORED_MODELS = [
    "members.Notification", "members.MailPreference", "members.Invitation",
    "members.OrganisationApplication", "members.MembershipEvent",
    "solutions_catalog.CaseStudyFollow", "solutions_catalog.TranslationRequest",
    "events.CalendarFeed", "events.ReminderSent", "events.SeriesSubscription",
    "funding.Bid", "funding.BidPartner", "funding.BidTransition", "funding.DeadlineFeed",
    "funding.BidTask", "funding.BidDocument", "funding.BidDocumentVersion", "funding.BidComment",
    "funding.BidActivity", "funding.FundingReminderSent",
    "portal.DigestSent", "portal.WorkerHeartbeat", "portal.SavedSearch",
    "portal.SavedSearchMatch", "harvest.Refusal",
    # Drafts, logs and moderation: a page changes for visitors when it is published.
    "wagtailcore.Revision", "wagtailcore.ModelLogEntry", "wagtailcore.PageLogEntry",
    "wagtailcore.ReferenceIndex", "wagtailcore.PageSubscription", "wagtailcore.Comment",
    "wagtailcore.CommentReply", "wagtailcore.TaskState", "wagtailcore.WorkflowState",
    "wagtailcore.UploadedFile",
]

# --- Background work ------------------------------------------------------------------------
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="")
# Without a broker every task runs in-process at once (the embedded default).
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
# The embedded default's worker (scripts/run-demo.sh): kombu's SQLAlchemy transport over a
# SQLite file; no results are kept, beat keeps its schedule in a file.
EMBEDDED_BROKER = CELERY_BROKER_URL.startswith("sqla+")
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND",
                            default=None if EMBEDDED_BROKER else CELERY_BROKER_URL or None)
CELERY_RESULT_EXPIRES = 3600
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_SERIALIZER = CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
# Three queues, so that a backlog of mail never delays index updates: run a worker per queue
# (`celery -A portal worker -Q search`). Routes go by task name. A queue named anywhere that is
# not one of these is refused at start-up (portal.checks), never created on the fly.
CELERY_TASK_QUEUES = [Queue(name) for name in ("default", "mail", "search")]
CELERY_TASK_DEFAULT_QUEUE = "default"
CELERY_TASK_CREATE_MISSING_QUEUES = False
CELERY_TASK_ROUTES = {
    "members.tasks.deliver": {"queue": "mail"},
    "portal.tasks.deliver_mail": {"queue": "mail"},  # its old name, for mail queued before
    "search.tasks.*": {"queue": "search"},
}
# A task is acknowledged when it has finished, so one whose worker died (SIGKILL, a lost host)
# runs again: every task below is idempotent except mail, see CELERY_TASK_ANNOTATIONS.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_TASK_SOFT_TIME_LIMIT = 300
CELERY_TASK_TIME_LIMIT = 360
CELERY_TASK_ANNOTATIONS = {
    # Sending twice is worse than a retry by hand: acknowledged on receipt, at most once.
    "members.tasks.deliver": {"acks_late": False, "soft_time_limit": 60, "time_limit": 90},
    "portal.tasks.deliver_mail": {"acks_late": False, "soft_time_limit": 60, "time_limit": 90},
    # The outbox row is applied or stays for the sweep: applying twice writes the same document.
    "search.tasks.apply_change": {"soft_time_limit": 60, "time_limit": 90},
    "search.tasks.apply_changes": {"soft_time_limit": 120, "time_limit": 180},
    "search.tasks.sweep_outbox": {"soft_time_limit": 240, "time_limit": 300},
    # An update of the worker's own row.
    "portal.tasks.record_worker_heartbeat": {"soft_time_limit": 20, "time_limit": 30},
    # Creates the meetings a series lacks; a second run finds none missing.
    "events.tasks.materialise_all_series": {"soft_time_limit": 900, "time_limit": 960},
    # Each reminder is recorded as sent, so a second run sends nothing new (default limits).
    # A peer's pages are upserted by IRI, so a harvest run again stores the same rows.
    "harvest.tasks.harvest_peer": {"soft_time_limit": 900, "time_limit": 960},
}
# An unacknowledged task goes back to its queue after this many seconds (a worker that died
# mid-task); longer than any hard time limit, so a running task is never handed out twice.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3600)}
if EMBEDDED_BROKER:  # its options go to SQLAlchemy's create_engine: a writer waits its turn
    CELERY_BROKER_TRANSPORT_OPTIONS = {"connect_args": {"timeout": 20}}
    # The console e-mail backend prints each mail as it is, not as lines of the worker's log.
    CELERY_WORKER_REDIRECT_STDOUTS = False
# Beat keeps its schedule in Redis behind a lock (celery-redbeat): start a beat on every host
# you like; one holds the lock and sends, the others wait and take over within the lock's
# timeout when it stops.
# Without Redis (the embedded worker) beat keeps Celery's own schedule file.
CELERY_REDBEAT_REDIS_URL = env("REDBEAT_REDIS_URL", default="" if EMBEDDED_BROKER
                               else CELERY_BROKER_URL)
CELERY_BEAT_SCHEDULER = ("redbeat.RedBeatScheduler" if CELERY_REDBEAT_REDIS_URL
                         else "celery.beat:PersistentScheduler")
CELERY_REDBEAT_KEY_PREFIX = env("REDBEAT_KEY_PREFIX", default="portal:redbeat:")
CELERY_REDBEAT_LOCK_TIMEOUT = env.int("REDBEAT_LOCK_TIMEOUT", default=60)
CELERY_BEAT_MAX_LOOP_INTERVAL = 10  # the beat wakes, and renews its lock, at least this often
# Seconds between reminder runs: each run sends only what has come due, once; the embedded
# worker looks every minute, so a demo's reminder does not wait for the hour.
REMINDER_INTERVAL = env.float("REMINDER_INTERVAL", default=60.0 if EMBEDDED_BROKER else 3600.0)
CELERY_BEAT_SCHEDULE = {
    "worker-heartbeat": {"task": "portal.tasks.record_worker_heartbeat", "schedule": 60.0},
    # Retries index changes that failed (Elasticsearch down); see search.outbox.
    "search-outbox-sweep": {"task": "search.tasks.sweep_outbox", "schedule": 60.0},
    # Every series' meetings, a year ahead; see events.schedule.
    "events-materialise": {"task": "events.tasks.materialise_all_series", "schedule": 86400.0},
    "events-reminders": {"task": "events.tasks.send_meeting_reminders",
                         "schedule": REMINDER_INTERVAL},
    "funding-deadlines": {"task": "funding.tasks.send_funding_reminders",
                          "schedule": REMINDER_INTERVAL},
    # Read notifications are kept 180 days; see members.tasks.
    "notifications-prune": {"task": "members.tasks.prune_read_notifications",
                            "schedule": 86400.0},
    "saved-search-alerts": {"task": "portal.tasks.alert_saved_searches", "schedule": 3600.0},
    # Each person's Monday morning, in their time zone; see portal.digest.
    "weekly-digests": {"task": "portal.tasks.send_weekly_digests", "schedule": 3600.0},
    # Sends a harvest of each confirmed peer that is due; see harvest.tasks.
    "federation-harvest": {"task": "harvest.tasks.harvest_due_peers", "schedule": 60.0},
}

# --- Federation: harvesting peers (README, "Joining a federation") ----------------------------
# This node's Ed25519 private key, PEM, from the environment or a file. Without either, a key is
# generated once and kept in the database (development, tests); production refuses to do that.
FEDERATION_PRIVATE_KEY = env("FEDERATION_PRIVATE_KEY", default="")
FEDERATION_PRIVATE_KEY_FILE = env("FEDERATION_PRIVATE_KEY_FILE", default="")
FEDERATION_GENERATE_KEY = env.bool("FEDERATION_GENERATE_KEY", default=True)
# Peers on loopback, private, link-local or reserved addresses, and plain-http node addresses,
# are refused unless this is set (development and tests, where nodes run on 127.0.0.1).
FEDERATION_ALLOW_PRIVATE_PEERS = env.bool("FEDERATION_ALLOW_PRIVATE_PEERS", default=False)
# Requests to follow this node not yet answered by staff, at most: the inbox refuses more.
FEDERATION_MAX_REQUESTED_PEERS = env.int("FEDERATION_MAX_REQUESTED_PEERS", default=20)
# A peer's answer larger than this is refused while it streams in.
HARVEST_MAX_RESPONSE_BYTES = env.int("HARVEST_MAX_RESPONSE_BYTES", default=20 * 1024 * 1024)
# Seconds one request to a peer may take in all, first byte to last.
HARVEST_REQUEST_TIMEOUT = env.float("HARVEST_REQUEST_TIMEOUT", default=30.0)
# Seconds between two harvests of a peer that answers; after failures the wait doubles from
# HARVEST_BACKOFF_BASE up to HARVEST_BACKOFF_MAX.
HARVEST_INTERVAL = env.float("HARVEST_INTERVAL", default=900.0)
HARVEST_BACKOFF_BASE = env.float("HARVEST_BACKOFF_BASE", default=60.0)
HARVEST_BACKOFF_MAX = env.float("HARVEST_BACKOFF_MAX", default=86400.0)
HARVEST_MAX_PAGES = env.int("HARVEST_MAX_PAGES", default=2000)  # per harvest; the rest next time

# --- Search ---------------------------------------------------------------------------------
# One node, or several of one cluster comma-separated (a request failing on one is retried
# on another); checked at start-up, see search.cluster.
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL", default="")
SEARCH_ENGINE = "elasticsearch" if ELASTICSEARCH_URL else "database"
# Also the namespace of the rebuild's flags in the shared cache: two deployments on one Redis
# need different aliases.
SEARCH_INDEX_ALIAS = env("SEARCH_INDEX_ALIAS", default="portal-search")
SEARCH_INDEX_SHARDS = env("SEARCH_INDEX_SHARDS", default="1")
# Unset: one replica as soon as the cluster has a second data node (none on a single node).
SEARCH_INDEX_REPLICAS = env("SEARCH_INDEX_REPLICAS", default=None)
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# --- Accounts -------------------------------------------------------------------------------
AUTH_USER_MODEL = "members.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
     "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "dashboard"  # a URL name: reversed in the language of the sign-in
ACCOUNT_ADAPTER = "members.adapters.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = env("EMAIL_SUBJECT_PREFIX", default="[Smart City Consortium] ")
# Changing the password keeps this session and ends every other one (Django's session hash).
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/3m/key",
    "apply": "5/h/ip",  # the public membership application form
}
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if SITE_URL.startswith("https") else "http"
MFA_SUPPORTED_TYPES = ["totp", "webauthn", "recovery_codes"]
MFA_TOTP_ISSUER = "Smart City Consortium"
MFA_PASSKEY_LOGIN_ENABLED = False
SOCIALACCOUNT_ONLY = False
SOCIALACCOUNT_PROVIDERS = {}
if env("OIDC_CLIENT_ID", default=""):
    # Single sign-on with a municipal identity provider, e.g. a city's Keycloak realm.
    SOCIALACCOUNT_PROVIDERS["openid_connect"] = {
        "APPS": [
            {
                "provider_id": env("OIDC_PROVIDER_ID", default="municipal-sso"),
                "name": env("OIDC_PROVIDER_NAME", default="Municipal single sign-on"),
                "client_id": env("OIDC_CLIENT_ID"),
                "secret": env("OIDC_CLIENT_SECRET", default=""),
                "settings": {"server_url": env("OIDC_SERVER_URL")},
            }
        ]
    }

# --- Content-Security-Policy (django-csp; portal.csp) ------------------------------------------
# Scripts only from the portal itself (htmx, no eval), an inline script only with the response's
# nonce ({{ CSP_NONCE }}). Styles from the stylesheet; style="" attributes are allowed because
# a theme's colour reaches its tags as a custom property (style="--theme-colour: #…"), which
# cannot run code. Violations are reported to /csp-report/ and logged as warnings.
CSP_REPORT_PATH = "/csp-report/"
_sign_on = urlparse(env("OIDC_SERVER_URL", default=""))  # the SSO form redirects to the IdP
SIGN_ON_ORIGINS = [f"{_sign_on.scheme}://{_sign_on.netloc}"] if _sign_on.netloc else []
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "style-src-attr": [UNSAFE_INLINE],
        "img-src": [SELF, "data:", *env.list("MEDIA_ORIGINS", default=[])],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF, *SIGN_ON_ORIGINS],
        "frame-ancestors": [NONE],
        "report-uri": [CSP_REPORT_PATH],
    },
}
# Wagtail's admin (and the page previews it frames) writes inline scripts and styles and
# shows uploads as data:/blob: URLs; it gets this looser policy, on its own paths only.
ADMIN_CSP_PATH_PREFIXES = ("/admin/",)
ADMIN_CONTENT_SECURITY_POLICY = {
    **CONTENT_SECURITY_POLICY["DIRECTIVES"],
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [*CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"], "blob:"],
    "frame-src": [SELF],
    "frame-ancestors": [SELF],
}

# --- E-mail ---------------------------------------------------------------------------------
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Smart City Consortium <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Languages and time ---------------------------------------------------------------------
LANGUAGE_CODE = "ko"
LANGUAGES = [("ko", _("Korean")), ("en", _("English"))]
# The portal's catalogue, then the Korean that Wagtail's own catalogue lacks (read before it).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "wagtail"]
TIME_ZONE = "Asia/Seoul"
USE_I18N = True
FORMAT_MODULE_PATH = ["portal.formats"]  # corrections to Django's Korean formats
USE_TZ = True
WAGTAIL_I18N_ENABLED = True
FORMS_URLFIELD_ASSUME_HTTPS = True  # Django 6 default: a bare "example.com" means https
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
CELERY_TIMEZONE = TIME_ZONE

# --- Files ----------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
# Bid documents: never under MEDIA_ROOT, served only through the bid team's view.
PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default=BASE_DIR / "private-media")
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "private": {"BACKEND": "django.core.files.storage.FileSystemStorage",
                "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None}},
}
# Form fields (not files) read into memory, and the size above which an upload is written to
# a temporary file instead of held in memory.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024

# --- Wagtail --------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Smart City Consortium"
WAGTAILADMIN_BASE_URL = SITE_URL
# Sign-in goes through allauth, which asks for the second factor staff must have; this view
# sends visitors there and tells a signed-in person the admin refuses why (portal.views).
WAGTAILADMIN_LOGIN_URL = "admin_login"
WAGTAIL_PASSWORD_RESET_ENABLED = False  # allauth's reset, with its rate limits
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no third-party requests with members' e-mail hashes
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "csv", "txt"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024  # the largest file anyone may upload
# A body declared larger is refused with 413 before it is read (common.limits); the margin is
# for the form fields that travel with the largest upload. Keep the proxy's
# client_max_body_size at least this large (README, Operations).
MAX_REQUEST_BODY_SIZE = env.int("MAX_REQUEST_BODY_SIZE",
                                default=WAGTAILDOCS_MAX_UPLOAD_SIZE + 1024 * 1024)

# --- Logging --------------------------------------------------------------------------------
# Development (dev.py) defaults to WARNING: a task's trace, a page published or a request
# served is logged at INFO, asked for with LOG_LEVEL=INFO.
LOG_LEVEL = env("LOG_LEVEL", default="INFO")
LOG_FORMAT = env("LOG_FORMAT", default="text")  # "json" in production: one object per line
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Its warnings come per request, with a traceback; search.cluster and search.engines
        # log a lost node or an outage once when it starts and once when it ends.
        "elastic_transport": {"level": "ERROR"},
        "django_tasks": {"level": "WARNING"},
        # WeasyPrint (the evidence pack) logs every rendering step, and fontTools every
        # font it subsets, at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
