"""The site's home page in Korean and English, as the root of the default Wagtail site."""

import datetime

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale, Page, Site

from common import site_url
from solutions_catalog.models import CaseStudyPage, DocumentVisibility, Theme

from .demo_resources import LIBRARY, RESOURCES
from .models import (
    FeaturedCaseStudy,
    HomePage,
    NewsArticlePage,
    NewsIndexPage,
    ResourceLibraryPage,
    ResourcePage,
    StandardPage,
    ThemeHubPage,
)

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
    # Documents and images need the root collection (a migration's row; gone after a flush).
    Collection.get_first_root_node() or Collection.add_root(name="Root")
    home = HomePage.objects.filter(locale=korean).first()
    if home is None:
        # Wagtail's "Welcome" placeholder holds the slug "home"; its site goes with it.
        for placeholder in root.get_children().exact_type(Page):
            placeholder.delete()
        home = root.add_child(instance=HomePage(slug="home", locale=korean, **HOME["ko"]))
    _publish_if_changed(home, HOME["ko"])
    hostname, port = site_url.host_and_port()  # page.full_url in Wagtail's mails
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": hostname, "port": port, "root_page": home,
                  "site_name": HOME["en"]["title"]},
    )

    english_home = home.get_translation_or_none(english) or home.copy_for_translation(english)
    _publish_if_changed(english_home.specific, HOME["en"])
    return home, english_home.specific


def _publish_if_changed(page: Page, fields: dict) -> None:
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


STANDARD_PAGES = [
    ("about", ("연합 소개", "회원 도시와 기업, 대학이 함께 만드는 스마트시티 협력 네트워크입니다.",
               "<p>미국에서는 일곱 개 지역 스마트시티 연합이 모여 전국 단위의 협력체를 만들었습니다. "
               "대구, 부천, 수원처럼 각자 앞서가던 한국 도시들도 같은 방식으로 힘을 모을 수 있다는 "
               "생각에서 이 연합이 시작되었습니다. 효과가 검증된 사례를 나누고, 다섯 가지 주제로 매달 "
               "만나며, 큰 재원에 함께 도전합니다.</p>"),
     ("About the consortium", "A network of member cities, companies and universities working on "
                              "smart cities together.",
      "<p>In the United States, seven regional smart-city consortia joined forces in one national "
      "partnership. This consortium starts from the same idea for Korean cities such as Daegu, "
      "Bucheon and Suwon, which had each gone far on their own: share what worked, meet every "
      "month on five themes, and go after large funding together.</p>")),
    ("governance", ("운영 구조", "회원 기관과 사무국이 연합을 함께 운영합니다.",
                    "<p>회원은 도시, 지역 연합, 기업, 대학과 연구기관, 공공기관과 재단입니다. 연합 "
                    "사무국은 정기 회의를 열고, 회원이 올린 사례를 검토해 공개하며, 가입 신청을 "
                    "심사합니다. 운영 예산은 회원 기관이 나누어 내고 공공기관과 재단, 민간 기금의 "
                    "지원을 더합니다. 개인정보 보호는 모든 회의의 상설 안건입니다.</p>"),
     ("Governance", "Member organisations and the secretariat run the consortium together.",
      "<p>Members are cities, regional consortia, companies, universities and research "
      "institutes, public agencies and foundations. The secretariat runs the monthly meetings, "
      "reviews and publishes the case studies members submit, and reviews applications. The "
      "operating budget is shared by the members, with support from public agencies, "
      "foundations and private funds. Privacy is a standing item on every agenda.</p>")),
    ("join", ("가입 안내", "도시와 공공기관, 기업, 대학 모두 가입을 신청할 수 있습니다.",
              "<p>가입 신청서를 내면 사무국이 검토합니다. 승인되면 기관의 첫 관리자에게 계정 "
              "설정 링크가 전달되고, 관리자는 동료를 초대할 수 있습니다.</p>"),
     ("How to join", "Cities, public bodies, companies and universities may apply.",
      "<p>Send the application form and the secretariat reviews it. Once approved, your "
      "organisation's first admin receives a link to set up their account and can then invite "
      "colleagues.</p>")),
    ("privacy", ("개인정보 처리방침", "포털이 저장하는 정보와 그 쓰임을 설명합니다.",
                 "<p>계정의 이메일 주소와 이름, 소속 기관, 회의 등록, 참여 중인 공동 제안을 "
                 "저장합니다. 연락처는 회원에게만 보이고, 공동 제안과 그 문서는 제안 팀과 "
                 "사무국만 볼 수 있습니다. 계정 페이지에서 내 정보를 내려받거나 계정을 삭제할 "
                 "수 있습니다.</p>"),
     ("Privacy policy", "What the portal stores about you and what it is used for.",
      "<p>We store your account's e-mail address and name, your organisation, your meeting "
      "registrations and the bids you work on. Contact details are shown to members only; bids "
      "and their documents only to the bid team and the secretariat. You can download your "
      "data or delete your account from your account pages.</p>")),
]

