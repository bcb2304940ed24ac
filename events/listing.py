"""Filters of the upcoming-meetings list."""

from django.utils.translation import gettext_lazy as _

from common.facets import Facet
from common.listings import RELEVANCE, Sort

from .models import Audience, MeetingKind

FACETS = [
    Facet("theme", "theme__slug", _("Theme"), label_fields=("theme__name_ko", "theme__name_en")),
    Facet("kind", "kind", _("Kind"), label=lambda v: MeetingKind(v).label,
          valid=MeetingKind.values),
    Facet("audience", "audience", _("Audience"), label=lambda v: Audience(v).label,
          valid=Audience.values),
]
SORTS = [Sort("soonest", _("Soonest")), RELEVANCE]
TITLES = ["title_ko", "title_en"]
KEYWORD_FIELDS = [*TITLES, "description_ko", "description_en", "venue_name"]
ORDER = {"soonest": ("starts_at",), "relevance": ("-relevance", "starts_at")}
PAGE_SIZE = 20
