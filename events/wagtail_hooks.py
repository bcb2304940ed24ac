"""Staff manage meeting series, meetings and registrations in the Wagtail admin. A series'
rule is chosen with the recurrence picker, which shows its next dates before it is saved;
saving a series (re)builds its meetings a year ahead; editing one of its meetings by hand
detaches it from the rule and tells calendars it changed. A meeting's times are typed on its
own clock; its minutes are published with one action that tells attendees once."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    Panel,
)
from wagtail.snippets.action_menu import ActionMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from solutions_catalog.documents import refuse_members_only
from solutions_catalog.models import DocumentVisibility

from . import services, staff
from .forms import MeetingForm, SeriesForm, preview
from .models import Meeting, MeetingDocument, MeetingSeries, Registration
from .schedule import materialise

PREVIEW_DATES = "preview-dates"
PUBLISH_MINUTES = "action-publish-minutes"


class RecurrencePreviewPanel(Panel):
    """The series' next six dates in its own zone, with the "Preview dates" button that posts
    the form to see them (the picker's script refreshes them as fields change)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "events/admin/recurrence_preview_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["preview"] = preview(self.form, self.instance)
            context["url"] = reverse("events_preview_dates")
            return context


class MinutesStatusPanel(Panel):
    """Who published the minutes and when, on the meeting's clock."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "events/admin/minutes_status.html"


class PreviewDatesMixin:
    """"Preview dates" posts the form: it is checked and shown again with the dates, and
    nothing is saved."""

    def is_valid(self, form):
        if self.request.POST.get(PREVIEW_DATES):
            form.is_valid()
            self.produced_error_message = None
            return False
        return super().is_valid(form)


class SeriesCreateView(PreviewDatesMixin, snippet_views.CreateView):
    pass


class SeriesEditView(PreviewDatesMixin, snippet_views.EditView):
    pass

PLACE = [
    FieldRowPanel([FieldPanel("venue_name"), FieldPanel("address")]),
    FieldRowPanel([FieldPanel("map_url"), FieldPanel("online_url")]),
]


class MeetingSeriesViewSet(SnippetViewSet):
    model = MeetingSeries
    icon = "date"
    menu_label = _("Meeting series")
    list_display = ["title_en", "title_ko", "recurrence", "time_zone"]
    add_view_class = SeriesCreateView
    edit_view_class = SeriesEditView
    edit_handler = ObjectList([
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("title_ko"), FieldPanel("title_en")]),
        FieldRowPanel([FieldPanel("description_ko"), FieldPanel("description_en")]),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("audience"), FieldPanel("organiser")]),
        MultiFieldPanel([
            FieldRowPanel([FieldPanel("first_date"), FieldPanel("start_time"),
                           FieldPanel("duration")]),
            FieldPanel("time_zone"),
            FieldPanel("recurrence"),
            RecurrencePreviewPanel(heading=_("Next dates")),
        ], heading=_("When")),
        InlinePanel("rotation", heading=_("Theme rotation"), label=_("theme")),
        MultiFieldPanel([*PLACE, FieldRowPanel([FieldPanel("capacity"),
                                                FieldPanel("requires_approval")])],
                        heading=_("Where and how many")),
    ], base_form_class=SeriesForm)


class MeetingViewSet(SnippetViewSet):
    model = Meeting
    icon = "calendar"
    menu_label = _("Meetings")
    list_display = ["title_en", "local_start_display", "theme", "status", "capacity"]
    list_filter = ["status", "kind", "theme", "audience"]
    list_export = ["title_en", "title_ko", "starts_at", "ends_at", "time_zone", "status",
                   "capacity"]
    search_fields = ["title_en", "title_ko"]
    edit_handler = ObjectList([
        FieldRowPanel([FieldPanel("title_ko"), FieldPanel("title_en")]),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("theme"), FieldPanel("audience"),
                       FieldPanel("status")]),
        FieldRowPanel([FieldPanel("description_ko"), FieldPanel("description_en")]),
        FieldRowPanel([FieldPanel("time_zone"), FieldPanel("starts_at"),
                       FieldPanel("ends_at")]),
        *PLACE,
        FieldRowPanel([FieldPanel("capacity"), FieldPanel("requires_approval"),
                       FieldPanel("registration_opens_at"),
                       FieldPanel("registration_closes_at")]),
        FieldPanel("organiser"),
        InlinePanel("agenda", heading=_("Agenda"), label=_("item")),
        MultiFieldPanel([FieldPanel("minutes_ko"), FieldPanel("minutes_en"),
                         FieldPanel("recording_url"),
                         MinutesStatusPanel(heading=_("Minutes published")),
                         InlinePanel("documents", label=_("document"))],
                        heading=_("After the meeting")),
    ], base_form_class=MeetingForm)


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
        services.seats_changed(instance)
        if request.POST.get(PUBLISH_MINUTES):
            _publish_minutes(request, instance)


def _publish_minutes(request, meeting: Meeting) -> None:
    try:
        told = services.publish_minutes(meeting, request.user)
    except ValidationError as refusal:
        for message in refusal.messages:
            messages.error(request, message)
    else:
        staff.say_published(request, meeting, told)


class PublishMinutesMenuItem(ActionMenuItem):
    label = _("Save and publish minutes")
    name = PUBLISH_MINUTES
    icon_name = "mail"
    order = 5

    def is_shown(self, context) -> bool:
        instance = context.get("instance")
        return (super().is_shown(context) and context.get("view") == "edit"
                and instance is not None and instance.minutes_published_at is None)


@hooks.register("register_snippet_action_menu_item")
def _publish_minutes_item(model):
    return PublishMinutesMenuItem() if model is Meeting else None


@hooks.register("register_admin_urls")
def _admin_urls():
    return [path("meetings/preview-dates/", staff.preview_dates, name="events_preview_dates")]
