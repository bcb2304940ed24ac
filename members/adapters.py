from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.http import HttpRequest
from django.shortcuts import resolve_url
from django.urls import reverse

from . import notify


class AccountAdapter(DefaultAccountAdapter):
    """Keeps people in the language they were using when they sign in or out. Signed in
    (also on confirming a new account's e-mail), they land on ``LOGIN_REDIRECT_URL``, their
    dashboard, reversed in that language; signed out, on the home page. Account mail
    (password reset, e-mail confirmation, security notices) goes through ``members.notify``
    as always-sent account mail, in the language of the page it was asked from."""

    def format_email_subject(self, subject: str) -> str:
        return subject  # the delivery task adds the portal's prefix to every mail

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        request = allauth_context.request
        message = self.render_mail(template_prefix, email, {
            "request": request, "email": email, "current_site": get_current_site(request),
            **context})
        notify.send_rendered(email, notify.ACCOUNT, message.subject, message.body)

    def _home(self) -> str:
        return reverse("wagtail_serve", args=[""])  # "/" in Korean, "/en/" in English

    def get_login_redirect_url(self, request: HttpRequest) -> str:
        return resolve_url(settings.LOGIN_REDIRECT_URL)

    def get_signup_redirect_url(self, request: HttpRequest) -> str:
        return resolve_url(settings.LOGIN_REDIRECT_URL)

    def get_logout_redirect_url(self, request: HttpRequest) -> str:
        return self._home()
