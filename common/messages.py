"""Refused input shown to the person who typed it."""

from collections.abc import Iterable

from django.contrib import messages
from django.forms import BaseForm
from django.http import HttpRequest


def flash_errors(request: HttpRequest, errors: Iterable[str]) -> None:
    """Show refused input as messages after a redirect back to the page with the form."""
    for error in errors:
        messages.error(request, error)


def form_errors(form: BaseForm) -> list[str]:
    return [error for errors in form.errors.values() for error in errors]
