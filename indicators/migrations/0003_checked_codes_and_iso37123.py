"""The seeded library checked against published sources (README, "Indicator library: sources").
0002 may already have run, so this migration changes rows by code: codes found wrong are
renamed in place (a KPI that points to the indicator keeps pointing to it), U4SSC codes that no
source confirmed and that repeat an ISO 37120 indicator are removed unless something uses them,
and the ISO 37123 (resilient cities) indicators the table of contents confirms are added."""

from importlib import import_module

from django.db import migrations, transaction
from django.db.models import ProtectedError

C, Y, M, S, R = "connectivity", "cybersecurity", "mobility", "sustainability", "resilience"
H, L = "higher", "lower"

# old code -> (new code, English name, Korean name), each number as the source prints it.
RENAMED = {
    # Kópavogur's ISO 37122 dashboard: 7.6 is the light management system, 7.7 the refurbished lights.
    "ISO37122:7.5": ("ISO37122:7.6",
                     "Percentage of street lighting managed by a light performance management system",
                     "조명 성능 관리 시스템으로 관리하는 가로등 비율"),
    # ITU U4SSC collection methodology (2017) and verification manual (2022): advanced ("A") KPIs.
    "U4SSC:EC-ICT-PS-1C": ("U4SSC:EC-ICT-PS-1A", "Open Data", "공개된 공공데이터셋 수"),
    "U4SSC:EC-ICT-PS-2C": ("U4SSC:EC-ICT-PS-2A", "e-Government",
                           "전자적으로 제공하는 공공서비스 수"),
    "U4SSC:EC-ICT-ES-2C": ("U4SSC:EC-ICT-ES-2A", "Electricity Supply ICT Monitoring",
                           "ICT로 감시하는 전력 공급망 비율"),
    "U4SSC:EC-ICT-D-1C": ("U4SSC:EC-ICT-D-1A", "Drainage / Storm Water System ICT Monitoring",
                          "ICT로 감시하는 배수·우수 시설 비율"),
}

# Codes no source confirmed; each repeats an ISO 37120 indicator or is left for staff to add
# once checked (0002 has their rows, used when unapplying).
DROPPED = ["U4SSC:EC-ICT-WS-1C", "U4SSC:EC-ICT-WS-2C", "U4SSC:EC-I-T-1C", "U4SSC:EC-I-T-3C"]

# (code, standard, theme, unit, better when, SDG 11 target, English name, Korean name)
ADDED = [
    ("ISO37122:7.7", "iso37122", S, "%", H, "",
     "Percentage of street lighting that has been refurbished and newly installed",
     "개량하거나 새로 설치한 가로등 비율"),
    ("ISO37123:5.1", "iso37123", R, "%", L, "11.5",
     "Historical disaster losses as a percentage of city product",
     "도시 총생산 대비 과거 재난 손실 비율"),
    ("ISO37123:5.2", "iso37123", R, "%", L, "11.5",
     "Average annual disaster loss as a percentage of city product",
     "도시 총생산 대비 연평균 재난 손실 비율"),
    ("ISO37123:5.3", "iso37123", R, "%", H, "",
     "Percentage of properties with insurance coverage for high-risk hazards",
     "고위험 재해 보험에 가입한 부동산 비율"),
    ("ISO37123:5.4", "iso37123", R, "%", H, "",
     "Percentage of total insured value to total value at risk within the city",
     "도시 내 위험 노출 자산 총액 대비 보험 가입액 비율"),
]


def forward(apps, schema_editor):
    indicator = apps.get_model("indicators", "Indicator")
    for old, (new, name_en, name_ko) in RENAMED.items():
        if not indicator.objects.filter(code=new).exists():
            indicator.objects.filter(code=old).update(code=new, name_en=name_en, name_ko=name_ko)
    for code in DROPPED:
        try:
            with transaction.atomic():
                indicator.objects.filter(code=code).delete()
        except ProtectedError:
            pass  # a KPI measures on it: staff decide, the row stays
    for code, standard, theme, unit, direction, sdg, name_en, name_ko in ADDED:
        indicator.objects.get_or_create(code=code, defaults={
            "standard": standard, "theme": theme, "unit": unit, "direction": direction,
            "sdg_target": sdg, "name_en": name_en, "name_ko": name_ko})


def backward(apps, schema_editor):
    seed = import_module("indicators.migrations.0002_seed_indicators")
    indicator = apps.get_model("indicators", "Indicator")
    indicator.objects.filter(code__in=[row[0] for row in ADDED]).delete()
    seeded = {row[0]: row for rows in seed.STANDARDS.values() for row in rows}
    for old, (new, _name_en, _name_ko) in RENAMED.items():
        *_, name_en, name_ko = seeded[old]
        if not indicator.objects.filter(code=old).exists():
            indicator.objects.filter(code=new).update(code=old, name_en=name_en, name_ko=name_ko)
    for code in DROPPED:
        _code, theme, unit, direction, sdg, name_en, name_ko = seeded[code]
        indicator.objects.get_or_create(code=code, defaults={
            "standard": "u4ssc", "theme": theme, "unit": unit, "direction": direction,
            "sdg_target": sdg, "name_en": name_en, "name_ko": name_ko})


class Migration(migrations.Migration):

    dependencies = [("indicators", "0002_seed_indicators")]

    operations = [migrations.RunPython(forward, backward)]
