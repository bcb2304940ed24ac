"""What this node publishes to its peers (issue 20, Must-show 3): the demo's JSON-LD and the
DCAT-AP catalogue conform to the project's shapes; nothing members-only, unpublished or
personal ever leaves; unpublishing leaves a tombstone in the change feed, which a peer pages
through by cursor seeing each change once; answers are conditional and their query counts do
not grow with the number of items."""

import datetime
import json

import pytest
from django.utils import timezone
from rdflib import Graph
from wagtail.models import Page, PageViewRestriction

from events.models import Audience
from federation import documents
from federation.iris import item_iri
from federation.models import Change
from federation.registry import published_type, published_types
from federation.services import rebuild
from federation.shapes import validate, validate_many
from federation.vocabulary import CONTEXT, ITEM_TYPES, SCC
from funding.models import FundingOpportunity, OpportunityAudience
from members.models import Organisation, User
from solutions_catalog.models import CaseStudyPage, DataSet
from tests.factories import MeetingFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

JSON_LD = "application/ld+json"


def korean_only(catalogue, slug: str, title: str, *, live: bool = True,
                parent: Page | None = None) -> CaseStudyPage:
    page = CaseStudyPage(title=title, slug=slug, city=catalogue.city, locale=catalogue.locale,
                         summary=f"{title}: 요약", problem="<p>문제</p>", approach="<p>접근</p>",
                         live=False)
    (parent or catalogue.get_parent()).add_child(instance=page)
    page.themes.set(catalogue.themes.all())
    revision = page.save_revision()
    if live:
        revision.publish()
    return page


def path_of(url: str) -> str:
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def follow(client, url: str) -> tuple[list[dict], str]:
    """The activities from ``url`` on, and the last page's address."""
    activities = []
    while True:
        body = client.get(path_of(url)).json()
        activities += body["orderedItems"]
        if "next" not in body:
            return activities, url
        url = body["next"]


@pytest.fixture
def published(catalogue):
    """The demo catalogue with a public meeting and an open public call, logged."""
    MeetingFactory(audience=Audience.PUBLIC, title_ko="스마트 모빌리티 월례회의",
                   title_en="Smart mobility monthly meeting")
    FundingOpportunity.objects.create(
        slug="k-city-challenge", programme_ko="스마트시티 챌린지",
        programme_en="Smart City Challenge",
        funder_ko="국토교통부", funder_en="Ministry of Land", funder_type="national",
        deadline=timezone.now() + datetime.timedelta(days=30), total_award=1000, max_award=500)
    rebuild()
    return catalogue


def test_the_demo_items_and_the_catalogue_conform_to_the_shapes(client, published):
    kinds = {}
    for kind in published_types():
        items = [documents.document(item) for _key, item in kind.all_items()]
        kinds[kind.kind] = len(items)
        assert validate_many(items) == {item["id"]: [] for item in items}, kind.kind
    assert all(kinds.values()), kinds  # every kind has demo content
    data_hub = client.get(f"/federation/items/case-study/{published.translation_key}")
    assert data_hub["Content-Type"] == JSON_LD
    assert validate(data_hub.json()) == []
    catalogue = client.get("/federation/catalogue")
    assert catalogue["Content-Type"] == JSON_LD
    assert validate(catalogue.json()) == []
    assert len(catalogue.json()["dcat:dataset"]) == DataSet.objects.count() == 4


def test_the_data_hub_chain_is_published_with_codes_outcomes_and_data(client, published):
    hub = client.get(f"/federation/items/case-study/{published.translation_key}").json()
    assert hub["type"] == "scc:CaseStudy" and hub["scc:audience"] == "public"
    assert set(hub["name"]) == {"ko", "en"} and hub["scc:city"]["addressCountry"] == "KR"
    assert {o["scc:indicator"] for o in hub["scc:outcome"]} >= {"U4SSC:EC-ICT-PS-1A"}
    shared = {client.get(path_of(iri)).json()["name"]["en"] for iri in hub["scc:sharesDataset"]}
    assert "Daegu data hub open data" in shared
    (bucheon,) = [item for _k, item in published_type("adoption").all_items()
                  if item["scc:origin"] == hub["id"]]
    assert bucheon["scc:adopter"]["name"]["en"].startswith("Bucheon")
    assert [s["scc:stage"] for s in bucheon["scc:stages"]] == ["exploring", "planning", "piloting"]
    assert {r["scc:indicator"] for r in bucheon["scc:result"]} == {
        "U4SSC:EC-ICT-PS-1A", "U4SSC:EC-ICT-PS-2A"}
    assert bucheon["scc:adapted"] == ["data_model", "scale"]


def everything(client) -> str:
    """Every federation response as text: the feed, each item and the catalogue."""
    activities, _last = follow(client, client.get("/federation/changes").json()["first"])
    bodies = [json.dumps(activities, ensure_ascii=False),
              client.get("/federation/catalogue").content.decode()]
    bodies += [client.get(path_of(a["object"]["id"])).content.decode() for a in activities]
    return "\n".join(bodies)


