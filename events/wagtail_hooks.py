"""Staff manage meeting series, meetings and registrations in the Wagtail admin. Saving a
series (re)builds its meetings a year ahead; editing one of its meetings by hand detaches it
from the rule and tells calendars it changed."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from solutions_catalog.documents import refuse_members_only
from solutions_catalog.models import DocumentVisibility

from .models import Meeting, MeetingDocument, MeetingSeries, Registration
from .schedule import materialise
from .services import seats_changed

PLACE = [
    FieldRowPanel([FieldPanel("venue_name"), FieldPanel("address")]),
    FieldRowPanel([FieldPanel("map_url"), FieldPanel("online_url")]),
]


class MeetingSeriesViewSet(SnippetViewSet):
    model = MeetingSeries
    icon = "date"
    menu_label = _("Meeting series")
    list_display = ["title_en", "title_ko", "recurrence", "time_zone"]
    panels = [
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("title_ko"), FieldPanel("title_en")]),
        FieldRowPanel([FieldPanel("description_ko"), FieldPanel("description_en")]),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("audience"), FieldPanel("organiser")]),
        MultiFieldPanel([
            FieldPanel("recurrence"),
            FieldRowPanel([FieldPanel("first_date"), FieldPanel("start_time"),
                           FieldPanel("duration"), FieldPanel("time_zone")]),
        ], heading=_("When")),
        InlinePanel("rotation", heading=_("Theme rotation"), label=_("theme")),
        MultiFieldPanel([*PLACE, FieldRowPanel([FieldPanel("capacity"),
                                                FieldPanel("requires_approval")])],
                        heading=_("Where and how many")),
    ]


class MeetingViewSet(SnippetViewSet):
    model = Meeting
    icon = "calendar"
    menu_label = _("Meetings")
    list_display = ["title_en", "starts_at", "theme", "status", "capacity"]
    list_filter = ["status", "kind", "theme", "audience"]
    list_export = ["title_en", "title_ko", "starts_at", "ends_at", "time_zone", "status",
                   "capacity"]
    search_fields = ["title_en", "title_ko"]
    panels = [
        FieldRowPanel([FieldPanel("title_ko"), FieldPanel("title_en")]),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("theme"), FieldPanel("audience"),
                       FieldPanel("status")]),
        FieldRowPanel([FieldPanel("description_ko"), FieldPanel("description_en")]),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at"),
                       FieldPanel("time_zone")]),
        *PLACE,
        FieldRowPanel([FieldPanel("capacity"), FieldPanel("requires_approval"),
                       FieldPanel("registration_opens_at"),
                       FieldPanel("registration_closes_at")]),
        FieldPanel("organiser"),
        InlinePanel("agenda", heading=_("Agenda"), label=_("item")),
        MultiFieldPanel([FieldPanel("minutes_ko"), FieldPanel("minutes_en"),
                         FieldPanel("recording_url"), FieldPanel("minutes_published_at"),
                         InlinePanel("documents", label=_("document"))],
                        heading=_("After the meeting")),
    ]


class RegistrationViewSet(SnippetViewSet):
    model = Registration
    icon = "tick"
    menu_label = _("Registrations")
    list_display = ["user", "meeting", "status", "attended", "created_at"]
    list_filter = ["status", "attended", "meeting"]
    list_export = ["meeting", "status", "attended", "created_at"]
    panels = [FieldPanel("attended")]

    def get_queryset(self, request):
        return Registration.objects.select_related("user", "meeting")


class EventsGroup(SnippetViewSetGroup):
    items = (MeetingViewSet, MeetingSeriesViewSet, RegistrationViewSet)
    menu_icon = "calendar"
    menu_label = _("Meetings")
    menu_name = "meetings"


register_snippet(EventsGroup)


@hooks.register("before_serve_document")
def protect_members_only_meeting_documents(document, request):
    """A members-only meeting document is served to those who may read the meeting's
    members-only parts, whoever has its direct URL."""
    attached = MeetingDocument.objects.filter(
        document=document, visibility=DocumentVisibility.MEMBERS).select_related("meeting")
    for attachment in attached:
        refusal = refuse_members_only(request, attachment.meeting)
        if refusal is not None:
            return refusal
    return None


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def _series_saved(request, instance) -> None:
    if isinstance(instance, MeetingSeries):
        materialise(instance)


@hooks.register("after_edit_snippet")
def _meeting_edited(request, instance) -> None:
    if isinstance(instance, Meeting):
        Meeting.objects.filter(pk=instance.pk).update(
            detached=instance.series_id is not None, sequence=instance.sequence + 1)
        seats_changed(instance)
