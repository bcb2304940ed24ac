"""The funder-ready evidence pack: one PDF per language (a funder reads one language; the team
sends the Korean pack to a ministry, the English one abroad), with the bid's summary, its team
and match table, and the outcomes of the case studies it rests on.

Rendered by WeasyPrint from an HTML template; Korean is set in Noto Sans CJK KR
(Debian's fonts-noto-cjk), found through fontconfig."""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from weasyprint import HTML

from members.models import User
from members.permissions import require
from solutions_catalog.evidence import ComparedReplication, compared_outcomes
from solutions_catalog.models import CaseStudyPage
from solutions_catalog.models.case_studies import CaseStudyKPI

from .match import bid_match
from .models import Bid
from .permissions import FundingAction

LANGUAGES = [code for code, _name in settings.LANGUAGES]


@dataclass(frozen=True)
class Evidence:
    """A case study the bid rests on, in the pack's language where it is translated: its
    own outcomes, and its replications' results beside them."""

    case_study: CaseStudyPage
    kpis: list[CaseStudyKPI]
    compared: list[ComparedReplication]


def _in_language(cases: list[CaseStudyPage], language: str) -> list[Evidence]:
    """Each case study's live translation into ``language`` (else the case study as linked),
    with its KPIs and its compared outcomes."""
    translated = {page.translation_key: page for page in CaseStudyPage.objects.live()
                  .filter(translation_key__in=[case.translation_key for case in cases],
                          locale__language_code=language)
                  .select_related("city", "evidence_level").prefetch_related("kpis")}
    return [Evidence(page, list(page.kpis.all()), compared_outcomes(page))
            for page in (translated.get(case.translation_key, case) for case in cases)]


def render_evidence_pack(bid: Bid, user: User, language: str) -> bytes:
    """The pack of ``bid`` in ``language`` as PDF bytes, for its team and staff only."""
    require(user, FundingAction.EVIDENCE_PACK, bid)
    if language not in LANGUAGES:
        raise ValidationError(_("There is no evidence pack in this language."))
    cases = list(bid.case_studies.select_related("city", "evidence_level")
                 .prefetch_related("kpis").order_by("title"))
    with translation.override(language):
        html = render_to_string("funding/evidence_pack.html", {
            "bid": bid,
            "language": language,
            "match": bid_match(bid, list(bid.partners.select_related("organisation"))),
            "evidence": _in_language(cases, language),
            "indicators": bid.indicators.order_by("code"),
            "produced_on": timezone.localdate(),
        })
    return HTML(string=html).write_pdf()
