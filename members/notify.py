"""One way to tell people: ``tell(person, kind, template, context)`` keeps the notification
(subject and link in both languages) and sends, defers for the weekly digest or drops the
e-mail by the person's preference for that kind. Every e-mail of the portal goes through
here; kinds are declared once in ``KINDS``.

E-mail is rendered now, in the recipient's language and time zone, and sent by a worker
after the surrounding transaction commits (so a rolled-back change sends nothing)."""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.template.loader import render_to_string
from django.urls import Resolver404, resolve, reverse, translate_url
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from common import site_url

from .models import Delivery, MailPreference, MailState, Notification, User
from .tasks import deliver

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
UNSUBSCRIBE_SALT = "members.notify.unsubscribe"
UNSUBSCRIBE_MAX_AGE = 60 * 60 * 24 * 365  # a year: old mails' links keep working that long


@dataclass(frozen=True)
class Kind:
    """A kind of message. ``transactional`` ones (account security, invitations) are always
    sent and cannot be unsubscribed from."""

    slug: str
    label: str | Promise
    default: str = Delivery.IMMEDIATELY
    transactional: bool = False
    digestible: bool = True

    @property
    def choices(self) -> list[tuple[str, str]]:
        return [(value, label) for value, label in Delivery.choices
                if self.digestible or value != Delivery.DIGEST]


ACCOUNT = "account"
INVITATION = "invitation"
MEMBERSHIP_DECISION = "membership_decision"
MEETING_REMINDER = "meeting_reminder"
REGISTRATION_CHANGE = "registration_change"
REVIEW_REQUEST = "review_request"
MODERATION_RESULT = "moderation_result"
PAGE_COMMENT = "page_comment"
CHALLENGE_ACTIVITY = "challenge_activity"
CASE_STUDY_ACTIVITY = "case_study_activity"
BID_ACTIVITY = "bid_activity"
DEADLINE = "deadline"
SAVED_SEARCH_MATCH = "saved_search_match"
DIGEST = "digest"

KINDS: dict[str, Kind] = {kind.slug: kind for kind in [
    Kind(ACCOUNT, _("Account security (password reset, e-mail confirmation)"),
         transactional=True),
    Kind(INVITATION, _("Invitations to join an organisation"), transactional=True),
    Kind(MEMBERSHIP_DECISION, _("Decisions on your organisation's membership application"),
         transactional=True),
    Kind(MEETING_REMINDER, _("Meeting reminders and minutes")),
    Kind(REGISTRATION_CHANGE, _("Changes to your meeting registrations")),
    Kind(REVIEW_REQUEST, _("Requests to review (applications, pages, translations)")),
    Kind(MODERATION_RESULT, _("Moderation results of what you submitted")),
    Kind(PAGE_COMMENT, _("Comments on pages you edit or follow in the admin")),
    Kind(CHALLENGE_ACTIVITY, _("Responses to your challenges and shortlisting")),
    Kind(CASE_STUDY_ACTIVITY,
         _("Adoptions and deployments of case studies you lead or follow")),
    Kind(BID_ACTIVITY, _("Bid activity: status changes, comments and tasks")),
    Kind(DEADLINE, _("Deadline reminders of bids and tasks")),
    # Each saved search chooses now or the digest itself; "never" here silences them all.
    Kind(SAVED_SEARCH_MATCH, _("New matches of your saved searches")),
    Kind(DIGEST, _("The weekly digest"), digestible=False),
]}


def kind(slug: str) -> Kind:
    """The declared kind ``slug``; a ``KeyError`` for one never declared (a typo in code)."""
    return KINDS[slug]


def register(new: Kind) -> None:
    """Declare a kind from another app (at import time, e.g. in its ``AppConfig.ready``)."""
    KINDS.setdefault(new.slug, new)


