"""Wagtail admin forms; kept apart from ``forms`` because the models import them."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from members.permissions import is_staff, viewer


class CaseStudyPageForm(WagtailAdminPageForm):
    """The admin form for a case study: an officer can only choose a city they belong to."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if user is not None and not is_staff(user):
            city = self.fields["city"]
            city.queryset = city.queryset.filter(pk__in=viewer(user).city_ids)
            city.error_messages["invalid_choice"] = _(
                "You can only write case studies for a city you belong to.")
