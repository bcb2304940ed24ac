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


def _publish_if_changed(page: HomePage, fields: dict[str, str]) -> None:
    """Publish a new revision only when the content differs, so seeding twice changes nothing."""
    if page.live and not page.has_unpublished_changes and all(
        getattr(page, name) == value for name, value in fields.items()
    ):
        return
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
