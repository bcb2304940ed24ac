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
            cities = viewer(user).city_ids
            city = self.fields["city"]
            city.queryset = city.queryset.filter(pk__in=cities)
            city.empty_label = None
            city.error_messages["invalid_choice"] = _(
                "You can only write case studies for a city you belong to.")
            if len(cities) == 1 and not self.instance.city_id:
                self.initial["city"] = next(iter(cities))
            # the contact is one of the city's own people, not anyone with an account
            contact = self.fields["contact_person"]
            contact.queryset = contact.queryset.filter(
                memberships__organisation__in=cities).distinct()
