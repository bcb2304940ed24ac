"""E-mail from the portal: rendered now, in the recipient's language, sent by a worker after
the surrounding transaction commits (so a rolled-back change sends nothing)."""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

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
    to: str, template: str, context: dict, *, language: str = "ko"
) -> None:
    """Render ``<template>_subject.txt`` and ``<template>_body.txt`` and queue the message.
    Templates get ``site_url`` to make links absolute."""
    if _suppressed.get():
        return
    context = {"site_url": settings.SITE_URL.rstrip("/"), **context}
    with translation.override(language):
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}_body.txt", context)
    deliver_mail.delay_on_commit(to, subject, body)
