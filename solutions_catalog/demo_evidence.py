"""Demo evidence along real replication chains: Daegu's street lights → Peoria, Daegu's data
hub → Bucheon → Suwon, with dated stages, what was adapted and results on the same library
indicators as the origin's, and the data sets that flow along it; and Busan's dropped adoption of Suwon's bus, with its reason.
Figures are illustrative (Peoria's results in MWh, compared in the indicator's kWh)."""

from datetime import date as D
from decimal import Decimal

from indicators.models import Indicator
from members.models import Organisation

from .models import Adoption, AdoptionResult, AdoptionStage, DataSet, EvidenceLevel, Theme

# (adopter, case study adopted): its kinds of adaptation, then dated stages (stage, date,
# reason when dropped, note) and results (indicator, baseline, value, unit, measured on,
# evidence level).
CHAINS = {
    ("peoria-il", "daegu-smart-street-lights"): {
        "aspects": ["tender", "scale"],
        "stages": [("exploring", D(2023, 3, 6), "", ""), ("planning", D(2023, 7, 3), "", ""),
                   ("piloting", D(2024, 2, 1), "", ""), ("deployed", D(2025, 1, 15), "", "")],
        "results": [("ISO37120:7.6", "3.1", "1.9", "MWh/km/yr", D(2025, 2, 1), 3)],
    },
    ("bucheon", "daegu-data-hub"): {
        "aspects": ["data_model", "scale"],
        "stages": [("exploring", D(2023, 6, 12), "", ""), ("planning", D(2023, 11, 1), "", ""),
                   ("piloting", D(2024, 3, 1), "", "")],
        "results": [("U4SSC:EC-ICT-PS-1A", 12, 46, "datasets", D(2025, 2, 1), 3),
                    ("U4SSC:EC-ICT-PS-2A", 1, 6, "services", D(2025, 2, 1), 2)],
    },
    ("suwon", "bucheon-urban-data-platform"): {
        "aspects": ["data_model"],
        "stages": [("exploring", D(2024, 9, 2), "", ""), ("planning", D(2025, 1, 6), "", "")],
        "results": [("U4SSC:EC-ICT-PS-1A", 3, 12, "개", D(2025, 6, 1), 2)],
    },
    ("busan", "suwon-demand-responsive-bus"): {
        "aspects": ["vendor"],
        "stages": [("exploring", D(2024, 5, 20), "", ""),
                   ("dropped", D(2025, 2, 10), "procurement",
                    "운영사 입찰이 두 번 유찰됨 / Two tenders for an operator drew no bids")],
        "results": [],
    },
}


def seed() -> None:
    """Stages, adaptations and results of the demo adoptions, once (seeding again leaves
    those already recorded as they are)."""
    levels = EvidenceLevel.objects.in_bulk(field_name="level")
    codes = {row[0] for chain in CHAINS.values() for row in chain["results"]}
    indicators = Indicator.objects.in_bulk(codes, field_name="code")
    for (city, slug), chain in CHAINS.items():
        adoption = Adoption.objects.filter(
            adopter=Organisation.objects.get(slug=city), origin__slug=slug).first()
        if adoption is None or adoption.stages.exists():
            continue
        adoption.adapted_aspects = chain["aspects"]
        adoption.status = chain["stages"][-1][0]
        adoption.save(update_fields=["adapted_aspects", "status"])
        AdoptionStage.objects.bulk_create(
            AdoptionStage(adoption=adoption, stage=stage, reached_on=on, reason=reason,
                          note=note, recorded_by=adoption.recorded_by)
            for stage, on, reason, note in chain["stages"])
        AdoptionResult.objects.bulk_create(
            AdoptionResult(adoption=adoption, indicator=indicators[code],
                           baseline=Decimal(baseline), value=Decimal(value), unit=unit,
                           measured_on=on, evidence_level=levels.get(level),
                           recorded_by=adoption.recorded_by)
            for code, baseline, value, unit, on, level in chain["results"]
            if code in indicators)  # the library is seeded by a migration of its own


# The data that flows along the chain: Daegu's hub publishes, Bucheon's platform uses it and
# shares its sensors back, Suwon's living lab uses both and shares its own. Addresses are
# illustrative. (slug, publisher, name ko, name en, description ko, description en, format,
# themes)
DATASETS = [
    ("daegu-hub-open-data", "daegu", "대구 데이터허브 개방 데이터",
     "Daegu data hub open data",
     "대구 데이터허브가 교통·환경·안전 분야 도시 데이터를 표준 API로 개방합니다.",
     "The Daegu data hub's city data on transport, environment and safety, through a "
     "standard API.", "API", ["connectivity"]),
    ("daegu-parking-occupancy", "daegu", "대구 공영주차장 실시간 주차 현황",
     "Daegu public car parks: live occupancy",
     "공영주차장별 주차면 수와 5분 단위 점유 현황입니다.",
     "Spaces and five-minute occupancy of each public car park.", "CSV", ["mobility"]),
    ("bucheon-urban-sensors", "bucheon", "부천 도시데이터 플랫폼 환경 센서 데이터",
     "Bucheon urban data platform: environmental sensors",
     "부천시 전역 환경 센서(미세먼지·소음·온도)의 시간별 측정값을 대구 데이터허브 모델로 공유합니다.",
     "Hourly readings of Bucheon's environmental sensors (fine dust, noise, temperature), "
     "shared in the Daegu data hub's model.", "JSON", ["sustainability", "connectivity"]),
    ("suwon-living-lab-data", "suwon", "수원 리빙랩 시민 참여 데이터",
     "Suwon living lab: citizen data",
     "리빙랩 참여 시민이 수집한 생활 불편 신고와 개선 결과입니다.",
     "Everyday problems reported by the living lab's citizens, and what was done about them.",
     "CSV", ["connectivity"]),
]
# case study → (data sets it uses, data sets it shares back)
DATA_FLOWS = {
    "daegu-data-hub": ([], ["daegu-hub-open-data", "daegu-parking-occupancy"]),
    "bucheon-urban-data-platform": (["daegu-hub-open-data"], ["bucheon-urban-sensors"]),
    "suwon-living-lab-data-hub": (["daegu-hub-open-data", "bucheon-urban-sensors"],
                                  ["suwon-living-lab-data"]),
}


def seed_datasets() -> None:
    """The demo data sets, once (before the case studies that name them)."""
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    for slug, publisher, name_ko, name_en, text_ko, text_en, fmt, on in DATASETS:
        dataset, created = DataSet.objects.get_or_create(slug=slug, defaults={
            "publisher": Organisation.objects.get(slug=publisher), "name_ko": name_ko,
            "name_en": name_en, "description_ko": text_ko, "description_en": text_en,
            "format": fmt, "access_url": f"https://data.example.kr/{slug}/",
            "landing_url": f"https://data.example.kr/{slug}"})
        if created:
            dataset.themes.set([themes[t] for t in on if t in themes])


def data_flows(case_slug: str) -> tuple[list[DataSet], list[DataSet]]:
    uses, shares = DATA_FLOWS.get(case_slug, ([], []))
    found = DataSet.objects.in_bulk([*uses, *shares], field_name="slug")
    return ([found[s] for s in uses if s in found], [found[s] for s in shares if s in found])
