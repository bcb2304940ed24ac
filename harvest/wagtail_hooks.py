"""Peer nodes in the Wagtail admin: staff register one by its address (this node fetches its
document and asks it to confirm), see each peer's state and remove one with its items."""

from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet

from . import services
from .models import Peer


class RegisterPeerForm(WagtailAdminModelForm):
    class Meta:
        model = Peer
        fields = ["url"]

    def validate_unique(self) -> None:
        """Registering a known peer again is allowed: it refreshes its key and confirms it."""


class PeerNamesForm(WagtailAdminModelForm):
    """Editing a peer: only the names shown here; its address and key change by registering."""

    class Meta:
        model = Peer
        fields = ["name_ko", "name_en"]


class RegisterPeerView(CreateView):
    def form_valid(self, form):
        try:
            self.peer = services.register_peer(form.cleaned_data["url"], by=self.request.user)
        except services.RegistrationError as error:
            form.add_error("url", str(error))
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)
        return super().form_valid(form)

    def save_instance(self) -> Peer:
        return self.peer


class PeerViewSet(SnippetViewSet):
    model = Peer
    icon = "site"
    menu_label = _("Peer nodes")
    add_to_admin_menu = True
    menu_order = 800
    add_view_class = RegisterPeerView
    inspect_view_enabled = True
    list_display = [
        "__str__", "url", "status", "last_harvest_at", "last_success_at",
        Column("item_count", label=_("harvested items")), "failures", "last_error",
    ]
    list_filter = ["status"]
    search_fields = ["name_en", "name_ko", "url"]

    def get_form_class(self, for_update: bool = False):
        return PeerNamesForm if for_update else RegisterPeerForm

    def get_queryset(self, request):
        return Peer.objects.annotate(item_count=Count("items"))


register_snippet(PeerViewSet)
