"""Demo evidence along real replication chains: Daegu's street lights → Peoria, Daegu's data
hub → Bucheon → Suwon, with dated stages, what was adapted and results on the same library
indicators as the origin's; and Busan's dropped adoption of Suwon's bus, with its reason.
Figures are illustrative (Peoria's results in MWh, compared in the indicator's kWh)."""

from datetime import date as D
from decimal import Decimal

from indicators.models import Indicator
from members.models import Organisation

from .models import Adoption, AdoptionResult, AdoptionStage, EvidenceLevel

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