def test_members_only_unpublished_and_personal_data_never_leave(client, published):
    secret = korean_only(published, "daegu-members-pilot", "회원 전용 시범사업")
    PageViewRestriction.objects.create(page=secret, restriction_type=PageViewRestriction.LOGIN)
    korean_only(published, "daegu-draft", "대구 미공개 초안", live=False)
    Organisation.objects.filter(slug="daegu").update(contact_email="smartcity@daegu.example",
                                                     contact_phone="+82-53-000-0000")
    MeetingFactory(audience=Audience.MEMBERS, title_ko="회원 전략 회의",
                   title_en="Members' strategy meeting")
    FundingOpportunity.objects.create(
        slug="members-call", programme_ko="회원 전용 공모", programme_en="Members-only call",
        funder_ko="재단", funder_en="Foundation", funder_type="foundation",
        audience=OpportunityAudience.MEMBERS, deadline=timezone.now() + datetime.timedelta(days=9))
    rebuild()
    text = everything(client)
    assert "대구 스마트" in text or "Daegu" in text  # the public catalogue is there
    for never in ("회원 전용 시범사업", "대구 미공개 초안", "smartcity@daegu.example",
                  "+82-53-000-0000", "Members' strategy meeting", "Members-only call"):
        assert never not in text, never
    for user in User.objects.all():
        assert user.email not in text
        if user.get_full_name():
            assert user.get_full_name() not in text


def test_unpublishing_leaves_a_tombstone_in_the_feed(client, published, on_commit):
    with on_commit():
        page = korean_only(published, "daegu-bike-share", "대구 공공자전거")
    created = Change.objects.last()
    assert (created.activity, created.type) == ("Create", "scc:CaseStudy")
    item = f"/federation/items/case-study/{page.translation_key}"
    assert client.get(item).json()["name"] == {"ko": "대구 공공자전거"}
    with on_commit():
        CaseStudyPage.objects.get(pk=page.pk).unpublish()
    activities, _last = follow(client, client.get("/federation/changes").json()["first"])
    last = activities[-1]
    assert last["type"] == "Delete"
    assert last["object"]["type"] == "Tombstone"
    assert last["object"]["formerType"] == "scc:CaseStudy"
    assert last["object"]["id"].endswith(item)
    gone = client.get(item)
    assert gone.status_code == 410 and gone.json()["type"] == "Tombstone"


def test_paging_by_cursor_returns_each_change_once(client, published, monkeypatch, on_commit):
    monkeypatch.setattr(documents, "PAGE_SIZE", 7)
    activities, last_page = follow(client, client.get("/federation/changes").json()["first"])
    ids = [a["id"] for a in activities]
    assert len(ids) == len(set(ids)) == Change.objects.count() > 7
    with on_commit():
        korean_only(published, "daegu-bike-share", "대구 공공자전거")
    # The peer asks again from where it stopped: only what is new.
    again, _ = follow(client, last_page)
    new = [a for a in again if a["id"] not in set(ids)]
    assert [a["object"]["name"] for a in new] == [{"ko": "대구 공공자전거"}]
    assert rebuild() == 0  # rebuilding logs nothing that is already logged as it is


def test_answers_are_conditional(client, published):
    hub = f"/federation/items/case-study/{published.translation_key}"
    for url in ("/federation/changes", "/federation/changes?after=0", hub,
                "/federation/catalogue", "/federation/vocabulary"):
        first = client.get(url)
        assert first.status_code == 200 and first["ETag"], url
        assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304, url
        if first.has_header("Last-Modified"):
            assert client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]
                              ).status_code == 304, url


def test_query_counts_do_not_grow_with_items(client, published, monkeypatch,
                                            django_assert_max_num_queries):
    monkeypatch.setattr(documents, "PAGE_SIZE", 3)
    with django_assert_max_num_queries(5) as few:
        client.get("/federation/changes?after=0")
    monkeypatch.setattr(documents, "PAGE_SIZE", 200)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert len(client.get("/federation/changes?after=0").json()["orderedItems"]) > 20
    with django_assert_max_num_queries(30) as catalogue:
        client.get("/federation/catalogue")
    published.datasets_used.add(*(
        DataSet.objects.create(slug=f"more-{n}", name_ko="데이터", name_en="Data",
                               description_ko="설명", description_en="About",
                               publisher=published.city, access_url="https://data.example.kr/x")
        for n in range(6)))
    published.save()  # a data set is published while a public case study uses it
    with django_assert_max_num_queries(len(catalogue.captured_queries)):
        assert len(client.get("/federation/catalogue").json()["dcat:dataset"]) == 10


