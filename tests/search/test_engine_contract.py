"""One contract for both search engines: what a user can find, how facets count, and what
a visitor must never see, in hits, counts, suggestions or corrections."""

import datetime

import pytest
from django.http import QueryDict

from members.models import Organisation, OrganisationKind
from search import glossary
from search.query import MAX_QUERY_LENGTH, parse
from search.registry import MEMBERS, PUBLIC, SearchableType, SearchRecord
from tests.factories import OrganisationFactory
from tests.support.search import find, titles

MEMBER = {PUBLIC, MEMBERS}

# Briefing notes carried by organisations (any indexable model would do): slug -> document
NOTES = {
    "a": dict(title="Smart parking sensors", themes=("mobility", "energy"), country="KR",
              year=2024, summary="Parking sensors guide drivers to free bays downtown."),
    "b": dict(title="Parking guidance app", themes=("mobility",), country="KR", year=2025,
              summary="An app guides drivers to free parking bays using sensors."),
    "c": dict(title="District heating data", themes=("energy",), country="DK", year=2025,
              summary="Heat meters report hourly to the utility."),
    "d": dict(title="Members parking pilot", themes=("mobility",), country="DK", year=2023,
              summary="A confidential pilot of parking sensors.", audiences=(MEMBERS,)),
    "e": dict(title="Streetlight <script>alert(1)</script>", themes=("safety",), country="US",
              year=2024, summary="<b>Bold</b> claims about parking & lighting."),
}


def note_records(org: Organisation):
    note = NOTES[org.slug]
    yield SearchRecord(
        kind="note", object_id=str(org.pk), language="en", title=note["title"],
        summary=note["summary"], themes=note["themes"], country=note["country"],
        date=datetime.date(note["year"], 6, 1), url=f"/notes/{org.slug}/",
        audiences=note.get("audiences", (PUBLIC,)))


@pytest.fixture
def notes(search_engine, temporary_registration):
    temporary_registration(SearchableType(
        kind="note", model=Organisation, label="Note", to_records=note_records,
        indexable=lambda: Organisation.objects.active().filter(slug__in=NOTES)))
    for slug in NOTES:
        OrganisationFactory(slug=slug)
    search_engine.rebuild()
    return search_engine


def counts(results, facet: str) -> dict[str, int]:
    return {option.value: option.count for option in results.facets[facet]}


def test_multi_select_facets_count_each_facet_under_the_others(notes):
    both = find(notes, filters={"kind": ("note",), "theme": ("mobility", "energy")})
    assert sorted(titles(both)) == ["District heating data", "Parking guidance app",
                                    "Smart parking sensors"]
    # The theme facet is not narrowed by its own selection; the country facet is.
    assert counts(both, "theme") == {"mobility": 2, "energy": 2, "safety": 1}
    assert counts(both, "country") == {"KR": 2, "DK": 1}
    assert {o.value for o in both.facets["theme"] if o.selected} == {"mobility", "energy"}
    assert both.facets["domain"] == []  # no note has one: no empty option either

    danish = find(notes, filters={"kind": ("note",), "theme": ("mobility", "energy"),
                                  "country": ("DK",)})
    assert titles(danish) == ["District heating data"]
    assert counts(danish, "theme") == {"energy": 1, "mobility": 0}  # the pilot is hidden
    assert counts(danish, "year") == {"2025": 1}


def test_members_only_documents_are_hidden_from_visitors_everywhere(notes):
    visitor = find(notes, "parking", filters={"kind": ("note",)})
    member = find(notes, "parking", audiences=MEMBER, filters={"kind": ("note",)})
    assert "Members parking pilot" not in titles(visitor)
    assert "Members parking pilot" in titles(member)
    assert counts(visitor, "country").get("DK", 0) == 0
    assert counts(member, "country")["DK"] == 1
    assert titles(notes.suggest("Members", audiences={PUBLIC}, language="en")) == []
    assert titles(notes.suggest("Members", audiences=MEMBER, language="en")) == [
        "Members parking pilot"]
    assert find(notes, "confidentail").suggestion != "confidential"
    assert find(notes, "confidentail", audiences=MEMBER).suggestion == "confidential"


def test_highlights_are_escaped_before_the_matches_are_marked(notes):
    [hit] = find(notes, "lighting").hits
    assert hit.title == "Streetlight <script>alert(1)</script>"  # templates escape it
    assert "&lt;b&gt;Bold&lt;/b&gt;" in hit.highlight
    assert "<mark>lighting</mark>" in hit.highlight
    assert "<b>" not in hit.highlight


