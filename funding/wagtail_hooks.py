"""Staff manage funding opportunities in the Wagtail admin and see every bid there (bids
change in the bid room, through funding.services). Plain model viewsets, not snippets:
snippets come with choosers that answer any admin user, and city officers have the admin."""

import datetime
import zoneinfo

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Bid, FundingOpportunity


class OpportunityForm(WagtailAdminModelForm):
    """The deadline is typed and shown on the funder's clock (the opportunity's time zone),
    not the clock of the staff member editing it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.deadline:
            self.initial["deadline"] = self.instance.local_deadline.replace(tzinfo=None)

    def clean(self) -> dict:
        data = super().clean()
        deadline: datetime.datetime | None = data.get("deadline")
        zone = data.get("time_zone")
        if deadline and zone and zone in zoneinfo.available_timezones():
            typed = timezone.make_naive(deadline) if timezone.is_aware(deadline) else deadline
            data["deadline"] = typed.replace(tzinfo=zoneinfo.ZoneInfo(zone))
            self.instance.deadline = data["deadline"]
        return data


class OpportunityViewSet(ModelViewSet):
    model = FundingOpportunity
    icon = "pick"
    menu_label = _("Opportunities")
    url_prefix = "funding/opportunities"
    list_display = ["programme_en", "funder_en", "status", "deadline", "audience"]
    list_filter = ["status", "funder_type", "audience", "themes"]
    list_export = ["programme_en", "programme_ko", "funder_en", "funder_type", "currency",
                   "total_award", "max_award", "match_percent", "deadline", "time_zone",
                   "status", "audience"]
    search_fields = ["programme_en", "programme_ko", "funder_en", "funder_ko"]
    edit_handler = ObjectList([
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("programme_ko"), FieldPanel("programme_en")]),
        FieldRowPanel([FieldPanel("funder_ko"), FieldPanel("funder_en"),
                       FieldPanel("funder_type")]),
        FieldRowPanel([FieldPanel("description_ko"), FieldPanel("description_en")]),
        FieldRowPanel([FieldPanel("eligibility_ko"), FieldPanel("eligibility_en")]),
        MultiFieldPanel([
            FieldRowPanel([FieldPanel("currency"), FieldPanel("total_award"),
                           FieldPanel("max_award"), FieldPanel("match_percent")]),
        ], heading=_("Money")),
        MultiFieldPanel([
            FieldRowPanel([FieldPanel("opens_on"), FieldPanel("deadline"),
                           FieldPanel("time_zone"), FieldPanel("decision_on")]),
        ], heading=_("Key dates")),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldRowPanel([FieldPanel("status"), FieldPanel("audience"), FieldPanel("url")]),
    ], base_form_class=OpportunityForm)


class BidViewSet(ModelViewSet):
    model = Bid
    icon = "folder-open-inverse"
    menu_label = _("Bids")
    url_prefix = "funding/bids"
    list_display = ["title", "lead", "opportunity", "status", "requested_amount",
                    "awarded_amount"]
    list_filter = ["status", "opportunity"]
    list_export = ["title", "lead", "opportunity", "status", "requested_amount",
                   "submitted_on", "awarded_amount", "awarded_on"]
    search_fields = ["title"]
    inspect_view_enabled = True
    form_fields = []  # staff read bids here; they change in the bid room

    def get_queryset(self, request):
        return Bid.objects.select_related("lead", "opportunity")


class FundingGroup(ViewSetGroup):
    items = (OpportunityViewSet, BidViewSet)
    menu_icon = "pick"
    menu_label = _("Funding")
    menu_name = "funding"


@hooks.register("register_admin_viewset")
def register_funding() -> FundingGroup:
    return FundingGroup()