def preferences(person: User) -> dict[str, str]:
    """``person``'s delivery for every kind, defaults filled in; transactional always
    immediate."""
    chosen = dict(MailPreference.objects.filter(person=person).values_list("kind", "delivery"))
    return {slug: Delivery.IMMEDIATELY if k.transactional else chosen.get(slug, k.default)
            for slug, k in KINDS.items()}


def set_preference(person: User, slug: str, delivery: str) -> None:
    """Choose how ``person`` gets ``slug``; a ``ValueError`` for an unknown kind, a
    transactional one or a delivery the kind does not offer."""
    chosen = KINDS.get(slug)
    if chosen is None or chosen.transactional or delivery not in dict(chosen.choices):
        raise ValueError(f"No such choice: {slug}={delivery}")
    MailPreference.objects.update_or_create(person=person, kind=slug,
                                            defaults={"delivery": delivery})


# --- Unsubscribe links ----------------------------------------------------------------------

def unsubscribe_token(person: User, slug: str) -> str:
    return signing.dumps({"p": person.pk, "k": slug}, salt=UNSUBSCRIBE_SALT, compress=True)


def read_unsubscribe_token(token: str) -> tuple[User, Kind]:
    """Who and which kind a link from a mail is for; a ``signing.BadSignature`` for a link
    tampered with, expired, or of an account or kind that no longer exists."""
    data = signing.loads(token, salt=UNSUBSCRIBE_SALT, max_age=UNSUBSCRIBE_MAX_AGE)
    chosen = KINDS.get(data.get("k"))
    person = User.objects.filter(pk=data.get("p"), is_active=True).first()
    if chosen is None or chosen.transactional or person is None:
        raise signing.BadSignature("Unknown person or kind")
    return person, chosen


def unsubscribe_url(person: User, slug: str, language: str) -> str:
    with translation.override(language):
        path = reverse("members:unsubscribe", args=[unsubscribe_token(person, slug)])
    return site_url.absolute(path)


# --- Telling --------------------------------------------------------------------------------

_suppressed: ContextVar[bool] = ContextVar("mail_suppressed", default=False)


@contextmanager
def suppressed() -> Iterator[None]:
    """Tell nobody while building history that people never lived through (the demo's
    bids walked through their workflow, an import)."""
    token = _suppressed.set(True)
    try:
        yield
    finally:
        _suppressed.reset(token)


@dataclass(frozen=True)
class MailTemplates:
    """A subject and a body template; a string ``template`` means
    ``<template>_subject.txt`` and ``<template>_body.txt``."""

    subject: str
    body: str

    @classmethod
    def of(cls, template: "str | MailTemplates") -> "MailTemplates":
        if isinstance(template, MailTemplates):
            return template
        return cls(f"{template}_subject.txt", f"{template}_body.txt")


def _render(templates: MailTemplates, context: dict, language: str,
            time_zone: str, *, body: bool = True) -> tuple[str, str]:
    """Subject and body; without ``body`` the subject only (a language not mailed in)."""
    context = {"site_url": site_url.base_url(), **context}
    with translation.override(language), timezone.override(time_zone):
        subject = " ".join(render_to_string(templates.subject, context).split())
        text = render_to_string(templates.body, context) if body else ""
    return subject, text


def tell(person: User, kind_slug: str, template: "str | MailTemplates", context: dict, *,
         url: "str | Page" = "") -> Notification | None:
    """Tell ``person`` something of kind ``kind_slug``: the notification is kept (subject and
    ``url``, a path on this site or a Wagtail page, in both languages: the page's own
    translation where it is live) and the e-mail, in their language and
    time zone, is sent now, kept for their weekly digest or not sent, as they chose.
    Templates get ``site_url`` (to make links absolute) and ``person``."""
    chosen = kind(kind_slug)
    if _suppressed.get() or not person.is_active:
        return None
    delivery = Delivery.IMMEDIATELY if chosen.transactional else preferences(person)[chosen.slug]
    templates = MailTemplates.of(template)
    context = {"person": person, **context}
    language = person.preferred_language or "ko"
    rendered = {code: _render(templates, context, code, person.time_zone,
                              body=code == language) for code in LANGUAGE_CODES}
    subject, body = rendered[language]
    notification = Notification.objects.create(
        recipient=person, kind=chosen.slug,
        mail={Delivery.IMMEDIATELY: MailState.SENT, Delivery.DIGEST: MailState.AWAITING_DIGEST,
              Delivery.NEVER: MailState.NOT_SENT}[delivery],
        **{f"subject_{code}": _fit(rendered[code][0], "subject") for code in LANGUAGE_CODES},
        **{f"url_{code}": _fit(link, "url") for code, link in _links(url).items()})
    if delivery == Delivery.IMMEDIATELY:
        _send(person.email, subject, body, person=person, kind=chosen, language=language)
    return notification


