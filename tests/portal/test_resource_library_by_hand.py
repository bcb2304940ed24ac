"""A resource library built by hand rather than seeded: empty, then growing, at a constant
number of queries."""

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.models import Page

from portal.models import ResourceLibraryPage, ResourcePage
from solutions_catalog.models import Theme
from tests.portal.test_resource_library import listed

pytestmark = pytest.mark.django_db


def test_an_empty_library_says_nothing_is_published_yet(demo_site, client):
    demo_site.add_child(instance=ResourceLibraryPage(title="자료실", slug="resources"))
    response = client.get("/resources/")
    assert listed(response) == [] and "No resources match" not in response.text
    with translation.override("ko"):
        assert translation.gettext("No resources have been published yet.") in response.text


def _add_resources(library: Page, numbers: range, theme: Theme) -> None:
    for number in numbers:
        document = get_document_model().objects.create(
            title=f"File {number}", file=ContentFile(b"a,b\n1,2\n", name=f"file-{number}.csv"))
        page = library.add_child(instance=ResourcePage(
            title=f"Resource {number}", slug=f"resource-{number}", summary="Numbers.",
            kind="dataset", resource_language="en", document=document))
        page.themes.add(theme)
        page.save_revision().publish()


@pytest.mark.parametrize("user", ["visitor", "officer"])
def test_the_listing_costs_the_same_queries_for_3_or_10_resources(
        demo_site, network, as_user, django_assert_num_queries, user):
    theme = Theme.objects.create(slug="mobility", name_en="Mobility", name_ko="모빌리티")
    library = demo_site.add_child(instance=ResourceLibraryPage(title="Resources",
                                                               slug="resources"))
    client = as_user(getattr(network, user))
    _add_resources(library, range(3), theme)
    client.get("/resources/")  # the footer's pages are cached on the first request
    with CaptureQueriesContext(connection) as three:
        assert len(listed(client.get("/resources/"))) == 3
    _add_resources(library, range(3, 10), theme)
    with django_assert_num_queries(len(three)):
        assert len(listed(client.get("/resources/"))) == 10
