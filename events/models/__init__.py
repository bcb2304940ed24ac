from .meetings import (
    AgendaItem,
    Audience,
    Meeting,
    MeetingDocument,
    MeetingKind,
    MeetingStatus,
)
from .registrations import (
    CalendarFeed,
    Registration,
    RegistrationStatus,
    ReminderKind,
    ReminderSent,
    SeriesSubscription,
)
from .series import MeetingSeries, SeriesTheme

__all__ = [
    "AgendaItem", "Audience", "CalendarFeed", "Meeting", "MeetingDocument", "MeetingKind",
    "MeetingSeries", "MeetingStatus", "Registration", "RegistrationStatus", "ReminderKind",
    "ReminderSent", "SeriesSubscription", "SeriesTheme",
]
