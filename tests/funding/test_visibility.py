"""A bid is the team's business: over HTTP, by direct URL, nobody outside the team (and
staff) sees its page, documents, activity, search hits or export rows."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from funding import services
from funding.models import BidComment, BidDocumentVersion, BidTask
from members.permissions import search_audiences
from tests.support.search import find, titles

TEAM = ["lead officer", "lead admin", "partner city", "partner vendor", "staff"]
OUTSIDERS = ["outside city", "outside vendor", "visitor"]
PDF = b"%PDF-1.7\n% budget annex\n"


@pytest.fixture
def room(team):
    """The bid with a document, a task and a comment in it."""
    lead = team.people["lead officer"]
    version = services.add_document_version(
        team.bid, lead, title="Budget annex",
        upload=SimpleUploadedFile("budget.pdf", PDF, content_type="application/pdf"))
    services.assign_task(team.bid, lead, title="Collect letters of support",
                         owner=team.people["partner city"])
    services.comment(team.bid, lead, "Matching funds confirmed by the city council.")
    return team, version


def _urls(bid, version):
    return {
        "page": f"/en/funding/bids/{bid.pk}/",
        "document": f"/en/funding/bids/{bid.pk}/documents/{version.pk}/",
    }


@pytest.mark.parametrize("role", TEAM)
def test_the_team_and_staff_see_everything(room, role, as_user):
    team, version = room
    client = as_user(team.people[role])
    page = client.get(_urls(team.bid, version)["page"])
    assert page.status_code == 200
    html = page.content.decode()
    for seen in (team.bid.title, "Budget annex", "Collect letters of support",
                 "Matching funds confirmed", "commented"):
        assert seen in html
    download = client.get(_urls(team.bid, version)["document"])
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert team.bid.title in client.get("/en/funding/bids/").content.decode()


@pytest.mark.parametrize("role", OUTSIDERS)
def test_outsiders_see_nothing_by_any_address(room, role, as_user):
    team, version = room
    client = as_user(team.people[role])
    for url in _urls(team.bid, version).values():
        response = client.get(url)
        if role == "visitor":
            assert response.status_code == 302 and "/accounts/login/" in response["Location"]
        else:  # as if there were no such bid: outsiders cannot even count them
            assert response.status_code == 404
            assert team.bid.title not in response.content.decode()
    for listing in ("/en/funding/bids/", f"/en/funding/{team.bid.opportunity.slug}/",
                    "/en/funding/dashboard/bids.csv"):
        response = client.get(listing)
        assert team.bid.title not in response.content.decode()
        if role != "visitor" and listing != f"/en/funding/{team.bid.opportunity.slug}/":
            assert response.status_code == 200


@pytest.mark.parametrize("role", OUTSIDERS)
def test_outsiders_cannot_write_into_the_room(room, role, as_user):
    team, _version = room
    client = as_user(team.people[role])
    base = f"/en/funding/bids/{team.bid.pk}"
    client.post(f"{base}/comments/", {"comment-body": "let me in"})
    client.post(f"{base}/tasks/", {"task-title": "sneaky task"})
    client.post(f"{base}/documents/", {
        "document-title": "Budget annex", "document-file": SimpleUploadedFile("x.pdf", PDF)})
    client.post(f"{base}/move/", {"target": "withdrawn"})
    assert BidComment.objects.count() == 1 and BidTask.objects.count() == 1
    assert BidDocumentVersion.objects.count() == 1
    team.bid.refresh_from_db()
    assert team.bid.status == "idea"


@pytest.mark.parametrize("role", TEAM + OUTSIDERS)
def test_search_finds_the_bid_for_its_team_only(room, role, search_engine):
    team, _version = room
    search_engine.rebuild()
    results = find(search_engine, "scale-up", audiences=search_audiences(team.people[role]),
                   language="en")
    assert (team.bid.title in titles(results)) is (role in TEAM)
    assert (results.total > 0) is (role in TEAM)  # and no count gives it away


def test_a_new_partner_finds_the_bid_once_added(room, search_engine, network):
    team, _version = room
    from tests.factories import MembershipFactory, OrganisationFactory

    incheon = OrganisationFactory(slug="incheon")
    officer = MembershipFactory(organisation=incheon).user
    search_engine.rebuild()
    assert not find(search_engine, "scale-up", audiences=search_audiences(officer)).total
    services.save_partner(team.bid, team.people["lead admin"], incheon)
    from search.models import PendingChange
    from search.outbox import apply

    for change in PendingChange.objects.all():
        apply(change, search_engine)
    assert find(search_engine, "scale-up", audiences=search_audiences(officer),
                language="en").total == 1


@pytest.mark.parametrize(("name", "content", "message"), [
    ("tool.exe", b"MZ\x90\x00", "are not accepted"),
    ("budget.pdf", b"MZ\x90\x00 an executable renamed", "do not match"),
    ("notes.txt", b"\xff\xfe\x00\x00binary", "not a UTF-8 text file"),
])
def test_bad_uploads_are_refused_with_a_reason(room, as_user, name, content, message):
    team, _version = room
    client = as_user(team.people["partner vendor"])
    response = client.post(f"/en/funding/bids/{team.bid.pk}/documents/", {
        "document-title": "Annex", "document-file": SimpleUploadedFile(name, content)},
        follow=True)
    assert message in response.content.decode()
    assert BidDocumentVersion.objects.count() == 1


def test_an_oversized_upload_is_refused(room, as_user, settings):
    team, _version = room
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    response = as_user(team.people["lead officer"]).post(
        f"/en/funding/bids/{team.bid.pk}/documents/",
        {"document-title": "Annex",
         "document-file": SimpleUploadedFile("big.pdf", PDF + b"0" * 2048)},
        follow=True)
    assert "the limit is 1.0" in response.content.decode()
    assert BidDocumentVersion.objects.count() == 1


def test_a_second_upload_under_the_same_title_is_version_two(room, as_user):
    team, version = room
    as_user(team.people["partner city"]).post(
        f"/en/funding/bids/{team.bid.pk}/documents/",
        {"document-title": "Budget annex", "document-note": "Bucheon's figures added",
         "document-file": SimpleUploadedFile("budget-v2.pdf", PDF + b"v2")})
    assert list(version.document.versions.values_list("number", flat=True)) == [2, 1]


def test_ids_of_another_bid_are_refused_in_this_bid_s_room(room, as_user):
    from tests.factories import BidFactory

    team, version = room
    other = BidFactory(lead=team.bid.lead)
    task = team.bid.tasks.get()
    client = as_user(team.people["lead officer"])
    assert client.get(f"/en/funding/bids/{other.pk}/documents/{version.pk}/").status_code == 404
    assert client.post(f"/en/funding/bids/{other.pk}/tasks/{task.pk}/done/").status_code == 404
    task.refresh_from_db()
    assert not task.done
