"""The change log a peer pages through by cursor (issue 20; review, correctness 1): two
writers at once commit their positions in order, so a reader at ``after=N`` never skips a
lower position committed later."""

import threading

import pytest
from django.db import connection

from events.models import Audience, Meeting
from federation.models import Change
from federation.services import record
from tests.factories import MeetingFactory

# The writers are threads with connections of their own: they see only what is committed.
pytestmark = pytest.mark.django_db(transaction=True)

WAIT = 10  # seconds, so a broken lock fails the test instead of hanging it


def positions(client, after: int) -> list[int]:
    """The positions a peer reads from ``after`` on (one page is enough here)."""
    body = client.get(f"/federation/changes?after={after}").json()
    return [int(activity["id"].rsplit("#", 1)[1]) for activity in body["orderedItems"]]


@pytest.mark.postgres  # the advisory lock is PostgreSQL's; SQLite serialises writers itself
def test_two_writers_commit_their_positions_in_order(client, monkeypatch):
    first, second = (MeetingFactory(audience=Audience.PUBLIC) for _ in range(2))
    start = Change.objects.order_by("position").last().position
    # Changed without signals: only the two writers below log them.
    Meeting.objects.filter(pk__in=[first.pk, second.pk]).update(title_en="Renamed")
    inserted, release = threading.Event(), threading.Event()
    insert = Change.objects.bulk_create

    def slow_insert(changes):
        """The first writer holds its position uncommitted while the second one runs."""
        rows = insert(changes)
        if threading.current_thread().name == "first":
            inserted.set()
            release.wait(WAIT)
        return rows

    monkeypatch.setattr(Change.objects, "bulk_create", slow_insert)

    def write(pk: int) -> None:
        try:
            record("meeting", [pk])
        finally:
            connection.close()

    writers = [threading.Thread(target=write, args=(first.pk,), name="first"),
               threading.Thread(target=write, args=(second.pk,), name="second")]
    writers[0].start()
    assert inserted.wait(WAIT)
    writers[1].start()
    writers[1].join(1)  # without the lock it commits a higher position now
    seen = positions(client, start)
    cursor = seen[-1] if seen else start
    release.set()
    for writer in writers:
        writer.join(WAIT)
    seen += positions(client, cursor)
    logged = list(Change.objects.filter(position__gt=start).values_list("position", flat=True))
    assert len(logged) == 2
    assert seen == logged  # in order, and none skipped
