"""Every city's results on one standard indicator, converted to the indicator's unit: what the
indicator pages, their CSV and JSON, and comparisons read. Results come from the KPIs of
live, public case studies (one version per case study, the reader's where there is one);
``results_on`` is the one place other kinds of result (adoptions' own) join them."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from common.facets import Facet
from indicators.models import Indicator, ThemeKey
from indicators.units import UnitError, convert, plain
from members.models import Organisation

from .evidence import adoption_results_on
from .models import AdoptionResult, CaseStudyKPI, CaseStudyPage, EvidenceLevel

FACETS = [
    Facet("theme", "page__themes__slug", _("Theme"),
          label_fields=("page__themes__name_ko", "page__themes__name_en")),
    Facet("country", "page__city__country", _("Country"), label=countries.name,
          valid=[code for code, _n in countries]),
]


@dataclass(frozen=True)
class IndicatorResult:
    """One city's figure on an indicator; ``value`` and ``baseline`` in the indicator's unit,
    the figure as the city gave it in ``original_value`` and ``original_unit``."""

    city: Organisation
    value: Decimal
    baseline: Decimal | None
    original_value: Decimal
    original_unit: str
    measured_on: datetime.date | None
    source: str  # "case_study"; other kinds of result add their own
    case_study: CaseStudyPage | None
    metric: str
    evidence_level: EvidenceLevel | None
    themes: tuple[str, ...]

    @property
    def change(self) -> Decimal | None:
        """Per cent from the baseline."""
        if self.baseline in (None, 0):
            return None
        return (self.value - self.baseline) / abs(self.baseline) * 100


def case_study_kpis(indicator: Indicator, language: str) -> QuerySet:
    """The KPIs on ``indicator`` of the case studies a reader of ``language`` sees (live,
    public, one version each): the base the indicator page filters."""
    shown = CaseStudyPage.objects.for_reader(language).values("pk")
    return CaseStudyKPI.objects.filter(indicator=indicator, page__in=shown)


def _from_kpis(indicator: Indicator, kpis: Iterable[CaseStudyKPI]) -> list[IndicatorResult]:
    results = []
    for kpi in kpis:
        try:
            value = convert(kpi.result, kpi.unit, indicator.unit)
            baseline = (None if kpi.baseline is None
                        else convert(kpi.baseline, kpi.unit, indicator.unit))
        except UnitError:
            continue  # saved before its unit was checked: not comparable, left out
        page = kpi.page
        results.append(IndicatorResult(
            city=page.city, value=value, baseline=baseline, original_value=plain(kpi.result),
            original_unit=kpi.unit, measured_on=kpi.measured_on, source="case_study",
            case_study=page, metric=kpi.metric, evidence_level=page.evidence_level,
            themes=tuple(theme.slug for theme in page.themes.all())))
    return results


def _from_adoptions(indicator: Indicator, found: Iterable[AdoptionResult],
                    reported: set) -> list[IndicatorResult]:
    """Results the replicating cities recorded (``source`` "adoption"), each with the
    adopter's own case study when it is published; none of an adopter whose own case study
    already reports on the indicator (``reported``: translation keys), so no city counts twice."""
    results = []
    for result in found:
        own = result.adoption.adopter_case_study
        if own is not None and own.translation_key in reported:
            continue
        try:
            value = convert(result.value, result.unit, indicator.unit)
            baseline = (None if result.baseline is None
                        else convert(result.baseline, result.unit, indicator.unit))
        except UnitError:
            continue
        adoption = result.adoption
        results.append(IndicatorResult(
            city=adoption.adopter, value=value, baseline=baseline,
            original_value=plain(result.value), original_unit=result.unit,
            measured_on=result.measured_on, source="adoption",
            case_study=own if own is not None and own.live else None, metric=indicator.name,
            evidence_level=result.evidence_level,
            themes=tuple(theme.slug for theme in adoption.origin.themes.all())))
    return results


def results_on(indicator: Indicator, *, language: str, kpis: QuerySet | None = None,
               adoptions: QuerySet | None = None) -> list[IndicatorResult]:
    """Every result on ``indicator``, best first (by its direction), then the latest
    measured. ``kpis`` narrows the case-study KPIs (``case_study_kpis`` filtered by
    ``FACETS``), ``adoptions`` the adoption results (``adoption_results_on`` filtered by
    ``evidence.ADOPTION_FACETS``); a fixed number of queries, whatever the number of
    results."""
    kpis = case_study_kpis(indicator, language) if kpis is None else kpis
    adoptions = adoption_results_on(indicator, language) if adoptions is None else adoptions
    kpis = list(kpis.select_related(
        "page", "page__city", "page__evidence_level").prefetch_related("page__themes"))
    results = _from_kpis(indicator, kpis)
    reported = {kpi.page.translation_key for kpi in kpis}
    results += _from_adoptions(indicator, adoptions.select_related(
        "adoption__adopter", "adoption__adopter_case_study", "evidence_level",
        "adoption__origin").prefetch_related("adoption__origin__themes"), reported)
    sign = 1 if indicator.lower_is_better else -1
    results.sort(key=lambda r: (sign * r.value, -(r.measured_on or datetime.date.min).toordinal(),
                                r.city.slug))
    return results


def indicators_by_theme() -> list[tuple[str, list[Indicator]]]:
    """The library grouped by theme, in the themes' order: (theme label, indicators)."""
    groups: dict[str, list[Indicator]] = {key: [] for key in ThemeKey.values}
    for indicator in Indicator.objects.all():
        groups.setdefault(indicator.theme, []).append(indicator)
    labels = dict(ThemeKey.choices)
    return [(labels.get(key, key), found) for key, found in groups.items() if found]
