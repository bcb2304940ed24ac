"""Harvesting a peer over real HTTP: what is stored, and each refusal of issue 20's Must-show 2
with nothing changed locally and the reason recorded."""

import json

import pytest
from django.conf import settings as base_settings
from django.utils import timezone

from harvest.harvester import PeerNotConfirmed
from harvest.models import HarvestedItem, Peer, PeerStatus, Refusal, RefusalReason
from harvest.services import harvest
from harvest.signals import item_removed, items_stored

from .conftest import snapshot
from .fake_peer import MB, Route

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


def refuse_next_page(fake_peer, peer, **route) -> None:
    """The page after the stored cursor answers as ``route`` says."""
    fake_peer.routes[f"/federation/changes?after={peer.cursor}"] = Route(**route)


def assert_refused(peer, before, reason) -> Refusal:
    assert snapshot() == before
    refusal = Refusal.objects.filter(peer=peer).latest("at")
    assert refusal.reason == reason
    return refusal


def test_harvest_stores_the_contract_fields(fake_peer, harvested):
    item = HarvestedItem.objects.get(iri=fake_peer.node_id + "items/case-study/a")
    assert item.peer == harvested and item.kind == "case-study"
    assert (item.title_ko, item.title_en) == ("스마트 가로등 a", "Smart street lights a")
    assert item.summary_en == "Street light energy savings"
    assert item.url_en == f"{fake_peer.base}/en/catalogue/a/"
    assert item.themes == ["sustainability"] and item.country == "KR"
    assert item.modified_at.isoformat() == "2026-11-30T09:00:00+00:00"
    assert item.data["scc:outcome"][0]["scc:indicator"] == "ES-2A"
    harvested.refresh_from_db()
    assert harvested.cursor == "0" and harvested.failures == 0
    assert harvested.last_success_at is not None and harvested.next_harvest_at > timezone.now()


def test_pages_are_followed_and_the_next_harvest_starts_at_the_cursor(fake_peer):
    fake_peer.serve_feed([[fake_peer.item("a")], [fake_peer.item("b")], [fake_peer.item("c")]])
    peer = fake_peer.peer()
    assert harvest(peer).pages == 3
    assert HarvestedItem.objects.count() == 3 and peer.cursor == "2"
    fake_peer.received.clear()
    harvest(peer)
    assert [r.url for r in fake_peer.received] == [fake_peer.changes + "?after=2"]


def test_requests_to_the_peer_are_signed_by_this_node(fake_peer, harvested):
    request = fake_peer.received[-1]
    assert 'keyid="' + base_settings.SITE_URL.rstrip("/") + '/federation/#key"' \
        in request.headers["Signature-Input"]


def test_not_modified_changes_nothing(fake_peer, harvested):
    before = snapshot()
    report = harvest(harvested)
    assert report.not_modified and report.stored == 0
    assert fake_peer.received[-1].headers["If-None-Match"] == '"page-0-2"'
    assert snapshot() == before and not Refusal.objects.exists()


def test_a_tombstone_removes_the_item_and_tells_who_listens(fake_peer, harvested, on_commit):
    fake_peer.serve_feed([[fake_peer.item("a"), fake_peer.item("b")],
                          [fake_peer.tombstone("a")]])
    harvested.etag = ""
    removed = []

    def listen(sender, iri, kind, **kwargs):
        removed.append((iri, kind))

    item_removed.connect(listen)
    try:
        with on_commit():
            report = harvest(harvested)
    finally:
        item_removed.disconnect(listen)
    assert report.removed == 1
    assert list(HarvestedItem.objects.values_list("iri", flat=True)) == [
        fake_peer.node_id + "items/case-study/b"]
    assert removed == [(fake_peer.node_id + "items/case-study/a", "case-study")]


def test_an_update_replaces_the_item_and_reports_it_stored_not_created(fake_peer, harvested,
                                                                       on_commit):
    stored = []

    def listen(sender, items, created, **kwargs):
        stored.extend((item.iri, item.iri in created) for item in items)

    fake_peer.serve_feed([[fake_peer.item("a"), fake_peer.item("b")],
                          [fake_peer.item("a", name={"ko": "새 이름", "en": "New name"}),
                           fake_peer.item("c")]])
    harvested.etag = ""
    items_stored.connect(listen)
    try:
        with on_commit():
            harvest(harvested)
    finally:
        items_stored.disconnect(listen)
    assert HarvestedItem.objects.get(iri__endswith="/a").title_ko == "새 이름"
    # The page at the cursor comes again (a, b unchanged), then the new one (a updated, c new).
    assert [(iri.rsplit("/", 1)[1], c) for iri, c in stored] == [
        ("a", False), ("b", False), ("a", False), ("c", True)]


