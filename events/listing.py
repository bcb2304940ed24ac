"""Filters of the upcoming-meetings list."""

from django.utils.translation import gettext_lazy as _

from common.facets import Facet

from .models import Audience, MeetingKind

FACETS = [
    Facet("theme", "theme__slug", _("Theme"), label_fields=("theme__name_ko", "theme__name_en")),
    Facet("kind", "kind", _("Kind"), label=lambda v: MeetingKind(v).label,
          valid=MeetingKind.values),
    Facet("audience", "audience", _("Audience"), label=lambda v: Audience(v).label,
          valid=Audience.values),
]
PAGE_SIZE = 20
