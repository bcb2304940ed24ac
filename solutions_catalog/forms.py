from django import forms
from django.utils.translation import gettext_lazy as _

from .models import AdoptionStatus


class AdoptionForm(forms.Form):
    adopter = forms.ModelChoiceField(label=_("Your city"), queryset=None, empty_label=None)
    status = forms.ChoiceField(label=_("Where you are"), choices=AdoptionStatus.choices)
    adapted = forms.CharField(label=_("What you adapted"), required=False, max_length=3000,
                              widget=forms.Textarea(attrs={"rows": 3}))
    outcomes = forms.CharField(label=_("Outcomes so far"), required=False, max_length=3000,
                               widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, cities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["adopter"].queryset = cities

