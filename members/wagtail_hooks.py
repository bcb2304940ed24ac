from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Organisation


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = "Organisations"
    add_to_admin_menu = True
    list_display = ["name_en", "name_ko", "kind", "country", "membership_status"]
    list_filter = ["kind", "country", "membership_status"]
    list_export = ["slug", "name_en", "name_ko", "kind", "country", "region", "membership_status"]
    search_fields = ["name_en", "name_ko", "slug"]


register_snippet(OrganisationViewSet)
