"""What events publishes to peer nodes: meetings open to everyone (cancelled ones marked so),
never registrations, attendees, minutes or members-only documents."""

from federation.iris import item_iri
from federation.items import human_urls, iso, item, language_map
from federation.registry import PublishedType, register

from .models import Audience, Meeting

SCHEMA = "https://schema.org/"


def meeting_item(rows: list[Meeting]) -> dict:
    meeting = rows[0]
    organiser = meeting.organiser
    place = ", ".join(part for part in (meeting.venue_name, meeting.address) if part)
    return item(item_iri("meeting", str(meeting.pk)), "schema:Event", {
        "name": language_map(meeting, "title"),
        "description": language_map(meeting, "description"),
        "url": human_urls(meeting.get_absolute_url),
        "startDate": iso(meeting.starts_at),
        "endDate": iso(meeting.ends_at),
        "location": place or None,
        "eventStatus": SCHEMA + ("EventCancelled" if meeting.is_cancelled else "EventScheduled"),
        "scc:meetingKind": meeting.kind,
        "scc:theme": [meeting.theme.slug] if meeting.theme else [],
        "organizer": ({"name": {"ko": organiser.name_ko, "en": organiser.name_en}}
                      if organiser else None),
        "datePublished": iso(meeting.created_at),
        "dateModified": iso(meeting.updated_at),
    })


register(PublishedType(
    kind="meeting", type="schema:Event", model=Meeting,
    public=lambda: (Meeting.objects.filter(audience=Audience.PUBLIC)
                    .select_related("theme", "organiser")),
    to_item=meeting_item,
))
