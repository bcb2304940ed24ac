import pytest
from django.db import transaction

from search.models import PendingChange
from solutions_catalog import demo as catalog_demo
from solutions_catalog.models import CaseStudyPage


@pytest.fixture(scope="module")
def _seeded_catalogue(django_db_setup, django_db_blocker):
    """The demo network and catalogue, seeded once per test module inside a transaction that
    is rolled back at the end; each test still runs in its own savepoint."""
    from members import demo as members_demo
    from portal import demo as site_demo

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            members_demo.seed()
            catalog_demo.seed()
            home_ko, home_en = site_demo.seed()
            catalog_demo.seed_pages(home_ko, home_en)
            # No worker ran: the outbox holds every seeded object, which a test's rebuild
            # already covers. Applying them all after each rebuild would only slow tests.
            PendingChange.objects.all().delete()
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def catalogue(_seeded_catalogue, db):
    """The Korean page of Daegu's data hub, in the seeded demo catalogue."""
    return CaseStudyPage.objects.get(slug="daegu-data-hub", locale__language_code="ko")


@pytest.fixture
def people(catalogue):
    """One seeded demo login per role."""
    from members.models import User

    emails = {"vendor": "vendor@demo.example", "officer": "officer.bucheon@demo.example",
              "org_admin": "admin.suwon@demo.example", "staff": "staff@demo.example"}
    return {"visitor": None, **{r: User.objects.get(email=e) for r, e in emails.items()}}
