"""The events app's actions and their rules, registered with ``members.permissions`` by
``EventsConfig.ready``."""

from enum import StrEnum
from typing import Any

from django.utils.translation import gettext_lazy as _

from members.permissions import ALLOW, Decision, Rule, Viewer, sign_in, staff_only


class EventAction(StrEnum):
    REGISTER_FOR_MEETING = "register_for_meeting"
    MANAGE_MEETINGS = "manage_meetings"


def _register_for_meeting(v: Viewer, meeting: Any) -> Decision:
    members_only = meeting is not None and meeting.audience == "members"
    if not v.authenticated or (members_only and not (v.staff or v.member)):
        return sign_in(v, _("This meeting is for member organisations."))
    return ALLOW


RULES = {
    EventAction.REGISTER_FOR_MEETING: Rule(_register_for_meeting),
    EventAction.MANAGE_MEETINGS: Rule(staff_only(_("Only consortium staff manage meetings."))),
}

STAFF_PERMISSIONS = [
    "events.add_meetingseries", "events.change_meetingseries",
    # Meetings are cancelled, not deleted: calendars and registrants must see it.
    "events.add_meeting", "events.change_meeting",
    "events.view_registration", "events.change_registration",
]
