from .meetings import AgendaItem, Audience, Meeting, MeetingKind, MeetingStatus
from .registrations import Registration, RegistrationStatus, SeriesSubscription
from .series import MeetingSeries, SeriesTheme

__all__ = [
    "AgendaItem", "Audience", "Meeting", "MeetingKind", "MeetingSeries", "MeetingStatus",
    "Registration", "RegistrationStatus", "SeriesSubscription", "SeriesTheme",
]
