"""The steps of writing a case study in the portal: each a form over some of the page's fields
(and its KPI, partner or document rows), checked in full before a draft revision is saved."""

import re
from dataclasses import dataclass
from html import unescape

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.forms.models import construct_instance
from django.template.defaultfilters import filesizeformat
from django.utils.html import escape, strip_tags
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.forms import BaseChildFormSet, ClusterForm

from common.uploads import validate_upload
from members.models import Organisation

from .drafts import NewDocument
from .models import CaseStudyPage, DocumentType, DocumentVisibility

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
# Typed as text (a number input drops what it cannot read): "12,5" or "네 건" reaches the
# form, which says at the field what is wrong.
NUMBER = forms.TextInput(attrs={"inputmode": "decimal"})
PARAGRAPHS = re.compile(r"\n\s*\n")


def to_rich_text(text: str) -> str:
    """Plain text typed by the officer, one paragraph per blank-line-separated block."""
    return "".join(f"<p>{escape(block.strip())}</p>".replace("\n", "<br>")
                   for block in PARAGRAPHS.split(text.strip()) if block.strip())


def to_plain_text(html: str) -> str:
    blocks = re.sub(r"</(p|h\d|li)>", "\n\n", html or "")
    return unescape(strip_tags(re.sub(r"<br\s*/?>", "\n", blocks))).strip()


class PlainRichText(forms.CharField):
    """A rich-text field of the page written as plain paragraphs."""

    widget = forms.Textarea(attrs={"rows": 6})

    def prepare_value(self, value):
        return to_plain_text(value) if value and "<" in str(value) else value

    def clean(self, value):
        return to_rich_text(super().clean(value))


class RowForm(ClusterForm):
    """A KPI, partner or document row."""

    def has_changed(self) -> bool:
        # A row kept only in the draft has no id yet: modelcluster drops unchanged id-less
        # rows, so such a row counts as changed to be kept.
        return super().has_changed() or (not self.empty_permitted and self.instance.pk is None)


class Rows(BaseChildFormSet):
    """Rows keep the order they are shown in (modelcluster orders every Orderable's rows)."""

    ordering_widget = forms.HiddenInput


