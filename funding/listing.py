"""Filters of the funding opportunities list."""

from django.db.models import Case, IntegerField, Value, When
from django.utils.translation import gettext_lazy as _

from common.facets import Facet

from .models import FunderType, OpportunityStatus

FACETS = [
    Facet("status", "status", _("Status"), label=lambda v: OpportunityStatus(v).label,
          valid=OpportunityStatus.values),
    Facet("theme", "themes__slug", _("Theme"),
          label_fields=("themes__name_ko", "themes__name_en")),
    Facet("funder", "funder_type", _("Funder type"), label=lambda v: FunderType(v).label,
          valid=FunderType.values),
]
PAGE_SIZE = 20
# Open calls first, then those announced, then the closed ones.
STATUS_ORDER = Case(
    *(When(status=status, then=Value(n)) for n, status in enumerate(
        (OpportunityStatus.OPEN, OpportunityStatus.FORECAST, OpportunityStatus.CLOSED))),
    output_field=IntegerField())
