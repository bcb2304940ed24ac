"""The glossary in the Wagtail admin: staff add and edit concepts as snippets."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Concept


class ConceptViewSet(SnippetViewSet):
    model = Concept
    icon = "list-ul"
    menu_label = _("Glossary")
    add_to_admin_menu = True
    menu_order = 800
    list_display = ["label_ko", "label_en", "key"]
    search_fields = ["label_ko", "label_en", "alt_labels_ko", "alt_labels_en", "key"]
    panels = [
        FieldPanel("key"),
        MultiFieldPanel([FieldPanel("label_ko"), FieldPanel("alt_labels_ko")],
                        heading=_("Korean")),
        MultiFieldPanel([FieldPanel("label_en"), FieldPanel("alt_labels_en")],
                        heading=_("English")),
    ]


register_snippet(ConceptViewSet)