def test_deleting_a_peer_deletes_its_items_and_tells_who_listens(harvested, on_commit):
    removed = []

    def listen(sender, iri, kind, **kwargs):
        removed.append(iri.rsplit("/", 1)[1])

    item_removed.connect(listen)
    try:
        with on_commit():
            harvested.delete()
    finally:
        item_removed.disconnect(listen)
    assert not HarvestedItem.objects.exists()
    assert sorted(removed) == ["a", "b"]


def test_a_next_page_on_another_host_is_refused(fake_peer, other_host_peer, harvested):
    page = fake_peer.page([fake_peer.item("c")], after="0")
    page["next"] = other_host_peer.changes + "?after=0"
    fake_peer.serve_json("/federation/changes?after=0", page)
    harvested.etag = ""
    harvest(harvested)
    assert Refusal.objects.get().reason == RefusalReason.REDIRECT
    assert HarvestedItem.objects.count() == 3  # the page itself was the peer's own, and kept
    assert not other_host_peer.received


def test_a_peer_that_stops_answering_keeps_its_items_and_last_seen(fake_peer, harvested):
    last_seen = harvested.last_success_at
    before = snapshot()
    fake_peer.close()
    report = harvest(harvested)
    harvested.refresh_from_db()
    assert report.error and snapshot() == before
    assert harvested.last_success_at == last_seen and harvested.failures == 1
    assert "ConnectionError" in harvested.last_error


def test_backoff_grows_with_each_failure(fake_peer, harvested, settings):
    settings.HARVEST_BACKOFF_BASE = 60
    fake_peer.close()
    waits = []
    for _ in range(4):
        started = timezone.now()
        harvest(harvested)
        waits.append(round((harvested.next_harvest_at - started).total_seconds() / 60))
    assert waits == [1, 2, 4, 8]
    assert Peer.objects.due().count() == 0


def test_only_confirmed_peers_are_harvested(fake_peer):
    peer = fake_peer.peer(status=PeerStatus.PENDING)
    with pytest.raises(PeerNotConfirmed):
        harvest(peer)
    assert not Peer.objects.due().exists()


# --- Must-show 2: each refusal changes nothing here and is recorded with its reason ----------

def test_malformed_json_ld_is_refused(fake_peer, harvested):
    before = snapshot()
    refuse_next_page(fake_peer, harvested, body=b'{"orderedItems": [ {"id": ')
    harvest(harvested)
    assert_refused(harvested, before, RefusalReason.MALFORMED)
    refuse_next_page(fake_peer, harvested, body=json.dumps({"orderedItems": []}).encode())
    harvest(harvested)
    assert "@context" in assert_refused(harvested, before, RefusalReason.MALFORMED).detail


def test_an_item_failing_the_shapes_is_refused_and_the_rest_of_the_page_stored(fake_peer,
                                                                              harvested):
    broken = fake_peer.item("a")
    del broken["name"]
    fake_peer.serve_feed([[fake_peer.item("a"), fake_peer.item("b")],
                          [broken, fake_peer.item("c")]])
    harvested.etag = ""
    before = {iri: data for iri, data, *_ in snapshot()}
    harvest(harvested)
    refusal = Refusal.objects.get(peer=harvested)
    assert refusal.reason == RefusalReason.SHAPES and refusal.item_iri.endswith("/a")
    after = {iri: data for iri, data, *_ in snapshot()}
    assert after[broken["id"]] == before[broken["id"]]  # the stored copy is untouched
    assert set(after) == {*before, fake_peer.node_id + "items/case-study/c"}


def test_a_100_mb_response_is_refused_while_it_streams(fake_peer, harvested):
    before = snapshot()
    refuse_next_page(fake_peer, harvested, stream=100 * MB)
    harvest(harvested)
    refusal = assert_refused(harvested, before, RefusalReason.TOO_LARGE)
    assert str(base_settings.HARVEST_MAX_RESPONSE_BYTES) in refusal.detail
    # Refused on the way: the peer could not send much more than the limit.
    assert fake_peer.sent_bytes < base_settings.HARVEST_MAX_RESPONSE_BYTES + 16 * MB