def test_a_shape_violation_is_reported(client, published):
    hub = client.get(f"/federation/items/case-study/{published.translation_key}").json()
    broken = {**hub, "scc:audience": "members", "scc:outcome": [{"value": "lots"}]}
    del broken["scc:city"]
    messages = " | ".join(validate(broken))
    assert "scc:audience" in messages or "audience" in messages
    assert "city" in messages and "numeric value" in messages
    assert validate({"@context": CONTEXT, "id": 5, "type": []}) == [
        "an item's id is an absolute http(s) IRI", "an item's type is one of " + ", ".join(
            sorted(ITEM_TYPES))]
    assert validate({"@context": CONTEXT, "id": "x", "name": {"ko": 1}})[0].startswith("an item")
    many = validate_many([hub, {**broken, "id": hub["id"] + "-broken"}])
    assert many[hub["id"]] == [] and many[hub["id"] + "-broken"]


def test_the_vocabulary_is_served_as_turtle_and_defines_every_own_term(client):
    response = client.get("/federation/vocabulary")
    assert response["Content-Type"].startswith("text/turtle")
    graph = Graph().parse(data=response.content.decode(), format="turtle")
    defined = {str(s) for s in graph.subjects()}
    used = {SCC + term.split(":", 1)[1] for term in CONTEXT if term.startswith("scc:")}
    used |= {SCC + kind for kind in ("CaseStudy", "Adoption", "FundingCall", "Node")}
    assert used - defined == set()


def test_a_meeting_made_members_only_and_a_suspended_city_leave_as_tombstones(published,
                                                                              on_commit):
    with on_commit():
        meeting = MeetingFactory(audience=Audience.PUBLIC, title_ko="공개 워크숍",
                                 title_en="Open workshop")
    assert Change.objects.last().activity == "Create"
    with on_commit():
        meeting.audience = Audience.MEMBERS
        meeting.save()
    assert (Change.objects.last().activity, Change.objects.last().type) == (
        "Delete", "schema:Event")
    bucheon = Organisation.objects.get(slug="bucheon")
    with on_commit():
        bucheon.membership_status = "suspended"
        bucheon.save()
    gone = set(Change.objects.filter(activity="Delete").values_list("kind", flat=True))
    assert {"organisation", "adoption"} <= gone


def last_change(iri: str) -> Change:
    return Change.objects.filter(iri=iri).last()


def test_a_data_set_leaves_only_with_a_public_case_study_from_an_active_publisher(
        client, published, on_commit):
    publisher = OrganisationFactory()
    data = DataSet.objects.create(
        slug="members-data", name_ko="회원 전용 데이터", name_en="Members' data",
        description_ko="설명", description_en="About", publisher=publisher,
        access_url="https://data.example.kr/members")
    iri = item_iri("dataset", str(data.pk))
    with on_commit():
        draft = korean_only(published, "daegu-draft", "대구 미공개 초안", live=False)
        draft.datasets_used.set([data])
        draft.save()
        members = CaseStudyPage.objects.get(  # as published, live
            pk=korean_only(published, "daegu-members", "회원 전용 시범사업").pk)
        restriction = PageViewRestriction.objects.create(
            page=members, restriction_type=PageViewRestriction.LOGIN)
        members.datasets_shared.set([data])
        members.save()
    for never in ("회원 전용 데이터", "Members' data", iri):
        assert never not in everything(client), never
    assert client.get(path_of(iri)).status_code == 404
    with on_commit():  # the case study sharing it back becomes public
        restriction.delete()
    assert last_change(iri).activity == "Create"
    assert iri in {d["id"] for d in client.get("/federation/catalogue").json()["dcat:dataset"]}
    with on_commit():
        publisher.membership_status = "suspended"
        publisher.save()
    assert last_change(iri).activity == "Delete"
    assert iri not in client.get("/federation/catalogue").content.decode()
    assert client.get(path_of(iri)).status_code == 410


def test_moving_a_section_under_a_view_restriction_leaves_tombstones(client, published,
                                                                   on_commit):
    home = published.get_parent().get_parent()
    with on_commit():
        section = home.add_child(instance=Page(title="대구 사업", slug="daegu-projects"))
        page = korean_only(published, "daegu-bike-share", "대구 공공자전거", parent=section)
        members = home.add_child(instance=Page(title="회원 공간", slug="members-area"))
        PageViewRestriction.objects.create(page=members,
                                           restriction_type=PageViewRestriction.LOGIN)
    iri = item_iri("case-study", str(page.translation_key))
    assert last_change(iri).activity == "Create"
    with on_commit():  # Wagtail saves the section only, not the case study below it
        section.move(members, pos="last-child")
    assert last_change(iri).activity == "Delete"
    assert client.get(path_of(iri)).status_code == 410


def test_an_organisation_without_dates_is_served_without_last_modified(client, published):
    org = OrganisationFactory(member_since=None, status_changed_on=None)
    response = client.get(f"/federation/items/organisation/{org.pk}")
    assert response.status_code == 200
    assert response.json()["name"]["en"] == org.name_en and "dateModified" not in response.json()
    assert not response.has_header("Last-Modified") and response["ETag"]
