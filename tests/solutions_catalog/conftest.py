import pytest

from solutions_catalog import demo as catalog_demo
from solutions_catalog.models import CaseStudyPage


@pytest.fixture
def catalogue(demo_site, settings):
    from members import demo as members_demo
    from portal import demo as site_demo

    members_demo.seed()
    catalog_demo.seed()
    home_ko, home_en = site_demo.seed()
    catalog_demo.seed_pages(home_ko, home_en)
    return CaseStudyPage.objects.get(slug="daegu-data-hub", locale__language_code="ko")


@pytest.fixture
def people(catalogue):
    """One seeded demo login per role."""
    from members.models import User

    emails = {"vendor": "vendor@demo.example", "officer": "officer.bucheon@demo.example",
              "org_admin": "admin.suwon@demo.example", "staff": "staff@demo.example"}
    return {"visitor": None, **{r: User.objects.get(email=e) for r, e in emails.items()}}