def test_a_100_mb_response_announced_is_refused_before_reading(fake_peer, harvested):
    before = snapshot()
    refuse_next_page(fake_peer, harvested, stream=100 * MB, announce=True)
    harvest(harvested)
    assert "announced" in assert_refused(harvested, before, RefusalReason.TOO_LARGE).detail
    assert fake_peer.sent_bytes < 16 * MB


def test_the_time_limit_is_30_seconds_by_default():
    assert base_settings.HARVEST_REQUEST_TIMEOUT == 30.0


def test_a_peer_answering_too_late_is_refused(fake_peer, harvested, settings):
    settings.HARVEST_REQUEST_TIMEOUT = 1.0
    before = snapshot()
    refuse_next_page(fake_peer, harvested, body=b"{}", delay=2.5)
    started = timezone.now()
    harvest(harvested)
    assert (timezone.now() - started).total_seconds() < 2.5
    assert_refused(harvested, before, RefusalReason.TIMEOUT)


def test_a_redirect_to_another_host_is_refused(fake_peer, other_host_peer, harvested):
    other_host_peer.serve_feed([[fake_peer.item("a", name={"ko": "가짜", "en": "Fake"})]])
    before = snapshot()
    refuse_next_page(fake_peer, harvested, status=302, sign="none",
                     headers={"Location": other_host_peer.changes + "?after=0"})
    harvest(harvested)
    assert_refused(harvested, before, RefusalReason.REDIRECT)
    assert not other_host_peer.received[1:]  # only its own node document was fetched


def test_a_redirect_on_the_same_host_is_followed(fake_peer, harvested):
    fake_peer.serve_json("/moved", fake_peer.page([fake_peer.item("c")], after="0"))
    refuse_next_page(fake_peer, harvested, status=302, sign="none",
                     headers={"Location": "/moved"})
    assert harvest(harvested).stored == 1


@pytest.mark.parametrize("sign", ["bad", "none"])
def test_a_bad_or_missing_signature_is_refused(fake_peer, harvested, sign):
    before = snapshot()
    page = fake_peer.page([fake_peer.item("a", name={"ko": "위조", "en": "Forged"})],
                          after=harvested.cursor)
    refuse_next_page(fake_peer, harvested, body=json.dumps(page).encode(), sign=sign)
    harvest(harvested)
    assert_refused(harvested, before, RefusalReason.SIGNATURE)


def test_an_item_claiming_another_node_is_refused(fake_peer, other_host_peer, harvested):
    claims_other = fake_peer.item("a", **{"scc:node": other_host_peer.node_id})
    foreign = other_host_peer.item("x")
    fake_peer.serve_feed([[fake_peer.item("a"), fake_peer.item("b")], [claims_other, foreign]])
    harvested.etag = ""
    before = snapshot()
    harvest(harvested)
    assert snapshot() == before
    reasons = set(Refusal.objects.values_list("reason", "item_iri"))
    assert reasons == {(RefusalReason.WRONG_ORIGIN, claims_other["id"]),
                       (RefusalReason.WRONG_ORIGIN, foreign["id"])}


def test_a_members_only_item_is_refused(fake_peer, harvested):
    fake_peer.serve_feed([[fake_peer.item("a"), fake_peer.item("b")],
                          [fake_peer.item("z", **{"scc:audience": "members"})]])
    harvested.etag = ""
    before = snapshot()
    harvest(harvested)
    assert snapshot() == before
    refusal = Refusal.objects.get()
    assert refusal.reason == RefusalReason.MEMBERS_ONLY and refusal.item_iri.endswith("/z")


def test_a_page_is_stored_in_a_constant_number_of_queries(fake_peer, django_assert_max_num_queries):
    fake_peer.serve_feed([[fake_peer.item(str(n)) for n in range(5)]])
    with django_assert_max_num_queries(14):  # 2 of them the lock
        harvest(fake_peer.peer())
    fake_peer.serve_feed([[fake_peer.item(str(n)) for n in range(150)]])
    Peer.objects.all().delete()
    with django_assert_max_num_queries(14):  # 2 of them the lock
        harvest(fake_peer.peer())
    assert HarvestedItem.objects.count() == 150
