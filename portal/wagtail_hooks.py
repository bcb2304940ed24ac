from wagtail import hooks

from members.permissions import Action, check
from solutions_catalog.documents import refuse_document

from .models import ResourcePage


@hooks.register("before_serve_document")
def protect_members_only_resources(document, request):
    """The document of a members-only resource is served to members only, whoever has its
    direct URL."""
    members_only = ResourcePage.objects.members_only().filter(document=document).exists()
    return refuse_document(
        request, not members_only or check(request.user, Action.READ_MEMBERS_ONLY).allowed)
