"""Production: refuses to start without a secret key and allowed hosts; HTTPS only."""

import math
from collections import Counter

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import STORAGES, env

MIN_SECRET_KEY_BITS = 128
MIN_SECRET_KEY_DISTINCT = 10  # Django's check asks for 5; a hex key has 16


def secret_key_problem(key: str) -> str:
    """Why the key is too weak to sign sessions, or "". Django's ``check --deploy`` rule
    (50+ characters, not ``django-insecure-``) made stricter: 10+ distinct characters and an
    estimate of its entropy from their frequencies, so a long but repetitive key is refused."""
    if len(key) < 50 or key.startswith("django-insecure-"):
        return "it is shorter than 50 characters or is Django's insecure development key"
    if len(set(key)) < MIN_SECRET_KEY_DISTINCT:
        return f"it uses fewer than {MIN_SECRET_KEY_DISTINCT} distinct characters"
    counts = Counter(key).values()
    bits = -sum(n * math.log2(n / len(key)) for n in counts)
    if bits < MIN_SECRET_KEY_BITS:
        return f"it carries about {bits:.0f} bits of entropy, under {MIN_SECRET_KEY_BITS}"
    return ""


DEBUG = False
SECRET_KEY = env("SECRET_KEY", default="")
if problem := secret_key_problem(SECRET_KEY):
    raise ImproperlyConfigured(
        f"SECRET_KEY must be set to a random string of 50+ characters: {problem}. Generate "
        "one with: python -c 'import secrets; print(secrets.token_urlsafe(60))'")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
# A production node's key is configured (FEDERATION_PRIVATE_KEY or _FILE), never generated.
FEDERATION_GENERATE_KEY = env.bool("FEDERATION_GENERATE_KEY", default=False)
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must list the host names the portal answers on.")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # load balancers probe over plain HTTP
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if env("AWS_STORAGE_BUCKET_NAME", default=""):
    # Media on an S3-compatible store so that web replicas share uploads.
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    # Bid documents: the same bucket under private/, never public, read only by the bid
    # team's view.
    STORAGES["private"] = {"BACKEND": "storages.backends.s3.S3Storage",
                           "OPTIONS": {"location": "private", "default_acl": "private"}}
    SERVE_MEDIA = False
    AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME")
    AWS_S3_ENDPOINT_URL = env("AWS_S3_ENDPOINT_URL", default=None)
    AWS_DEFAULT_ACL = None
    AWS_QUERYSTRING_AUTH = True
