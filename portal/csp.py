"""The Content-Security-Policy's two places in the portal: the middleware that gives Wagtail's
admin its looser policy (settings.ADMIN_CONTENT_SECURITY_POLICY, on the admin's paths only),
and the endpoint browsers send violation reports to, which logs each as a warning."""

import json
import logging

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

logger = logging.getLogger(__name__)
MAX_REPORT_SIZE = 16 * 1024  # a browser's report is a few hundred bytes


class PortalCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request: HttpRequest, response: HttpResponseBase,
                         report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if (not report_only and parts.config is None
                and request.path_info.startswith(settings.ADMIN_CSP_PATH_PREFIXES)):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY
        return parts


@csrf_exempt  # browsers send reports without a token
@require_POST
def report(request: HttpRequest) -> HttpResponse:
    """Logs a violation report (``report-uri``'s csp-report object or ``report-to``'s list).
    Garbage, too large or not, is answered 400 and logged as such; never a 500."""
    declared = request.META.get("CONTENT_LENGTH", "")
    if not (declared.isascii() and declared.isdigit()) or int(declared) > MAX_REPORT_SIZE:
        return HttpResponse("A report of at most 16 KB is expected.", status=400)
    try:
        body = json.loads(request.body)
    except ValueError:
        body = None
    reports = body if isinstance(body, list) else [body]
    violations = [r.get("csp-report") or r.get("body") for r in reports if isinstance(r, dict)]
    violations = [v for v in violations if isinstance(v, dict)]
    if not violations:
        return HttpResponse("Not a CSP violation report.", status=400)
    for violation in violations:
        logger.warning("CSP violation: %s blocked %s on %s",
                       violation.get("effective-directive") or violation.get("violated-directive")
                       or violation.get("effectiveDirective"),
                       violation.get("blocked-uri") or violation.get("blockedURL"),
                       violation.get("document-uri") or violation.get("documentURL"),
                       extra={"csp_report": violation})
    return HttpResponse(status=204)
