"""Must-show 1 of the federation issue: three portal processes on this machine, each with its
own database, search index and cache, register each other and harvest; a case study published
at A is found by a Korean query in B's search with its origin, a replication recorded at C
shows on A's page with C's results, and an unpublish at A leaves B and C at the next harvest.

Driven through the portal's own commands (``manage.py federation register|harvest``) and
pages over HTTP; the harness (tests/federation/nodes.py) prints where the time went."""

import html

import pytest

from tests.federation.node_steps import ADOPTER_KO, TITLE_EN, TITLE_KO
from tests.federation.nodes import Network, Timings

pytestmark = [pytest.mark.postgres, pytest.mark.elasticsearch,
              pytest.mark.xdist_group("three-nodes")]


@pytest.fixture
def network(tmp_path, django_db_setup, django_db_blocker):
    """Three nodes cloned from this run's migrated test database (it takes minutes to
    migrate one), torn down with everything they made."""
    from django.db import connection, connections

    migrated = connection.settings_dict["NAME"]
    with django_db_blocker.unblock():
        connections.close_all()  # PostgreSQL clones a database no one is connected to
    timings = Timings()
    network = Network(tmp_path, timings)
    try:
        network.build(migrated=migrated)
        yield network
    finally:
        with timings.step("teardown: processes, databases, indices, cache keys"):
            network.close()
        print("\n" + timings.report())


def text_of(page: str) -> str:
    return html.unescape(page)


def test_three_nodes_share_case_studies_replications_and_unpublishing(network):
    a, b, c = network.nodes["a"], network.nodes["b"], network.nodes["c"]
    step = network.timings.step

    with step("A publishes a case study"):
        published = a.run("publish_case_study")
    with step("the nodes register each other (federation register)"):
        a.run("register", b.federation_url, c.federation_url)
        b.run("register", a.federation_url, c.federation_url)
        c.run("register", a.federation_url, b.federation_url)

    # Within one harvest, B finds it by a Korean query, with its origin.
    with step("B harvests"):
        harvested_at_b = b.run("harvest")
    assert any(kind == "case-study" for kind, _iri in harvested_at_b["items"]), harvested_at_b
    origin_name = harvested_at_b["peers"][a.federation_url]["name_ko"] or a.federation_url
    with step("B's search, in Korean and English"):
        found = text_of(b.get("/search/", q="가로등 원격 제어"))
        found_en = text_of(b.get("/en/search/", q="street-light control"))
    assert TITLE_KO in found, found[-3000:]
    assert f"출처: {origin_name}" in found
    assert TITLE_EN in found_en
    page_link = found.split(TITLE_KO)[0].rsplit('href="', 1)[1].split('"', 1)[0]
    shown_at_b = text_of(b.get(page_link))
    assert f'href="{a.url}{published["url_ko"]}"' in shown_at_b  # the link back

    # C replicates it and records a result; A shows it after harvesting C.
    with step("C harvests, records a replication of A's case study"):
        c.run("harvest")
        c.run("adopt_harvested_case_study")
    with step("A harvests"):
        harvested_at_a = a.run("harvest")
    assert any(kind == "adoption" for kind, _iri in harvested_at_a["items"]), harvested_at_a
    with step("A's case-study page"):
        origin_page = text_of(a.get(published["url_ko"]))
    adopter_node = harvested_at_a["peers"][c.federation_url]["name_ko"] or c.federation_url
    assert ADOPTER_KO in origin_page
    assert f"출처: {adopter_node}" in origin_page
    compared = origin_page.split('id="compared-title"', 1)
    assert len(compared) == 2 and ADOPTER_KO in compared[1], "C's results beside A's"
    assert "2,100" in compared[1] or "2100" in compared[1]

    # Unpublished at A, it leaves B and C at their next harvest.
    with step("A unpublishes; B and C harvest"):
        a.run("unpublish_case_study")
        after_b = b.run("harvest")
        after_c = c.run("harvest")
    for after in (after_b, after_c):
        assert not any(kind == "case-study" for kind, _iri in after["items"]), after
    with step("B's search again"):
        assert TITLE_KO not in text_of(b.get("/search/", q="가로등 원격 제어"))