class PartnerRow(RowForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.active().order_by(
            "name_ko", "name_en")


class KPIRow(RowForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].label = _("Standard indicator")
        self.fields["indicator"].empty_label = _("None: not comparable")
        self.fields["indicator"].help_text = _(
            "Choose the standard indicator it measures, so it sits beside other cities' "
            "results; the unit must convert to the indicator's.")


class StepForm(ClusterForm):
    """Some of a case study's fields. The page's own ``clean`` (its slug's place in the tree)
    waits for submission; a step checks its fields and the period when it holds the dates."""

    def __init__(self, *args, user=None, cities=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        for formset in self.formsets.values():
            self._share_choices(formset.forms)

    @staticmethod
    def _share_choices(rows: list) -> None:
        """A select repeated on every row reads its options once."""
        for name, field in (rows[0].fields.items() if rows else ()):
            if isinstance(field, forms.ModelChoiceField):
                choices = list(field.choices)
                for row in rows:
                    row.fields[name].choices = choices

    def _post_clean(self):
        construct_instance(self, self.instance, self._meta.fields, self._meta.exclude)
        errors = {}
        try:
            self.instance.clean_fields(exclude=self._get_validation_exclusions())
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        errors.update({name: message for name, message in self.instance.period_errors().items()
                       if name in self.fields})
        if errors:
            self._update_errors(ValidationError(errors))

    def new_document(self) -> NewDocument | None:
        """A document uploaded at this step, to be stored with the draft."""
        return None


class ProblemForm(StepForm):
    problem = PlainRichText(label=_("The problem"), help_text=_(
        "What went wrong or was missing, for whom, and how you knew. Separate paragraphs "
        "with an empty line."))

    class Meta:
        model = CaseStudyPage
        fields = ["title", "city", "summary", "problem", "themes", "service_domain"]
        formsets = {}
        widgets = {"themes": forms.CheckboxSelectMultiple,
                   "summary": forms.Textarea(attrs={"rows": 3})}
        labels = {"title": _("Title")}

    def __init__(self, *args, cities=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["city"].queryset = cities
        self.fields["city"].empty_label = None


class ApproachForm(StepForm):
    approach = PlainRichText(label=_("What the city did"), help_text=_(
        "The solution, how it was bought and rolled out, what you would do differently."))

    class Meta:
        model = CaseStudyPage
        fields = ["approach", "maturity", "started_on", "ended_on"]
        formsets = {}
        widgets = {"started_on": DATE, "ended_on": DATE}


KPI_FIELDS = ["indicator", "metric", "baseline", "result", "unit", "measured_on"]


class OutcomesForm(StepForm):
    class Meta:
        model = CaseStudyPage
        fields = ["evidence_level"]
        formsets = {"kpis": {
            "form": KPIRow, "formset": Rows, "fields": KPI_FIELDS, "extra": 1, "can_delete": True,
            "widgets": {"measured_on": DATE, "baseline": NUMBER, "result": NUMBER}}}


class BudgetForm(StepForm):
    class Meta:
        model = CaseStudyPage
        fields = ["budget", "currency", "funding_model", "public_share_percent"]
        formsets = {}


class PartnersForm(StepForm):
    class Meta:
        model = CaseStudyPage
        fields = ["partnership_model"]
        formsets = {"partners": {"form": PartnerRow, "formset": Rows,
                                 "fields": ["organisation", "role"], "extra": 1,
                                 "can_delete": True}}



class DataForm(StepForm):
    class Meta:
        model = CaseStudyPage
        fields = ["data_used", "datasets_used", "data_shared_back", "datasets_shared"]
        formsets = {}
        widgets = {"data_used": forms.Textarea(attrs={"rows": 4}),
                   "datasets_used": forms.CheckboxSelectMultiple,
                   "data_shared_back": forms.Textarea(attrs={"rows": 4}),
                   "datasets_shared": forms.CheckboxSelectMultiple}


class PrivacyForm(StepForm):
    class Meta:
        model = CaseStudyPage
        fields = ["privacy_assessment"]
        formsets = {}


class DocumentsForm(StepForm):
    """The documents already attached (type, visibility, removal) and one new upload."""

    new_file = forms.FileField(label=_("Add a document"), required=False,
                               validators=[validate_upload])
    new_title = forms.CharField(label=_("Document title"), required=False, max_length=255)
    new_kind = forms.ChoiceField(label=_("Document type"), required=False,
                                 choices=[("", "—"), *DocumentType.choices])
    new_visibility = forms.ChoiceField(label=_("Who may open it"),
                                       choices=DocumentVisibility.choices,
                                       initial=DocumentVisibility.MEMBERS)

    class Meta:
        model = CaseStudyPage
        fields = []
        formsets = {"documents": {"form": RowForm, "formset": Rows,
                                  "fields": ["kind", "visibility"], "extra": 0,
                                  "can_delete": True}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit = settings.WAGTAILDOCS_MAX_UPLOAD_SIZE
        # The browser says so at the field before sending: a body far over the limit is
        # refused on the wire (common.limits), before this form could say anything.
        self.fields["new_file"].widget.attrs.update({
            "accept": ",".join(f".{ext}" for ext in settings.WAGTAILDOCS_EXTENSIONS),
            "data-max-size": limit,
            "data-too-large": gettext("The file is too large; the limit is %(limit)s.")
            % {"limit": filesizeformat(limit)}})

    def clean(self):
        data = super().clean()
        if data.get("new_file") and not data.get("new_kind"):
            self.add_error("new_kind", _("Say what kind of document this is."))
        return data

    def new_document(self) -> NewDocument | None:
        data = self.cleaned_data
        if not data.get("new_file"):
            return None
        return NewDocument(data["new_file"], data["new_title"], data["new_kind"],
                           data["new_visibility"])


@dataclass(frozen=True)
class Step:
    slug: str
    label: str
    form: type[StepForm]


STEPS = [
    Step("problem", _("The problem"), ProblemForm),
    Step("approach", _("What the city did"), ApproachForm),
    Step("outcomes", _("Outcomes"), OutcomesForm),
    Step("budget", _("Budget and funding"), BudgetForm),
    Step("partners", _("Partners"), PartnersForm),
    Step("data", _("Data used and shared back"), DataForm),
    Step("privacy", _("Privacy assessment"), PrivacyForm),
    Step("documents", _("Documents"), DocumentsForm),
]
STEP_OF = {step.slug: step for step in STEPS}


def step_of_field(name: str) -> Step:
    """The step where a field of the page is written (the first, for the page's own)."""
    return next((step for step in STEPS if name in step.form.base_fields
                 or name in step.form.formsets), STEPS[0])
