"""What every calendar feed of the portal shares: the iCalendar response, and a person's
secret feed address that rotating retires at once (meetings and bids each keep one)."""

import secrets

from django.conf import settings
from django.db import models
from django.http import HttpResponse
from icalendar import Calendar


def new_token() -> str:
    return secrets.token_urlsafe(32)


class SecretFeed(models.Model):
    """A secret calendar address of one person (the subclass names the person's field)."""

    token = models.CharField(max_length=64, unique=True, default=new_token)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True

    def rotate(self) -> None:
        self.token = new_token()
        self.save(update_fields=["token"])

    @classmethod
    def renew_for(cls, user: settings.AUTH_USER_MODEL) -> "SecretFeed":
        """The person's feed, created on first use, else given a new address."""
        feed, created = cls.objects.get_or_create(user=user)
        if not created:
            feed.rotate()
        return feed


def ics_response(cal: Calendar, filename: str) -> HttpResponse:
    response = HttpResponse(cal.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}.ics"'
    return response
