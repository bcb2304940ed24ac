"""Sign-in security: rate limits, a second factor for staff, sessions after a password change."""

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext

from tests.factories import PASSWORD


def sign_in(client, email, password=PASSWORD):
    return client.post("/en/accounts/login/", {"login": email, "password": password})


def current_code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, next(iter(yield_hotp_counters_from_time()))))


def test_login_is_rate_limited_after_repeated_failures(network, client):
    for _ in range(5):
        response = sign_in(client, "officer@daegu.example", "wrong-password")
        assert "not correct" in response.text
    blocked = sign_in(client, "officer@daegu.example")  # even the right password now
    assert "Too many failed login attempts" in blocked.text
    assert "_auth_user_id" not in client.session


def test_allauth_rate_limits_answer_429_with_retry_after(network, client):
    for _ in range(20):  # reset_password: 20 a minute from one address
        client.post("/en/accounts/password/reset/", {"email": "nobody@example.org"})
    response = client.post("/en/accounts/password/reset/", {"email": "nobody@example.org"})
    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    assert "Too many requests" in response.text


def test_staff_without_a_second_factor_are_sent_to_set_one_up(network, client):
    assert sign_in(client, "staff@consortium.example").status_code == 302
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/2fa/totp/activate/")


def test_staff_reach_the_admin_after_a_second_factor(network, client):
    secret = generate_totp_secret()
    TOTP.activate(network.staff, secret)
    response = sign_in(client, "staff@consortium.example")
    assert response["Location"] == "/en/accounts/2fa/authenticate/"
    assert client.get("/admin/").status_code == 302  # password alone is not enough

    response = client.post("/en/accounts/2fa/authenticate/", {"code": current_code(secret)})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_the_wagtail_login_form_is_replaced_by_allauth(network, client):
    """Wagtail's own form would skip allauth's rate limits, verification and second factor."""
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response["Location"] == "/accounts/login/?next=/admin/pages/"
    client.post("/admin/login/", {"username": "staff@consortium.example", "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/password_reset/").status_code == 404


def test_a_password_only_staff_session_is_asked_for_the_second_factor(network, client):
    TOTP.activate(network.staff, generate_totp_secret())
    client.force_login(network.staff)
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/2fa/reauthenticate/")


def test_a_second_factor_is_offered_to_everyone(network, as_user):
    response = as_user(network.officer).get("/en/accounts/2fa/")
    assert response.status_code == 200
    assert "/en/accounts/2fa/totp/activate/" in response.text
    assert "/en/accounts/2fa/webauthn/" in response.text
    assert not Authenticator.objects.filter(user=network.officer).exists()


def test_changing_the_password_ends_other_sessions(network):
    laptop, phone = Client(), Client()
    sign_in(laptop, "officer@daegu.example")
    sign_in(phone, "officer@daegu.example")
    response = laptop.post("/en/accounts/password/change/", {
        "oldpassword": PASSWORD, "password1": "a-fresh-passphrase", "password2":
        "a-fresh-passphrase"})
    assert response.status_code == 302
    assert laptop.get("/en/members/me/data/").status_code == 200
    assert phone.get("/en/members/me/data/").status_code == 302  # signed out


def test_staff_powers_outside_the_admin_also_need_the_second_factor(network, client):
    client.force_login(network.staff)  # a password-only session
    response = client.get("/en/members/applications/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/2fa/totp/activate/")


def test_someone_signed_in_whom_the_admin_refuses_is_told_why_not_sent_round(network, as_user):
    """A vendor opening an editor address: Wagtail sends them to its login address, which
    used to pass them to allauth's sign-in, which sends a signed-in person back: a loop."""
    client = as_user(network.vendor)
    response = client.get("/admin/pages/2/edit/", follow=True)
    assert response.status_code == 403
    assert [url for url, _status in response.redirect_chain] == [
        "/admin/login/?next=/admin/pages/2/edit/"]
    with translation.override("ko"):
        reason = gettext("The administration is for consortium staff and city officers.")
    assert reason in response.content.decode()


def test_an_officer_at_the_admin_login_address_goes_to_the_admin(network, as_user):
    response = as_user(network.officer).get("/admin/login/")
    assert response.status_code == 302 and response["Location"] == "/admin/"
