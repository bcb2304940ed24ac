from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from . import notify
from .models import Organisation, OrganisationApplication, Role, User


def website_field() -> forms.URLField:
    return forms.URLField(label=_("Website"), required=False, assume_scheme="https")


class ApplicationForm(forms.ModelForm):
    website = website_field()

    class Meta:
        model = OrganisationApplication
        fields = ["kind", "name_en", "name_ko", "country", "region", "website", "contact_name",
                  "contact_job_title", "contact_email", "motivation"]
        widgets = {"motivation": forms.Textarea(attrs={"rows": 5})}


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(label=_("Decision"),
                                 choices=[("approve", _("Approve")), ("decline", _("Decline"))])
    reason = forms.CharField(
        label=_("Reason (sent to the applicant when declining)"), required=False,
        widget=forms.Textarea(attrs={"rows": 3}), max_length=2000,
    )


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.OFFICER)


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)


class OrganisationProfileForm(forms.ModelForm):
    website = website_field()
    focus_themes = forms.ModelMultipleChoiceField(
        label=_("Focus themes"), required=False, widget=forms.CheckboxSelectMultiple,
        queryset=Organisation._meta.get_field("focus_themes").related_model.objects.all(),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["focus_themes"] = list(self.instance.focus_themes.all())

    def save(self, commit: bool = True) -> Organisation:
        organisation = super().save(commit=commit)
        if commit:
            organisation.focus_themes.set(self.cleaned_data["focus_themes"])
        return organisation

    class Meta:
        model = Organisation
        fields = ["name_ko", "name_en", "description_ko", "description_en", "region",
                  "population", "area_km2", "website", "contact_email", "contact_phone"]
        widgets = {"description_ko": forms.Textarea(attrs={"rows": 4}),
                   "description_en": forms.Textarea(attrs={"rows": 4})}


class NewAccountForm(forms.Form):
    display_name = forms.CharField(label=_("Your name"), max_length=150)
    password1 = forms.CharField(label=_("Password"), widget=forms.PasswordInput(
        attrs={"autocomplete": "new-password"}))
    password2 = forms.CharField(label=_("Password (again)"), widget=forms.PasswordInput(
        attrs={"autocomplete": "new-password"}))

    def clean(self):
        data = super().clean()
        if data.get("password1") != data.get("password2"):
            raise forms.ValidationError(_("The two passwords differ."))
        if data.get("password1"):
            password_validation.validate_password(data["password1"])
        return data


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["display_name_ko", "display_name_en", "job_title", "phone", "languages",
                  "time_zone", "preferred_language"]


class DeleteAccountForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I understand that my account and personal data will be deleted."))


class MailPreferencesForm(forms.Form):
    """One choice per kind of notification a person may choose for (``kind-<slug>``);
    transactional kinds are listed by the template as always sent. A field of no such kind
    is refused rather than ignored."""

    PREFIX = "kind-"

    def __init__(self, *args, current: dict[str, str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for slug, kind in notify.KINDS.items():
            if not kind.transactional:
                self.fields[self.PREFIX + slug] = forms.ChoiceField(
                    label=kind.label, choices=kind.choices, initial=current[slug],
                    widget=forms.RadioSelect, required=False)

    def clean(self):
        data = super().clean()
        unknown = sorted(key.removeprefix(self.PREFIX) for key in self.data
                         if key.startswith(self.PREFIX) and key not in self.fields)
        if unknown:
            raise forms.ValidationError(
                _("There is no kind of notification you can choose for called %(kinds)s. "
                  "Nothing was changed.") % {"kinds": ", ".join(unknown)})
        return data

    def chosen(self) -> dict[str, str]:
        """The kinds chosen for; a kind left out of the form stays as it was."""
        return {name.removeprefix(self.PREFIX): value
                for name, value in self.cleaned_data.items() if value}

    def transactional_kinds(self) -> list[notify.Kind]:
        return [kind for kind in notify.KINDS.values() if kind.transactional]
