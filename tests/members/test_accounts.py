"""Accounts through django-allauth: e-mail login, mandatory verification, password reset, and
the Wagtail admin for consortium staff."""

import re

import pytest
from django.core import mail

from members.models import User
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def link_in(message) -> str:
    return re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)


def test_signup_requires_email_verification_then_logs_in(client):
    response = client.post(
        "/en/accounts/signup/",
        {"email": "new.officer@suwon.example", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/confirm-email/"
    user = User.objects.get(email="new.officer@suwon.example")
    assert "_auth_user_id" not in client.session  # not signed in before verifying

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["new.officer@suwon.example"]
    confirm_url = link_in(mail.outbox[0])
    assert client.get(confirm_url).status_code == 200  # shows a confirm button, changes nothing
    assert not user.emailaddress_set.get().verified
    response = client.post(confirm_url)
    assert response.status_code == 302
    assert user.emailaddress_set.get().verified
    assert client.session["_auth_user_id"] == str(user.pk)


def test_unverified_account_cannot_sign_in(client):
    UserFactory(email="pending@bucheon.example", verified=False)
    response = client.post(
        "/en/accounts/login/", {"login": "pending@bucheon.example", "password": PASSWORD}
    )
    assert "_auth_user_id" not in client.session
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/confirm-email/"


def test_wrong_password_is_refused_with_a_message(client):
    UserFactory(email="officer@daegu.example")
    response = client.post(
        "/en/accounts/login/", {"login": "officer@daegu.example", "password": "not-it"}
    )
    assert response.status_code == 200
    assert "not correct" in response.text
    assert "_auth_user_id" not in client.session


def test_password_reset_sends_a_working_link(client):
    user = UserFactory(email="officer@daegu.example")
    client.post("/en/accounts/password/reset/", {"email": "officer@daegu.example"})
    assert len(mail.outbox) == 1
    reset_url = link_in(mail.outbox[0])
    form_url = client.get(reset_url, follow=True).redirect_chain[-1][0]
    new_password = "a-brand-new-passphrase"
    response = client.post(form_url, {"password1": new_password, "password2": new_password})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(new_password)


def test_korean_pages_render_allauth_in_the_portal_look(client):
    response = client.get("/accounts/login/")
    assert response.status_code == 200
    assert 'class="skip-link"' in response.text  # the portal's base template
    assert "로그인" in response.text
