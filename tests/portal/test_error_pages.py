"""Error pages: a lost visitor is offered a way on, in their language; a server error page
renders without the database."""

import pytest
from django.test import RequestFactory
from django.utils import translation
from django.views.defaults import server_error


@pytest.mark.django_db
@pytest.mark.parametrize(("path", "heading", "link"), [
    ("/catalogue/daegu-street-lamps/", "페이지를 찾을 수 없습니다", "회의"),
    ("/en/catalogue/daegu-street-lamps/", "Page not found", "Meetings"),
])
def test_missing_page_offers_search_and_the_main_sections(client, demo_site, path, heading,
                                                          link):
    response = client.get(path)
    assert response.status_code == 404
    html = response.content.decode()
    assert heading in html
    assert 'value="daegu street lamps"' in html  # the address's words, ready to search
    assert 'action="' in html and "/search/" in html
    assert f">{link}</a>" in html


@pytest.mark.django_db
def test_missing_page_does_not_echo_markup_from_the_address(client, demo_site):
    html = client.get("/en/%3Cscript%3Ealert(1)%3C/script%3E/").content.decode()
    assert "<script>alert" not in html


@pytest.mark.parametrize(("language", "text"), [
    ("ko", "문제가 발생했습니다"), ("en", "Something went wrong")])
def test_server_error_page_needs_no_database(language, text):
    # No django_db mark: pytest-django refuses any query, so rendering proves none is made.
    request = RequestFactory().get("/")
    with translation.override(language):
        response = server_error(request)
    assert response.status_code == 500
    assert text in response.content.decode()
