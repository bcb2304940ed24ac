"""Must-show walk of the members issue: an organisation applies, staff approve, its new admin
sets a password and invites an officer, who accepts and lands on the organisation's page."""

import re

import pytest
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.core import mail

from members.models import Organisation, User
from members.services import ensure_staff_group
from tests.factories import PASSWORD, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def link_in_last_mail(to: str, pattern: str) -> str:
    message = next(m for m in reversed(mail.outbox) if m.to == [to])
    return re.search(pattern, message.body).group(0)


def sign_in(page, email, password):
    page.goto("/en/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign In").click()


def test_apply_approve_set_password_invite_accept(browser, live_server, demo_site, screenshot,
                                                  settings):
    settings.SITE_URL = live_server.url  # links in e-mails point at this server
    staff = UserFactory(email="staff@consortium.example", is_staff=True)
    staff.groups.add(ensure_staff_group())
    secret = generate_totp_secret()
    TOTP.activate(staff, secret)

    def new_page():
        context = browser.new_context(base_url=live_server.url)
        page = context.new_page()
        page.set_default_timeout(15_000)
        return page

    # 1. A city applies through the public form.
    visitor = new_page()
    visitor.goto("/en/members/apply/")
    visitor.get_by_label("Kind").select_option("city")
    visitor.get_by_label("Name (English)").fill("Gwangju Metropolitan City")
    visitor.get_by_label("Name (Korean)").fill("광주광역시")
    visitor.get_by_label("Country").select_option("KR")
    visitor.get_by_label("Contact person").fill("Jeon Ji-woo")
    visitor.get_by_label("Contact e-mail").fill("jiwoo@gwangju.example")
    visitor.get_by_label("Why do you want to join?").fill("To replicate Daegu's data hub.")
    visitor.get_by_role("button", name="Send application").click()
    assert visitor.get_by_role("heading", level=1).inner_text().startswith("Thank you")

    # 2. Staff sign in with their second factor and approve.
    reviewer = new_page()
    sign_in(reviewer, "staff@consortium.example", PASSWORD)
    reviewer.wait_for_url(re.compile(r"/2fa/authenticate/"))
    code = format_hotp_value(hotp_value(secret, next(iter(yield_hotp_counters_from_time()))))
    reviewer.get_by_label("Code").fill(code)
    reviewer.get_by_role("button", name="Sign In").click()
    reviewer.wait_for_url(re.compile(r"/en/dashboard/$"))
    reviewer.get_by_role("link", name="Applications to review", exact=True).click()
    reviewer.get_by_role("link", name="Gwangju Metropolitan City").click()
    reviewer.get_by_label("Decision").select_option("approve")
    screenshot(reviewer, "members-review-application")
    reviewer.get_by_role("button", name="Record decision").click()
    assert "is now a member" in reviewer.get_by_role("status").first.inner_text()

    # 3. The new admin sets a password from the e-mail and invites an officer.
    admin = new_page()
    admin.goto(link_in_last_mail("jiwoo@gwangju.example", r"http://\S+/password/reset/key/\S+/"))
    admin.get_by_label("New Password:", exact=True).fill("gwangju-smart-2026")
    admin.get_by_label("New Password (again):").fill("gwangju-smart-2026")
    admin.get_by_role("button", name="Change Password").click()
    sign_in(admin, "jiwoo@gwangju.example", "gwangju-smart-2026")
    admin.wait_for_url(re.compile(r"/en/dashboard/$"))
    slug = Organisation.objects.get(name_en="Gwangju Metropolitan City").slug
    admin.goto(f"/en/members/{slug}/")
    admin.get_by_role("link", name="Manage profile and people").click()
    admin.get_by_label("E-mail address").fill("officer@gwangju.example")
    admin.get_by_label("Role:", exact=True).select_option("officer")
    admin.get_by_role("button", name="Send invitation").click()
    assert "Invitation sent" in admin.content()
    screenshot(admin, "members-manage")

    # 4. The officer accepts and lands on the organisation's page.
    officer = new_page()
    officer.goto(link_in_last_mail("officer@gwangju.example",
                                   r"http://\S+/members/invitations/\S+/"))
    officer.get_by_label("Your name").fill("Park Seo-jun")
    officer.get_by_label("Password:", exact=True).fill("officer-pass-2026")
    officer.get_by_label("Password (again):").fill("officer-pass-2026")
    officer.get_by_role("button", name="Create account and join").click()
    officer.wait_for_url(re.compile(rf"/en/members/{slug}/$"))
    assert officer.get_by_role("heading", level=1).inner_text() == "Gwangju Metropolitan City"
    assert "Welcome to Gwangju Metropolitan City" in officer.content()
    screenshot(officer, "members-officer-landed")
    officer_user = User.objects.get(email="officer@gwangju.example")
    assert officer_user.memberships.get().organisation.slug == slug