def test_relevance_puts_title_matches_first_and_newest_sorts_by_date(notes):
    assert titles(find(notes, "guidance"))[0] == "Parking guidance app"
    newest = titles(find(notes, filters={"kind": ("note",)}, sort="newest"))
    assert newest[:2] == ["Parking guidance app", "District heating data"] or newest[:2] == [
        "District heating data", "Parking guidance app"]
    assert newest[-1] in {"Smart parking sensors", NOTES["e"]["title"]}


def test_date_range_and_pages(notes):
    recent = find(notes, filters={"kind": ("note",)}, date_from=datetime.date(2025, 1, 1))
    assert sorted(titles(recent)) == ["District heating data", "Parking guidance app"]
    first = find(notes, filters={"kind": ("note",)}, per_page=2, sort="newest")
    second = find(notes, filters={"kind": ("note",)}, per_page=2, page=2, sort="newest")
    assert first.total == second.total == 4 and second.pages == 2
    assert not set(titles(first)) & set(titles(second))


def test_autocomplete_suggests_titles_by_any_word(notes):
    assert "Parking guidance app" in titles(notes.suggest("Park", audiences={PUBLIC},
                                                          language="en"))
    assert "Parking guidance app" in titles(notes.suggest("guid", audiences={PUBLIC},
                                                          language="en"))


def test_a_typo_still_finds_and_did_you_mean_offers_the_whole_word(notes):
    misspelt = find(notes, "parkng")
    assert "Parking guidance app" in titles(misspelt)
    assert misspelt.suggestion == "parking"  # the word as written, not its stem "park"
    assert find(notes, "parking").suggestion == ""
    assert find(notes, "zzqxv").total == 0


def test_similar_documents_share_the_topic_and_exclude_the_document_itself(notes):
    smart = Organisation.objects.get(slug="a")
    similar = titles(notes.similar("note", str(smart.pk), audiences={PUBLIC}, language="en"))
    assert "Parking guidance app" in similar
    assert "Smart parking sensors" not in similar
    assert "Members parking pilot" not in similar


def test_a_problem_text_finds_matching_solutions(notes):
    matches = notes.matching("Drivers circle the block: we want sensors that guide them to "
                             "free parking bays.", kinds=["note"], audiences={PUBLIC},
                             language="en")
    assert titles(matches)[:2] in (["Parking guidance app", "Smart parking sensors"],
                                   ["Smart parking sensors", "Parking guidance app"])
    assert "District heating data" not in titles(matches)


@pytest.fixture
def network(search_engine):
    OrganisationFactory(slug="daegu", name_en="Daegu Metropolitan City", name_ko="대구광역시",
                        description_en="Runs the city data hub.",
                        description_ko="도시 데이터허브를 운영합니다.")
    OrganisationFactory(slug="hanbit", kind=OrganisationKind.VENDOR, name_en="Hanbit Telecom",
                        name_ko="한빛텔레콤", description_en="5G control centres.",
                        description_ko="5G 통합관제 센터.")
    OrganisationFactory(slug="gone", name_en="Lapsed Town", name_ko="만료시",
                        membership_status="lapsed")
    search_engine.rebuild()
    return search_engine


def test_finds_an_organisation_by_name_in_each_language(network):
    english = find(network, "Hanbit", language="en")
    korean = find(network, "한빛텔레콤", language="ko")
    assert titles(english) == ["Hanbit Telecom"]
    assert titles(korean) == ["한빛텔레콤"]
    assert english.hits[0].url == "/en/members/hanbit/"


def test_korean_compound_matches_with_or_without_the_space(network):
    assert "대구광역시" in titles(find(network, "데이터 허브", language="ko"))
    assert "대구광역시" in titles(find(network, "데이터허브", language="ko"))


def test_inactive_organisations_are_not_found(network):
    assert find(network, "Lapsed").total == 0


def test_nothing_matches_nonsense(network):
    assert find(network, "zzqxv").total == 0


def test_bad_queries_get_a_clear_answer_and_no_error(notes):
    for text in ("을 를 의", "?!… ... ---", "(((", "은는이가"):
        results = find(notes, text)
        assert results.total == 0 and results.suggestion == ""
    params = QueryDict(mutable=True)
    params["q"] = "parking " * 1250  # 10,000 characters
    query, errors = parse(params, audiences={PUBLIC}, language="en")
    assert len(query.text) == MAX_QUERY_LENGTH and errors  # told the rest was left out
    assert "Parking guidance app" in titles(notes.search(query))
    glossary.seed()  # 주차 = parking, 센서 = sensor: mixed scripts name the same things
    notes.rebuild()
    assert "Parking guidance app" in titles(find(notes, "parking 주차 센서 sensors", language="en"))
