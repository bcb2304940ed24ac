"""Single sign-on with a municipal identity provider over OpenID Connect, end to end: a real
provider (tests/support/oidc_provider.py) answers on 127.0.0.1, allauth discovers it, sends the
browser to it, exchanges the code and reads the ID token and userinfo over HTTP."""

import urllib.error
import urllib.request
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest
from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount
from django.core import mail
from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation

from members.models import User
from tests.support.oidc_provider import OIDCProvider

pytestmark = pytest.mark.django_db

PERSON = {"sub": "c0ffee-42", "email": "officer@suwon.example", "name": "Kim Officer"}


@pytest.fixture
def idp() -> Iterator[OIDCProvider]:
    with OIDCProvider(user=PERSON, client_id="portal", client_secret="s3cret") as provider:
        yield provider
    assert not provider.running


def configure_portal(settings, idp: OIDCProvider, secret: str = "s3cret") -> None:
    """What portal/settings/base.py builds from OIDC_CLIENT_ID, OIDC_CLIENT_SECRET and
    OIDC_SERVER_URL. allauth reads SOCIALACCOUNT_PROVIDERS on every request (no cache)."""
    settings.SOCIALACCOUNT_PROVIDERS = {
        "openid_connect": {
            "APPS": [
                {
                    "provider_id": "municipal-sso",
                    "name": "Municipal single sign-on",
                    "client_id": "portal",
                    "secret": secret,
                    "settings": {"server_url": idp.issuer},
                }
            ]
        }
    }


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def browser_visits_provider(url: str) -> str:
    """The browser's leg at the provider, over real HTTP; returns where it is sent back to."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}), _NoRedirects)
    with pytest.raises(urllib.error.HTTPError) as redirect:
        opener.open(url, timeout=5)
    assert redirect.value.code == 302
    return redirect.value.headers["Location"]


def sign_in_through_provider(client, idp: OIDCProvider) -> HttpResponse:
    with translation.override("ko"):  # Korean URLs carry no language prefix
        login_url = reverse("openid_connect_login", kwargs={"provider_id": "municipal-sso"})
    assert login_url == "/accounts/oidc/municipal-sso/login/"
    response = client.post(login_url)  # the "Continue" button of allauth's confirmation page
    assert response.status_code == 302
    authorize_url = response["Location"]
    assert authorize_url.startswith(f"{idp.issuer}/authorize?")
    sent = parse_qs(urlsplit(authorize_url).query)
    assert sent["client_id"] == ["portal"]
    assert sent["response_type"] == ["code"]
    assert "openid" in sent["scope"][0].split()

    callback = urlsplit(browser_visits_provider(authorize_url))
    assert (callback.netloc, callback.path) == (
        "testserver",
        "/accounts/oidc/municipal-sso/login/callback/",
    )
    assert parse_qs(callback.query)["state"] == sent["state"]
    return client.get(f"{callback.path}?{callback.query}")


def test_single_sign_on_creates_a_verified_member_and_signs_them_in(client, settings, idp):
    configure_portal(settings, idp)
    response = sign_in_through_provider(client, idp)

    assert response.status_code == 302
    assert response["Location"] == "/dashboard/"  # in the language they came from
    user = User.objects.get(email=PERSON["email"])
    assert client.session["_auth_user_id"] == str(user.pk)
    account = SocialAccount.objects.get(user=user)
    assert (account.provider, account.uid) == ("municipal-sso", PERSON["sub"])
    assert account.extra_data["id_token"]["iss"] == idp.issuer
    assert EmailAddress.objects.get(user=user, email=PERSON["email"]).verified
    assert not user.has_usable_password()
    assert mail.outbox == []  # the provider vouched for the address: no confirmation mail
    assert [(method, path) for method, path, _ in idp.requests] == [
        ("GET", "/.well-known/openid-configuration"),  # to build the authorization URL
        ("GET", "/authorize"),
        ("GET", "/.well-known/openid-configuration"),  # again, on the callback request
        ("POST", "/token"),
        ("GET", "/userinfo"),
    ]
    assert all(status < 400 for *_, status in idp.requests)

    # Signing in again finds the same person through the social account.
    client.logout()
    response = sign_in_through_provider(client, idp)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)
    assert User.objects.count() == 1


def test_wrong_client_secret_fails_without_creating_anyone(client, settings, idp):
    configure_portal(settings, idp, secret="not-the-secret")
    response = sign_in_through_provider(client, idp)

    assert response.status_code == 401
    assert "socialaccount/authentication_error.html" in [t.name for t in response.templates]
    assert ("POST", "/token", 401) in idp.requests
    assert "_auth_user_id" not in client.session
    assert not User.objects.exists()
    assert not SocialAccount.objects.exists()
