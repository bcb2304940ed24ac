"""The site's home page in Korean and English, as the root of the default Wagtail site."""

from django.db import transaction
from wagtail.models import Locale, Page, Site

from .models import HomePage

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
def seed() -> HomePage:
    korean, _ = Locale.objects.get_or_create(language_code="ko")
    english, _ = Locale.objects.get_or_create(language_code="en")
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(locale=korean).first()
    if home is None:
        # Wagtail's "Welcome" placeholder holds the slug "home"; its site goes with it.
        for placeholder in root.get_children().exact_type(Page):
            placeholder.delete()
        home = root.add_child(instance=HomePage(slug="home", locale=korean, **HOME["ko"]))
    else:
        for field, value in HOME["ko"].items():
            setattr(home, field, value)
        home.save_revision().publish()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home,
                  "site_name": HOME["en"]["title"]},
    )

    english_home = home.get_translation_or_none(english)
    if english_home is None:
        english_home = home.copy_for_translation(english)
    english_home = english_home.specific
    for field, value in HOME["en"].items():
        setattr(english_home, field, value)
    english_home.save_revision().publish()
    return home