NEWS = [
    (3, "five-themes", ("다섯 가지 주제로 매달 만납니다",
                        "연결성, 사이버보안, 모빌리티, 지속가능성, 회복력을 돌아가며 다룹니다.",
                        "<p>정기 회의는 매달 둘째 화요일 오전 10시(서울)에 열리며 다섯 가지 주제를 "
                        "차례로 다룹니다. 회의 페이지에서 등록하고 캘린더로 구독할 수 있습니다.</p>"),
     ("Five themes, one meeting a month",
      "Connectivity, cybersecurity, mobility, sustainability and resilience, in turn.",
      "<p>The monthly meeting is held on the second Tuesday at 10:00 Seoul time and takes the "
      "five themes in turn. Register on the meetings page and subscribe in your calendar.</p>")),
    (20, "data-hub-travels", ("대구 데이터 허브, 부천과 수원으로",
                              "한 도시의 사례가 다른 도시의 사업이 되는 과정을 포털에서 추적합니다.",
                              "<p>대구의 스마트시티 데이터 허브 모델을 부천과 수원이 도입하고 있습니다. "
                              "각 도시가 무엇을 바꾸었고 어떤 성과를 냈는지 사례 페이지에서 볼 수 "
                              "있습니다.</p>"),
     ("Daegu's data hub travels to Bucheon and Suwon",
      "The portal follows how one city's case study becomes another city's project.",
      "<p>Bucheon and Suwon are adopting Daegu's smart-city data hub model. What each city "
      "adapted and what it achieved is on the case-study pages.</p>")),
    (45, "coalition-model", ("미국 스마트 연합 모델에서 배우다",
                             "지역 연합이 모여 연방 인프라 재원에 함께 도전한 경험입니다.",
                             "<p>미국의 지역 스마트시티 연합들은 함께 모여 대규모 연방 인프라 예산에 "
                             "공동으로 도전했습니다. 포털의 재원 공모와 공동 제안 기능은 이 경험에서 "
                             "출발했습니다.</p>"),
     ("Learning from the US coalition model",
      "Regional consortia joined forces to pursue federal infrastructure funding.",
      "<p>Regional smart-city consortia in the United States came together to pursue a large "
      "federal infrastructure package jointly. The portal's funding opportunities and joint "
      "bids start from that experience.</p>")),
]


@transaction.atomic
def seed_site_pages(home_ko: HomePage, home_en: HomePage) -> None:
    """The standard pages (in the footer) and the news, in both languages."""
    english = Locale.objects.get(language_code="en")
    for slug, korean, english_fields in STANDARD_PAGES:
        fields = [{"title": t, "introduction": i, "body": b, "show_in_menus": True}
                  for t, i, b in (korean, english_fields)]
        _page_in_both(home_ko, StandardPage, slug, fields, english)
    index = _page_in_both(home_ko, NewsIndexPage, "news", [
        {"title": "소식", "introduction": "연합과 회원 도시의 소식입니다.", "show_in_menus": True},
        {"title": "News", "introduction": "What the consortium and its members are doing.",
         "show_in_menus": True}], english)
    today = timezone.localdate()
    for days_ago, slug, (t_ko, s_ko, b_ko), (t_en, s_en, b_en) in NEWS:
        date = today - datetime.timedelta(days=days_ago)
        _page_in_both(index, NewsArticlePage, slug, [
            {"title": t_ko, "summary": s_ko, "body": b_ko, "date": date},
            {"title": t_en, "summary": s_en, "body": b_en, "date": date}], english)


def _page_in_both(parent: Page, model: type[Page], slug: str, fields: list[dict],
                  english: Locale) -> Page:
    """The Korean page under ``parent`` and its English translation, published."""
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = parent.add_child(instance=model(slug=slug, locale=parent.locale, **fields[0]))
    _publish_if_changed(page, fields[0])
    translated = page.get_translation_or_none(english) or page.copy_for_translation(english)
    _publish_if_changed(translated.specific, fields[1])
    return page


@transaction.atomic
def seed_resource_library(home_ko: HomePage, home_en: HomePage) -> None:
    """The resource library and its resources in both languages, each around a small real
    file; two of them members-only."""
    english = Locale.objects.get(language_code="en")
    library = _page_in_both(home_ko, ResourceLibraryPage, "resources", LIBRARY, english)
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    for resource in RESOURCES:
        page = ResourcePage.objects.child_of(library).filter(slug=resource.slug).first()
        document = page.document if page else None
        if document is None:
            document = get_document_model()(
                title=resource.document_title,
                file=ContentFile(resource.content(), name=resource.filename))
            document._set_document_file_metadata()
            document.save()
        shared = {"kind": resource.kind, "resource_language": resource.language,
                  "audience": DocumentVisibility.MEMBERS if resource.members_only
                  else DocumentVisibility.PUBLIC, "date": resource.date, "document": document}
        page = _page_in_both(library, ResourcePage, resource.slug, [
            {"title": title, "summary": summary, **shared}
            for title, summary in (resource.korean, resource.english)], english)
        wanted = [themes[slug] for slug in resource.themes if slug in themes]
        for version in (page, page.get_translation(english).specific):
            if set(version.themes.all()) != set(wanted):
                version.themes.set(wanted)
                version.save_revision().publish()
