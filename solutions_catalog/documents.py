"""What a ``before_serve_document`` hook answers when a members-only document is asked for.
Shared by every app that attaches members-only documents (case studies, meetings, the
resource library), so they all decide and refuse alike."""

from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, HttpResponseForbidden
from django.utils.translation import gettext_lazy as _

from members.permissions import MemberAction, check


def refuse_members_only(request: HttpRequest, shared_in: Any = None) -> HttpResponse | None:
    """For a members-only document (of ``shared_in``, when its rules depend on it): ``None``
    (serve it) to those who may read members-only material; otherwise sign-in for visitors
    and 403 for the rest."""
    if check(request.user, MemberAction.READ_MEMBERS_ONLY, shared_in):
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return HttpResponseForbidden(_("This document is shared with member organisations only."))
