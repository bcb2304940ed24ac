from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Membership, MembershipEvent, Organisation, OrganisationApplication
from .moderation import PageViewSet


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    list_display = ["name_en", "name_ko", "kind", "country", "membership_status", "member_since"]
    list_filter = ["kind", "country", "membership_status", "consortium"]
    list_export = ["slug", "name_en", "name_ko", "kind", "country", "region", "population",
                   "membership_status", "member_since", "status_changed_on"]
    search_fields = ["name_en", "name_ko", "slug"]


class MembershipViewSet(SnippetViewSet):
    model = Membership
    icon = "user"
    menu_label = _("Memberships")
    list_display = ["user", "organisation", "role", "created_at"]
    list_filter = ["role", "organisation__kind"]
    list_export = ["organisation", "role", "created_at"]

    def get_queryset(self, request):
        return Membership.objects.select_related("user", "organisation")


class ApplicationViewSet(SnippetViewSet):
    model = OrganisationApplication
    icon = "form"
    menu_label = _("Applications")
    list_display = ["name_en", "kind", "country", "status", "created_at"]
    list_filter = ["status", "kind"]
    list_export = ["name_en", "name_ko", "kind", "country", "status", "created_at",
                   "reviewed_at"]


class MembershipEventViewSet(SnippetViewSet):
    model = MembershipEvent
    icon = "history"
    menu_label = _("Audit trail")
    list_display = ["at", "action", "organisation", "subject_email", "actor_name", "detail"]
    list_filter = ["action"]
    list_export = ["at", "action", "organisation", "actor_name", "detail"]
    inspect_view_enabled = True

    def get_queryset(self, request):
        return MembershipEvent.objects.select_related("organisation", "actor")


class MembersGroup(SnippetViewSetGroup):
    items = (OrganisationViewSet, MembershipViewSet, ApplicationViewSet, MembershipEventViewSet)
    menu_icon = "group"
    menu_label = _("Members")
    menu_name = "members"


register_snippet(MembersGroup)


@hooks.register("register_admin_viewset", order=1)  # after Wagtail's own, which it replaces
def register_page_viewset() -> PageViewSet:
    return PageViewSet("pages")
