from django import forms
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from common.i18n import WRITTEN_IN

from .models import (
    AdaptedAspect,
    Adoption,
    AdoptionResult,
    AdoptionStage,
    AdoptionStatus,
    CaseStudyPage,
    Challenge,
    VendorOffering,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class AdoptionForm(forms.Form):
    adopter = forms.ModelChoiceField(label=_("Your city"), queryset=None, empty_label=None)
    status = forms.ChoiceField(label=_("Where you are"), choices=[
        (key, label) for key, label in AdoptionStatus.choices if key != AdoptionStatus.DROPPED])
    adapted = forms.CharField(label=_("What you adapted"), required=False, max_length=3000,
                              widget=forms.Textarea(attrs={"rows": 3}))
    outcomes = forms.CharField(label=_("Outcomes so far"), required=False, max_length=3000,
                               widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, cities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["adopter"].queryset = cities


class ReplicateForm(forms.Form):
    """The city starting a replication from a case study's kit."""

    adopter = forms.ModelChoiceField(label=_("For your city"), queryset=None, empty_label=None)

    def __init__(self, *args, cities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["adopter"].queryset = cities


class AdoptionStageForm(forms.ModelForm):
    class Meta:
        model = AdoptionStage
        fields = ["stage", "reached_on", "reason", "note"]
        widgets = {"reached_on": DATE, "note": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, adoption: Adoption, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.adoption = adoption
        self.fields["reason"].help_text = _("Only when the adoption was dropped.")


class AdoptionResultForm(forms.ModelForm):
    class Meta:
        model = AdoptionResult
        fields = ["indicator", "value", "unit", "baseline", "measured_on", "evidence_level"]
        widgets = {"measured_on": DATE}

    def __init__(self, *args, adoption: Adoption, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.adoption = adoption
        indicator = self.fields["indicator"]
        indicator.queryset = indicator.queryset.order_by("code")
        indicator.label_from_instance = lambda i: f"{i.code} · {i.name} ({i.unit})"


class AdaptationForm(forms.ModelForm):
    adapted_aspects = forms.MultipleChoiceField(
        label=_("What you adapted"), choices=AdaptedAspect.choices, required=False,
        widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = Adoption
        fields = ["adapted_aspects", "adapted"]
        labels = {"adapted": _("How (a note)")}
        widgets = {"adapted": forms.Textarea(attrs={"rows": 3})}



class OfferingForm(forms.ModelForm):
    vendor = forms.ModelChoiceField(label=_("Vendor"), queryset=None, empty_label=None)

    class Meta:
        model = VendorOffering
        fields = ["vendor", "name_ko", "name_en", "summary_ko", "summary_en", "themes",
                  "service_domains", "pricing_model", "certifications", "website", "is_listed"]
        widgets = {"themes": forms.CheckboxSelectMultiple,
                   "service_domains": forms.CheckboxSelectMultiple,
                   "summary_ko": forms.Textarea(attrs={"rows": 5}),
                   "summary_en": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, vendors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["vendor"].queryset = vendors
        if self.instance.pk:  # an offering stays with its vendor
            del self.fields["vendor"]


class DeploymentClaimForm(forms.Form):
    case_study = forms.ModelChoiceField(label=_("Case study where it runs"), queryset=None)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # those written only in the other language too, after the others and marked
        self.fields["case_study"].queryset = (
            CaseStudyPage.objects.for_reader((get_language() or "ko")[:2])
            .select_related("city").reader_first("title"))
        self.fields["case_study"].label_from_instance = self.label

    @staticmethod
    def label(page: CaseStudyPage) -> str:
        mark = f" · {WRITTEN_IN[page.language]}" if page.other_language else ""
        return f"{page.title} ({page.city.name}){mark}"


class ChallengeForm(forms.ModelForm):
    city = forms.ModelChoiceField(label=_("City"), queryset=None, empty_label=None)

    class Meta:
        model = Challenge
        fields = ["city", "title_ko", "title_en", "problem_ko", "problem_en", "themes",
                  "service_domain", "deadline"]
        widgets = {"themes": forms.CheckboxSelectMultiple,
                   "deadline": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                   "problem_ko": forms.Textarea(attrs={"rows": 6}),
                   "problem_en": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, cities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["city"].queryset = cities

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        if deadline < timezone.localdate():
            raise forms.ValidationError(_("The deadline cannot be in the past."))
        return deadline


class ChallengeResponseForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Answering for"), queryset=None,
                                          empty_label=None)
    proposal = forms.CharField(label=_("Your proposal"), max_length=4000,
                               widget=forms.Textarea(attrs={"rows": 6}))
    case_study = forms.ModelChoiceField(label=_("A case study that shows it works"),
                                        queryset=None, required=False)
    offering = forms.ModelChoiceField(label=_("Your offering"), queryset=None, required=False)

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["case_study"].queryset = CaseStudyPage.objects.live().public().filter(
            locale__language_code=(get_language() or "ko")[:2]).order_by("title")
        self.fields["offering"].queryset = VendorOffering.objects.listed().filter(
            vendor__in=organisations)
