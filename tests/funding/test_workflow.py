"""funding.workflow's table, applied: each allowed transition works for its roles, and
every other role is refused with a reason and leaves no trace."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError

from funding import services
from funding.models import Bid, BidActivity, BidStatus, BidTransition
from funding.workflow import LEAD, PARTNER, STAFF, TRANSITIONS

ROLE_OF = {"lead officer": LEAD, "lead admin": LEAD, "partner city": PARTNER,
           "partner vendor": PARTNER, "staff": STAFF, "outside city": None,
           "outside vendor": None, "visitor": None}
AWARD = {"awarded_amount": Decimal("750000000"), "awarded_on": datetime.date(2026, 6, 1)}


def _move(bid, user, target):
    extra = AWARD if target == BidStatus.AWARDED else {}
    return services.move_bid(bid, user or AnonymousUser(), target, note="checked", **extra)


@pytest.mark.parametrize("role", list(ROLE_OF))
@pytest.mark.parametrize("step", TRANSITIONS, ids=[t.key for t in TRANSITIONS])
def test_each_transition_for_each_role(team, role, step):
    bid = team.bid
    Bid.objects.filter(pk=bid.pk).update(status=step.source)
    user = team.people[role]
    if ROLE_OF[role] in step.roles:
        moved = _move(bid, user, step.target)
        assert moved.status == step.target
        record = BidTransition.objects.get(bid=bid)
        assert (record.from_status, record.to_status, record.by, record.note) == (
            step.source, step.target, user, "checked")
        assert BidActivity.objects.filter(bid=bid, kind="status", status=step.target).exists()
    else:
        with pytest.raises(PermissionDenied) as refused:
            _move(bid, user, step.target)
        assert str(refused.value)  # says why
        bid.refresh_from_db()
        assert bid.status == step.source
        assert not BidTransition.objects.filter(bid=bid).exists()
        assert not BidActivity.objects.filter(bid=bid).exists()


@pytest.mark.parametrize(("source", "target"), [
    (BidStatus.IDEA, BidStatus.SUBMITTED), (BidStatus.DRAFTING, BidStatus.AWARDED),
    (BidStatus.AWARDED, BidStatus.DRAFTING), (BidStatus.WITHDRAWN, BidStatus.IDEA),
    (BidStatus.SUBMITTED, "bogus")])
def test_moves_not_in_the_table_are_refused_even_for_staff(team, source, target):
    Bid.objects.filter(pk=team.bid.pk).update(
        status=source, **(AWARD if source == BidStatus.AWARDED else {}))
    with pytest.raises(ValidationError, match="넘어갈 수 없습니다"):
        _move(team.bid, team.people["staff"], target)
    assert not BidTransition.objects.exists()


def test_an_award_needs_its_amount_and_date(team):
    Bid.objects.filter(pk=team.bid.pk).update(status=BidStatus.SUBMITTED)
    with pytest.raises(ValidationError, match="금액과 날짜가 필요합니다"):
        services.move_bid(team.bid, team.people["lead officer"], BidStatus.AWARDED)
    team.bid.refresh_from_db()
    assert team.bid.status == BidStatus.SUBMITTED and team.bid.awarded_amount is None


def test_the_team_hears_of_a_status_change_in_their_language(team, on_commit, mailoutbox):
    partner = team.people["partner city"]
    partner.preferred_language = "en"
    partner.save()
    Bid.objects.filter(pk=team.bid.pk).update(status=BidStatus.INTERNAL_REVIEW)
    with on_commit():
        _move(team.bid, team.people["lead officer"], BidStatus.SUBMITTED)
    to = {m.to[0]: m for m in mailoutbox}
    assert team.people["lead officer"].email not in to  # not the one who moved it
    assert {team.people["lead admin"].email, partner.email,
            team.people["partner vendor"].email} <= set(to)
    assert team.people["outside city"].email not in to
    assert to[partner.email].subject.endswith(f"{team.bid.title} is now “Submitted”")


def test_over_http_a_refused_move_says_why_and_changes_nothing(team, as_user):
    Bid.objects.filter(pk=team.bid.pk).update(status=BidStatus.INTERNAL_REVIEW)
    client = as_user(team.people["partner vendor"])
    response = client.post(f"/en/funding/bids/{team.bid.pk}/move/",
                           {"target": "submitted"}, follow=True)
    assert "Only the lead organisation or consortium staff" in response.content.decode()
    team.bid.refresh_from_db()
    assert team.bid.status == BidStatus.INTERNAL_REVIEW


def test_over_http_the_lead_records_an_award(team, as_user):
    Bid.objects.filter(pk=team.bid.pk).update(status=BidStatus.SUBMITTED)
    client = as_user(team.people["lead admin"])
    response = client.post(f"/en/funding/bids/{team.bid.pk}/move/", {
        "target": "awarded", "awarded_amount": "not money", "awarded_on": "2026-06-01"},
        follow=True)
    assert "Enter a number." in response.content.decode()
    team.bid.refresh_from_db()
    assert team.bid.status == BidStatus.SUBMITTED
    client.post(f"/en/funding/bids/{team.bid.pk}/move/", {
        "target": "awarded", "awarded_amount": "750000000", "awarded_on": "2026-06-01"})
    team.bid.refresh_from_db()
    assert (team.bid.status, team.bid.awarded_amount) == (BidStatus.AWARDED, 750_000_000)


@pytest.mark.parametrize(("awarded_on", "message"), [
    (datetime.date.today() + datetime.timedelta(days=30), "미래"),
    (datetime.date(2020, 1, 1), "제출"),
])
def test_an_award_date_is_after_submission_and_not_in_the_future(team, awarded_on, message):
    Bid.objects.filter(pk=team.bid.pk).update(status=BidStatus.SUBMITTED,
                                             submitted_on=datetime.date(2026, 3, 1))
    with pytest.raises(ValidationError, match=message):
        services.move_bid(team.bid, team.people["lead officer"], BidStatus.AWARDED,
                          awarded_amount=Decimal(1), awarded_on=awarded_on)
    team.bid.refresh_from_db()
    assert team.bid.status == BidStatus.SUBMITTED


def test_mail_subjects_are_plain_text_not_html(team, on_commit, mailoutbox):
    Bid.objects.filter(pk=team.bid.pk).update(title="R&D <hub>",
                                             status=BidStatus.INTERNAL_REVIEW)
    with on_commit():
        _move(team.bid, team.people["lead officer"], BidStatus.SUBMITTED)
    assert mailoutbox and all("R&D <hub>" in m.subject for m in mailoutbox)
