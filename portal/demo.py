"""The site's home page in Korean and English, as the root of the default Wagtail site."""

from django.db import transaction
from wagtail.models import Locale, Page, Site

from .models import FeaturedCaseStudy, HomePage, ThemeHubPage

HOME = {
    "ko": {
        "title": "스마트시티 협력 포털",
        "lead": "회원 도시와 기업, 대학이 효과가 검증된 스마트시티 사례를 나누고, 다섯 가지 "
        "주제로 매달 만나며, 공동으로 재원을 확보하는 도시 간 협력 네트워크입니다.",
    },
    "en": {
        "title": "Smart City Consortium",
        "lead": "An inter-city network where member cities, companies and universities share "
        "smart-city solutions that worked, meet every month on five themes and pursue "
        "funding together.",
    },
}


@transaction.atomic
def seed() -> tuple[HomePage, HomePage]:
    """The Korean and English home pages."""
    korean, _ = Locale.objects.get_or_create(language_code="ko")
    english, _ = Locale.objects.get_or_create(language_code="en")
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=korean)
    )
    home = HomePage.objects.filter(locale=korean).first()
    if home is None:
        # Wagtail's "Welcome" placeholder holds the slug "home"; its site goes with it.
        for placeholder in root.get_children().exact_type(Page):
            placeholder.delete()
        home = root.add_child(instance=HomePage(slug="home", locale=korean, **HOME["ko"]))
    _publish_if_changed(home, HOME["ko"])
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home,
                  "site_name": HOME["en"]["title"]},
    )

    english_home = home.get_translation_or_none(english) or home.copy_for_translation(english)
    _publish_if_changed(english_home.specific, HOME["en"])
    return home, english_home.specific


def _publish_if_changed(page: Page, fields: dict[str, str]) -> None:
    """Publish a new revision only when the content differs, so seeding twice changes nothing."""
    if page.live and not page.has_unpublished_changes and all(
        getattr(page, name) == value for name, value in fields.items()
    ):
        return
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()


# Each theme's hub: (Korean title, introduction), (English title, introduction).
HUBS = {
    "connectivity": (
        ("연결성", "공공 와이파이, 5G 기반 도시 관제, 도시 데이터 허브처럼 도시 서비스가 "
                  "기대는 통신과 데이터 기반을 다룹니다. 대구의 데이터 허브 모델이 출발점입니다."),
        ("Connectivity", "The networks and data platforms city services rest on: public Wi-Fi, "
                         "5G-connected operations centres and city data hubs, starting from "
                         "Daegu's data hub model."),
    ),
    "cybersecurity": (
        ("사이버보안", "도시 기반시설과 시민 데이터를 지키는 일입니다. 관제 시스템 보안, "
                    "개인정보 영향평가, 사고 대응 훈련의 경험을 나눕니다."),
        ("Cybersecurity", "Protecting city infrastructure and citizens' data: securing control "
                          "systems, privacy impact assessments and incident exercises."),
    ),
    "mobility": (
        ("모빌리티", "수요응답형 교통, 스마트 횡단보도, 주차와 공유 모빌리티까지, 사람과 "
                  "물자가 도시를 오가는 방식을 바꾸는 사례를 모읍니다."),
        ("Mobility", "How people and goods move through the city: demand-responsive transit, "
                     "smart crossings, parking and shared mobility."),
    ),
    "sustainability": (
        ("지속가능성", "탄소 감축에서 기후 중립으로: 건물 에너지, 대기질 측정, 물 관리처럼 "
                    "도시의 환경 부담을 줄이는 해법입니다."),
        ("Sustainability", "From carbon cuts to climate neutrality: building energy, air-quality "
                           "sensing and water management."),
    ),
    "resilience": (
        ("회복력", "폭염, 홍수, 복합 재난에 대비하고 회복하는 도시의 역량입니다. 조기 경보와 "
                "재난 대응 훈련의 경험을 나눕니다."),
        ("Resilience", "How cities prepare for and recover from heat, floods and compound "
                       "disasters: early warning and response exercises."),
    ),
}


@transaction.atomic
def seed_theme_hubs(home_ko: HomePage, home_en: HomePage) -> None:
    """A hub per theme in both languages (after the catalogue, whose case studies it
    features)."""
    from solutions_catalog.models import CaseStudyPage, Theme

    english = Locale.objects.get(language_code="en")
    for theme in Theme.objects.filter(slug__in=HUBS):
        (title_ko, intro_ko), (title_en, intro_en) = HUBS[theme.slug]
        hub = ThemeHubPage.objects.filter(theme=theme, locale=home_ko.locale).first()
        if hub is None:
            hub = home_ko.add_child(instance=ThemeHubPage(
                title=title_ko, slug=theme.slug, theme=theme, locale=home_ko.locale))
        first = (CaseStudyPage.objects.live().filter(themes=theme, locale=home_ko.locale)
                 .order_by("first_published_at").first())
        if first and not hub.featured.exists():
            FeaturedCaseStudy.objects.create(hub=hub, case_study=first)
        _publish_if_changed(hub, {"title": title_ko, "introduction": f"<p>{intro_ko}</p>"})
        translated = hub.get_translation_or_none(english) or hub.copy_for_translation(english)
        _publish_if_changed(translated.specific,
                            {"title": title_en, "introduction": f"<p>{intro_en}</p>"})
