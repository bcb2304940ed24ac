"""The five core themes of the consortium's monthly meetings (NSCP model)."""

from members.models import Organisation

from .models import Theme

THEMES = [
    # slug, Korean, English, colour, Korean description, English description, focused cities
    ("connectivity", "연결성", "Connectivity", "#1f5fa8",
     "5G, 공공 와이파이, 디지털 격차 해소와 도시 데이터 허브의 연결.",
     "5G, public Wi-Fi, closing the digital divide and linking city data hubs.",
     ["daegu", "kansas-city-mo", "hanbit-telecom"]),
    ("cybersecurity", "사이버보안", "Cybersecurity", "#6b3fa0",
     "도시 기반시설과 시민 데이터를 지키는 보안 체계와 개인정보 보호.",
     "Protecting city infrastructure and residents' data; privacy by design.",
     ["seoul", "denver"]),
    ("mobility", "모빌리티", "Mobility", "#b4451f",
     "미래 모빌리티, 수요응답형 교통, 통합 교통 데이터.",
     "Future mobility, demand-responsive transit and shared transport data.",
     ["suwon", "bucheon", "phoenix", "saebyeok-mobility"]),
    ("sustainability", "지속가능성", "Sustainability", "#2d7a3e",
     "탄소 감축에서 기후 중립으로: 에너지, 대기질, 자원 순환.",
     "From carbon cuts to climate neutrality: energy, air quality and circular resources.",
     ["busan", "tucson", "civicsense-analytics"]),
    ("resilience", "회복력", "Resilience", "#9a6700",
     "재난 대응, 기후 적응, 안전한 도시 운영.",
     "Disaster response, climate adaptation and keeping city services running.",
     ["jacksonville", "arlington-tx"]),
]


def seed() -> None:
    for order, (slug, name_ko, name_en, colour, desc_ko, desc_en, focused) in enumerate(THEMES):
        theme, _ = Theme.objects.update_or_create(
            slug=slug,
            defaults={"name_ko": name_ko, "name_en": name_en, "colour": colour,
                      "description_ko": desc_ko, "description_en": desc_en, "sort_order": order},
        )
        theme.focused_organisations.set(Organisation.objects.filter(slug__in=focused))
