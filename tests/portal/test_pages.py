import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_root_is_korean_and_en_prefix_is_english(client, demo_site):
    korean = client.get("/")
    english = client.get("/en/")
    assert korean.status_code == 200
    assert english.status_code == 200
    assert '<html lang="ko">' in korean.text
    assert "스마트시티 협력 포털" in korean.text
    assert "건너뛰기" in korean.text or "본문" in korean.text  # skip link, translated
    assert '<html lang="en">' in english.text
    assert "Smart City Consortium" in english.text
    assert "Skip to content" in english.text


def test_language_link_keeps_the_current_page(client, demo_site):
    response = client.get(reverse("switch_language", args=["en"]), {"next": "/members/"})
    assert response.status_code == 302
    assert response["Location"] == "/en/members/"


def test_home_lists_the_five_themes_in_the_active_language(client, demo_site):
    from solutions_catalog import demo as catalog_demo

    catalog_demo.seed()
    english = client.get("/en/").text
    korean = client.get("/").text
    for name in ("Connectivity", "Cybersecurity", "Mobility", "Sustainability", "Resilience"):
        assert name in english
    for name in ("연결성", "사이버보안", "모빌리티", "지속가능성", "회복력"):
        assert name in korean


def test_unknown_page_is_404(client, demo_site):
    assert client.get("/no-such-page/").status_code == 404


def test_healthz_reports_each_dependency(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "search", "broker", "federation"}
    assert all(check["ok"] for check in body["checks"].values())


def test_healthz_answers_503_when_a_dependency_fails(client, settings):
    from search.engines import get_engine

    settings.SEARCH_ENGINE = "elasticsearch"
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # nothing listens on the discard port
    get_engine.cache_clear()
    try:
        response = client.get("/healthz")
    finally:
        get_engine.cache_clear()
    assert response.status_code == 503
    assert response.json()["checks"]["search"]["ok"] is False
