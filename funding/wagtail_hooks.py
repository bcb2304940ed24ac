"""Staff manage funding opportunities in the Wagtail admin, and see every bid there (bids
themselves change in the bid room, through funding.services)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Bid, FundingOpportunity


class OpportunityViewSet(SnippetViewSet):
    model = FundingOpportunity
    icon = "pick"
    menu_label = _("Opportunities")
    list_display = ["programme_en", "funder_en", "status", "deadline", "audience"]
    list_filter = ["status", "funder_type", "audience", "themes"]
    list_export = ["programme_en", "programme_ko", "funder_en", "funder_type", "currency",
                   "total_award", "max_award", "match_percent", "deadline", "time_zone",
                   "status", "audience"]
    search_fields = ["programme_en", "programme_ko", "funder_en", "funder_ko"]
    panels = [
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
    ]


class BidViewSet(SnippetViewSet):
    model = Bid
    icon = "folder-open-inverse"
    menu_label = _("Bids")
    list_display = ["title", "lead", "opportunity", "status", "requested_amount",
                    "awarded_amount"]
    list_filter = ["status", "opportunity"]
    list_export = ["title", "lead", "opportunity", "status", "requested_amount",
                   "submitted_on", "awarded_amount", "awarded_on"]
    search_fields = ["title"]
    inspect_view_enabled = True

    def get_queryset(self, request):
        return Bid.objects.select_related("lead", "opportunity")


class FundingGroup(SnippetViewSetGroup):
    items = (OpportunityViewSet, BidViewSet)
    menu_icon = "pick"
    menu_label = _("Funding")
    menu_name = "funding"


register_snippet(FundingGroup)
