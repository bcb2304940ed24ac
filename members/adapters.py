from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.http import HttpRequest
from django.shortcuts import resolve_url
from django.urls import reverse


class AccountAdapter(DefaultAccountAdapter):
    """Keeps people in the language they were using when they sign in or out. Signed in
    (also on confirming a new account's e-mail), they land on ``LOGIN_REDIRECT_URL``, their
    dashboard, reversed in that language; signed out, on the home page."""

    def _home(self) -> str:
        return reverse("wagtail_serve", args=[""])  # "/" in Korean, "/en/" in English

    def get_login_redirect_url(self, request: HttpRequest) -> str:
        return resolve_url(settings.LOGIN_REDIRECT_URL)

    def get_signup_redirect_url(self, request: HttpRequest) -> str:
        return resolve_url(settings.LOGIN_REDIRECT_URL)

    def get_logout_redirect_url(self, request: HttpRequest) -> str:
        return self._home()
