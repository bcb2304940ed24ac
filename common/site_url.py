"""The portal's own address, decided in one place: ``SITE_URL``, which production sets and
``scripts/run-demo.sh`` sets to the address it serves on. Links in e-mails and calendar files
are made here; Wagtail's own mails read the same value (``WAGTAILADMIN_BASE_URL``, and the
default Site's hostname and port, which the demo seeds from ``host_and_port``)."""

from urllib.parse import urlsplit

from django.conf import settings

DEFAULT_PORTS = {"http": 80, "https": 443}


def base_url() -> str:
    """``https://portal.example.org``: no trailing slash."""
    return settings.SITE_URL.rstrip("/")


def absolute(path: str) -> str:
    """``path`` (``/en/...``, as ``reverse`` or ``get_url`` make it) on the portal's address."""
    return base_url() + path


def host_and_port() -> tuple[str, int]:
    """The hostname and port of the address, as a Wagtail ``Site`` records them."""
    parts = urlsplit(base_url())
    return parts.hostname or "localhost", parts.port or DEFAULT_PORTS.get(parts.scheme, 80)
