"""Filters of the funding opportunities list."""

from django.db.models import Case, IntegerField, Value, When
from django.utils.translation import gettext_lazy as _

from common.facets import Facet
from common.listings import NEWEST, RELEVANCE, Sort

from .models import FunderType, OpportunityStatus

FACETS = [
    Facet("status", "status", _("Status"), label=lambda v: OpportunityStatus(v).label,
          valid=OpportunityStatus.values),
    Facet("theme", "themes__slug", _("Theme"),
          label_fields=("themes__name_ko", "themes__name_en")),
    Facet("funder", "funder_type", _("Funder type"), label=lambda v: FunderType(v).label,
          valid=FunderType.values),
]
SORTS = [Sort("deadline", _("Deadline")), NEWEST, RELEVANCE]
TITLES = ["programme_ko", "programme_en"]
KEYWORD_FIELDS = [*TITLES, "funder_ko", "funder_en", "description_ko", "description_en"]
ORDER = {"deadline": ("open_first", "deadline"), "newest": ("-created_at", "-pk"),
         "relevance": ("-relevance", "open_first", "deadline")}
PAGE_SIZE = 20
# Open calls first, then those announced, then the closed ones.
STATUS_ORDER = Case(
    *(When(status=status, then=Value(n)) for n, status in enumerate(
        (OpportunityStatus.OPEN, OpportunityStatus.FORECAST, OpportunityStatus.CLOSED))),
    output_field=IntegerField())
