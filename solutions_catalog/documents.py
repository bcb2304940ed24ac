"""What a ``before_serve_document`` hook answers when a members-only document is asked for
by someone who may not read it. Shared by every app that attaches members-only documents
(case studies, meetings, the resource library), so they all refuse alike."""

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, HttpResponseForbidden
from django.utils.translation import gettext_lazy as _


def refuse_document(request: HttpRequest, allowed: bool) -> HttpResponse | None:
    """``None`` (serve it) when allowed; otherwise sign-in for visitors, 403 for the rest."""
    if allowed:
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return HttpResponseForbidden(_("This document is shared with member organisations only."))
