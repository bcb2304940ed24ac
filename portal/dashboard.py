"""The personal dashboard people land on after signing in: for staff what waits for them,
then their organisations, the case studies they write, their meetings, bids and tasks, the
replications they follow and what the portal told them. Composition only: each section
asks its own app."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from events.models import Registration
from funding.models import Bid, BidTask
from members.models import Membership, Notification
from members.notifications import unread_count
from members.permissions import is_staff
from solutions_catalog.following import following
from solutions_catalog.models import CaseStudyPage

from .work_queue import work_queue

SHOWN = 10  # rows per section


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    user = request.user
    staff = is_staff(user)
    return render(request, "portal/dashboard.html", {
        "staff": staff,
        "work_queue": work_queue() if staff else [],
        "memberships": Membership.objects.of(user),
        "case_studies": CaseStudyPage.objects.written_by(user)[:SHOWN],
        "registrations": Registration.objects.upcoming_for(user)[:SHOWN],
        "bids": Bid.objects.on_teams_of(user).active().by_deadline()[:SHOWN],
        "tasks": BidTask.objects.open_for(user)[:SHOWN],
        "following": following(user, limit=SHOWN),
        "notifications": Notification.objects.for_user(user)[:SHOWN],
        "unread": unread_count(user),
    })