def tell_address(email: str, kind_slug: str, template: "str | MailTemplates", context: dict,
                 *, language: str = "ko", url: "str | Page" = "") -> Notification | None:
    """Tell whoever reads ``email``: the person signing in with it (``tell``, in their
    language), or, for an address of nobody on the portal (an applicant, a newcomer invited,
    a city's contact address), an e-mail in ``language`` and nothing kept."""
    person = _person_with(email)
    if person is not None:
        return tell(person, kind_slug, template, context, url=url)
    chosen = kind(kind_slug)
    if _suppressed.get():
        return None
    subject, body = _render(MailTemplates.of(template), context, language,
                            settings.TIME_ZONE)
    _send(email, subject, body, person=None, kind=chosen, language=language)
    return None


def send_rendered(email: str, kind_slug: str, subject: str, body: str) -> None:
    """An e-mail already rendered by a library (allauth's account mail), queued at once as
    the library expects; only transactional kinds are allowed here: nothing is kept or
    deferred."""
    if not kind(kind_slug).transactional:
        raise ValueError(f"{kind_slug} needs tell(): it is not transactional")
    if not _suppressed.get():
        deliver.delay(email, subject, body)


def _send(email: str, subject: str, body: str, *, person: User | None, kind: Kind,
          language: str) -> None:
    headers = {}
    if person is not None and not kind.transactional:
        link = unsubscribe_url(person, kind.slug, language)
        with translation.override(language):
            body = body.rstrip("\n") + "\n\n-- \n" + gettext(
                "You receive this because of your e-mail preferences for “%(kind)s”. "
                "To stop these e-mails, open: %(link)s") % {"kind": kind.label, "link": link}
        body += "\n"
        headers = {"List-Unsubscribe": f"<{link}>",
                   "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
    deliver.delay_on_commit(email, subject, body, headers)


def _person_with(email: str) -> User | None:
    people = User.objects.filter(is_active=True)
    # The exact address uses the unique index; a differently-cased one (typed by hand into
    # an invitation or application) is looked up only when that finds nobody.
    return people.filter(email=email).first() or people.filter(email__iexact=email).first()


def _fit(value: str, field: str) -> str:
    limit = Notification._meta.get_field(f"{field}_ko").max_length
    if field == "url":
        return value if len(value) <= limit else ""
    return value[:limit]


def _links(url: "str | Page") -> dict[str, str]:
    """The notification's link in each language: a Wagtail page's live translation in that
    language (the page itself where there is none), a path of the portal's views translated."""
    if isinstance(url, Page):
        versions = {version.locale.language_code: version for version in
                    url.get_translations(inclusive=True).live().select_related("locale")}
        return {code: (versions.get(code) or url).get_url() or "" for code in LANGUAGE_CODES}
    return {code: _in_language(url, code) if url else "" for code in LANGUAGE_CODES}


def _in_language(path: str, language: str) -> str:
    """A path of the portal's own views (made in the active language) in ``language``, as
    the e-mail's links are. A Wagtail page's path is kept: pass the page itself to link to
    each language's version."""
    try:
        match = resolve(path)
    except Resolver404:
        return path
    return path if match.url_name == "wagtail_serve" else translate_url(path, language)
