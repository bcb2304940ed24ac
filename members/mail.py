"""E-mail from the portal: rendered now, in the recipient's language, sent by a worker after
the surrounding transaction commits (so a rolled-back change sends nothing). Each message
to someone on the portal is also kept as a notification for their dashboard, in the same
transaction."""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import Resolver404, resolve, translate_url
from django.utils import translation

from . import notifications
from .tasks import deliver_mail

_suppressed: ContextVar[bool] = ContextVar("mail_suppressed", default=False)


@contextmanager
def suppressed() -> Iterator[None]:
    """Send nothing while building history that people never lived through (the demo's
    bids walked through their workflow, an import)."""
    token = _suppressed.set(True)
    try:
        yield
    finally:
        _suppressed.reset(token)


def send_templated_mail(
    to: str, template: str, context: dict, *, language: str = "ko", url: str = ""
) -> None:
    """Render ``<template>_subject.txt`` and ``<template>_body.txt`` and queue the message.
    Templates get ``site_url`` to make links absolute. ``url``, a path on this site, is where
    the recipient's notification leads."""
    if _suppressed.get():
        return
    context = {"site_url": settings.SITE_URL.rstrip("/"), **context}
    with translation.override(language):
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}_body.txt", context)
    notifications.record(to, subject, _in_language(url, language) if url else "")
    deliver_mail.delay_on_commit(to, subject, body)


def _in_language(path: str, language: str) -> str:
    """A path of the portal's own views (made in the active language) in the recipient's
    language, as the e-mail's links are. A Wagtail page keeps its own: each language version
    is a page of its own."""
    try:
        match = resolve(path)
    except Resolver404:
        return path
    return path if match.url_name == "wagtail_serve" else translate_url(path, language)
