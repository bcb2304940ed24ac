from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from common.uploads import validate_upload
from indicators.models import Indicator
from members.models import MembershipStatus, Organisation
from solutions_catalog.models import CaseStudyPage

from .models import Bid, BidPartner, BidStatus, LeadShare
from .services import Pledge

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class BidForm(forms.ModelForm):
    lead = forms.ModelChoiceField(label=_("Lead organisation"), queryset=None, empty_label=None)
    case_studies = forms.ModelMultipleChoiceField(
        label=_("Case studies it would scale"), queryset=None, required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}))

    class Meta:
        model = Bid
        fields = ["title", "lead", "requested_amount", "summary", "case_studies"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, leads: QuerySet[Organisation], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead"].queryset = leads
        self.fields["case_studies"].queryset = (
            CaseStudyPage.objects.live().public().order_by("title"))


class EvidenceForm(forms.ModelForm):
    """The case studies and indicators a bid rests on."""

    class Meta:
        model = Bid
        fields = ["case_studies", "indicators"]
        widgets = {"case_studies": forms.SelectMultiple(attrs={"size": 6}),
                   "indicators": forms.SelectMultiple(attrs={"size": 8})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["case_studies"].queryset = (
            CaseStudyPage.objects.live().public().order_by("title"))
        self.fields["indicators"].queryset = Indicator.objects.order_by("code")


class MoveForm(forms.Form):
    target = forms.ChoiceField(label=_("New status"), choices=BidStatus.choices)
    note = forms.CharField(label=_("Note"), required=False, max_length=2000,
                           widget=forms.Textarea(attrs={"rows": 2}))
    awarded_amount = forms.DecimalField(label=_("Amount awarded"), required=False,
                                        min_value=0, max_digits=16, decimal_places=2)
    awarded_on = forms.DateField(label=_("Awarded on"), required=False, widget=DATE)
    submitted_on = forms.DateField(label=_("Submitted on"), required=False, widget=DATE)


PLEDGE = ["match_public", "match_private", "match_in_kind", "match_currency"]


class PledgeFields:
    def pledge(self) -> Pledge:
        return Pledge(**{name: self.cleaned_data[name] for name in PLEDGE})


class LeadShareForm(PledgeFields, forms.ModelForm):
    class Meta:
        model = LeadShare
        fields = PLEDGE


class PartnerForm(PledgeFields, forms.ModelForm):
    class Meta:
        model = BidPartner
        fields = ["organisation", "role", *PLEDGE, "letter_received"]

    def __init__(self, *args, bid: Bid, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = (
            Organisation.objects.filter(membership_status=MembershipStatus.ACTIVE)
            .exclude(pk=bid.lead_id))


class TaskForm(forms.Form):
    title = forms.CharField(label=_("Task"), max_length=200)
    owner = forms.ModelChoiceField(label=_("Owner"), queryset=None, required=False)
    due_on = forms.DateField(label=_("Due"), required=False, widget=DATE)

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = people


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Document"), max_length=200,
                            help_text=_("Use the same title to upload a new version."))
    file = forms.FileField(label=_("File"), validators=[validate_upload])
    note = forms.CharField(label=_("What changed"), required=False, max_length=300)


class CommentForm(forms.Form):
    body = forms.CharField(label=_("Comment"), max_length=4000,
                           widget=forms.Textarea(attrs={"rows": 3}))
