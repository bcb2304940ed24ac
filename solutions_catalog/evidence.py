"""Outcomes compared: each replication's results beside the origin's on the same indicators,
converted to the indicator's unit, with their changes, dates and evidence levels, and a small
bar chart of the changes (drawn server-side as SVG). In a fixed number of queries whatever
the number of adoptions and results; the bid evidence pack reuses ``compared_outcomes``."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from common.facets import Facet
from indicators.models import Indicator
from indicators.units import UnitError, convert
from members.models import Organisation

from .harvested import RemoteAdoption, remote_adoptions
from .models import Adoption, AdoptionResult, CaseStudyPage, EvidenceLevel

# The chart: a label column, then bars either side of a zero line (SVG user units).
UNSHOWN_UNITS = {"count", "1", ""}
LABEL_WIDTH, BAR_AREA, BAR_HEIGHT, GROUP_GAP, CHART_TOP = 230, 380, 16, 18, 28


@dataclass(frozen=True)
class Measure:
    """One city's figure on an indicator, in the indicator's unit."""

    value: Decimal
    baseline: Decimal | None
    measured_on: date | None
    evidence: EvidenceLevel | None

    @property
    def change(self) -> Decimal | None:
        """Change from the baseline, in per cent."""
        if self.baseline in (None, 0):
            return None
        return (self.value - self.baseline) / abs(self.baseline) * 100


@dataclass(frozen=True)
class ComparedRow:
    indicator: Indicator
    origin: Measure | None
    adopter: Measure | None
    origin_city: Organisation
    adopter_city: Organisation

    @property
    def unit(self) -> str:
        """The indicator's unit as shown beside figures: none for plain counts."""
        return "" if self.indicator.unit in UNSHOWN_UNITS else self.indicator.unit

    @property
    def sides(self) -> list[tuple[Organisation, Measure | None]]:
        return [(self.origin_city, self.origin), (self.adopter_city, self.adopter)]


@dataclass(frozen=True)
class Bar:
    label: str
    side: str  # "origin" or "adopter"
    change: Decimal
    x: int
    y: int
    width: int

    @property
    def text_x(self) -> int:
        return self.x + self.width + 4 if self.change >= 0 else self.x - 4

    @property
    def anchor(self) -> str:
        return "start" if self.change >= 0 else "end"


@dataclass(frozen=True)
class Chart:
    bars: list[Bar]
    labels: list[tuple[str, int]]  # indicator name and its y
    height: int
    width: int = LABEL_WIDTH + BAR_AREA + 60
    zero: int = LABEL_WIDTH + BAR_AREA // 2


@dataclass
class ComparedReplication:
    adoption: Adoption | RemoteAdoption
    rows: list[ComparedRow] = field(default_factory=list)

    @property
    def chart(self) -> Chart | None:
        return _chart(self.rows)


def _convert(value: Decimal | None, unit: str, indicator: Indicator) -> Decimal | None:
    return None if value is None else Decimal(str(convert(value, unit, indicator.unit)))


def _measure(value, baseline, unit, measured_on, evidence, indicator) -> Measure:
    return Measure(_convert(value, unit, indicator), _convert(baseline, unit, indicator),
                   measured_on, evidence)


def _origin_measures(page: CaseStudyPage) -> dict[int, Measure]:
    evidence = page.evidence_level
    measures = {}
    for kpi in page.kpis.filter(indicator__isnull=False).select_related("indicator"):
        measures.setdefault(kpi.indicator_id, _measure(
            kpi.result, kpi.baseline, kpi.unit, kpi.measured_on, evidence, kpi.indicator))
    return measures


def results_of(adoption: Adoption) -> list[AdoptionResult]:
    return list(adoption.results.select_related("indicator", "evidence_level")
                .order_by("indicator__code", "-measured_on", "-pk"))


# The indicator pages' filters, for adoption results: the theme of the case study replicated,
# the adopting city's country.
ADOPTION_FACETS = [
    Facet("theme", "adoption__origin__themes__slug", _("Theme"),
          label_fields=("adoption__origin__themes__name_ko",
                        "adoption__origin__themes__name_en")),
    Facet("country", "adoption__adopter__country", _("Country"), label=countries.name,
          valid=[code for code, _n in countries]),
]


