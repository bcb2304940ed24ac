"""The site's own Wagtail pages are found in their language, and leave the index when
unpublished."""

from tests.support.search import find, titles


def test_home_pages_are_found_by_their_lead_in_each_language(demo_site, search_engine,
                                                             on_commit):
    search_engine.rebuild()
    assert "Smart City Consortium" in titles(find(search_engine, "inter-city network",
                                                  language="en"))
    korean = find(search_engine, "회원 도시", language="ko", filters={"kind": ("page",)})
    assert titles(korean) == ["스마트시티 협력 포털"]
    with on_commit():
        demo_site.unpublish()
    assert find(search_engine, "회원 도시", language="ko",
                filters={"kind": ("page",)}).total == 0
