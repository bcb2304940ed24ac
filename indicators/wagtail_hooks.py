from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Indicator


class IndicatorViewSet(SnippetViewSet):
    """The indicator library, kept by staff: Admin → Indicators."""

    model = Indicator
    icon = "table"
    menu_label = _("Indicators")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["code", "name_ko", "name_en", "standard", "theme", "unit"]
    list_filter = ["standard", "theme", "direction"]
    search_fields = ["code", "name_ko", "name_en"]
    panels = [
        FieldRowPanel([FieldPanel("code"), FieldPanel("standard")]),
        FieldPanel("name_ko"), FieldPanel("name_en"),
        FieldRowPanel([FieldPanel("theme"), FieldPanel("unit"), FieldPanel("direction"),
                       FieldPanel("sdg_target")]),
        FieldPanel("description_ko"), FieldPanel("description_en"),
    ]


register_snippet(IndicatorViewSet)