def adoption_results_on(indicator: Indicator, language: str) -> QuerySet:
    """Adoption results on ``indicator`` whose replicated case study a reader of ``language``
    may see (live, public)."""
    shown = CaseStudyPage.objects.for_reader(language).values("translation_key")
    return AdoptionResult.objects.filter(indicator=indicator,
                                         adoption__origin__translation_key__in=shown)


def compared_outcomes(case_study: CaseStudyPage) -> list[ComparedReplication]:
    """For each city replicating ``case_study`` that has recorded results: its latest result on
    each indicator beside the origin's, the origin's indicators first."""
    adoptions = (Adoption.objects.of_case_study(case_study).filter(results__isnull=False)
                 .distinct().select_related("adopter").order_by("adopter__slug"))
    results: dict[int, list[AdoptionResult]] = {}
    for result in (AdoptionResult.objects.filter(adoption__in=adoptions)
                   .select_related("indicator", "evidence_level")
                   .order_by("-measured_on", "-pk")):
        results.setdefault(result.adoption_id, []).append(result)
    remote = [adoption for adoption in remote_adoptions([case_study]) if adoption.results]
    if not results and not remote:
        return []
    origin = _origin_measures(case_study)
    indicators = {}
    compared = []
    for adoption in adoptions:
        latest: dict[int, Measure] = {}
        for result in results.get(adoption.pk, []):
            indicators[result.indicator_id] = result.indicator
            latest.setdefault(result.indicator_id, _measure(
                result.value, result.baseline, result.unit, result.measured_on,
                result.evidence_level, result.indicator))
        order = [*(pk for pk in origin if pk in latest), *(pk for pk in latest if pk not in origin)]
        compared.append(ComparedReplication(adoption, [
            ComparedRow(indicators[pk], origin.get(pk), latest[pk], case_study.city,
                        adoption.adopter) for pk in order]))
    levels = {level.slug: level for level in EvidenceLevel.objects.all()} if remote else {}
    for adoption in remote:
        replication = _compared_remote(adoption, origin, case_study, levels)
        if replication.rows:
            compared.append(replication)
    return compared


def _compared_remote(adoption: RemoteAdoption, origin: dict[int, Measure],
                     case_study: CaseStudyPage,
                     levels: dict[str, EvidenceLevel]) -> ComparedReplication:
    """A peer's adoption beside the origin: its results whose indicator code is in this
    node's library, converted to the indicator's unit (one in a unit that does not convert
    is left out, as the form refuses it here)."""
    latest: dict[int, Measure] = {}
    indicators: dict[int, Indicator] = {}
    ordered = sorted(zip(adoption.results, adoption.evidence_levels, strict=True),
                     key=lambda pair: pair[0].measured_on or date.min, reverse=True)
    for result, level in ordered:
        if result.indicator is None or result.value is None:
            continue
        try:
            measure = _measure(result.value, result.baseline, result.unit, result.measured_on,
                               levels.get(level), result.indicator)
        except UnitError:
            continue
        indicators[result.indicator.pk] = result.indicator
        latest.setdefault(result.indicator.pk, measure)
    order = [*(pk for pk in origin if pk in latest), *(pk for pk in latest if pk not in origin)]
    return ComparedReplication(adoption, [
        ComparedRow(indicators[pk], origin.get(pk), latest[pk], case_study.city,
                    adoption.adopter) for pk in order])


def _chart(rows: list[ComparedRow]) -> Chart | None:
    changes = [(row, side, measure.change) for row in rows
               for side, measure in (("origin", row.origin), ("adopter", row.adopter))
               if measure is not None and measure.change is not None]
    if not changes:
        return None
    scale = max(abs(change) for _row, _side, change in changes) or Decimal(1)
    half = BAR_AREA // 2
    zero = LABEL_WIDTH + half
    bars, labels, y = [], [], CHART_TOP
    for row in rows:
        own = [(side, change) for r, side, change in changes if r is row]
        if not own:
            continue
        labels.append((row.indicator.name, y + BAR_HEIGHT))
        for side, change in own:
            width = max(1, int(abs(change) / scale * half))
            bars.append(Bar(row.indicator.name, side, change,
                            zero if change >= 0 else zero - width, y, width))
            y += BAR_HEIGHT + 2
        y += GROUP_GAP
    return Chart(bars, labels, y)
