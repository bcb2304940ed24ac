from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest
from django.urls import reverse


class AccountAdapter(DefaultAccountAdapter):
    """Keeps people in the language they were using when they sign in or out."""

    def _home(self) -> str:
        return reverse("wagtail_serve", args=[""])  # "/" in Korean, "/en/" in English

    def get_login_redirect_url(self, request: HttpRequest) -> str:
        return self._home()

    def get_signup_redirect_url(self, request: HttpRequest) -> str:
        return self._home()

    def get_logout_redirect_url(self, request: HttpRequest) -> str:
        return self._home()
