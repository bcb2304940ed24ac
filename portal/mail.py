"""E-mail from the portal: rendered now, in the recipient's language, sent by a worker after
the surrounding transaction commits (so a rolled-back change sends nothing)."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from .tasks import deliver_mail


def send_templated_mail(
    to: str, template: str, context: dict, *, language: str = "ko"
) -> None:
    """Render ``<template>_subject.txt`` and ``<template>_body.txt`` and queue the message.
    Templates get ``site_url`` to make links absolute."""
    context = {"site_url": settings.SITE_URL.rstrip("/"), **context}
    with translation.override(language):
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}_body.txt", context)
    deliver_mail.delay_on_commit(to, subject, body)
