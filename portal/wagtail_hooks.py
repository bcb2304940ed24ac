from wagtail import hooks

from solutions_catalog.documents import refuse_members_only

from .models import ResourcePage


@hooks.register("before_serve_document")
def protect_members_only_resources(document, request):
    """The document of a members-only resource is served to members only, whoever has its
    direct URL."""
    if ResourcePage.objects.members_only().filter(document=document).exists():
        return refuse_members_only(request)
    return None
