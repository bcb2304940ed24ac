"""Following a case study harvested from a peer node, as one follows this portal's: the cities
replicating it, recorded here or at another peer, show on the follower's dashboard and in
their weekly digest; the follow outlives an unpublish at its node."""

import datetime

import pytest
from django.utils import timezone, translation

from harvest.models import HarvestedItem
from members.models import Organisation
from solutions_catalog.following import following, new_adoptions
from solutions_catalog.harvested import case_study_iri
from solutions_catalog.models import Adoption, CaseStudyFollow, CaseStudyPage
from tests.solutions_catalog.test_harvested import harvested, peer
from tests.solutions_catalog.test_harvested_adoptions import remote_adoption

pytestmark = pytest.mark.django_db
WEEK_AGO = timezone.now() - datetime.timedelta(days=7)


def seoul():
    return peer("Seoul portal", "서울 포털", "https://seoul.example/federation/")


def test_a_harvested_case_study_is_followed_and_its_replications_show_on_the_dashboard(
        client, catalogue, people, as_user):
    item = harvested(peer())
    officer = people["officer"]
    as_user(officer)
    page = client.get(f"/en/catalogue/network/{item.pk}/").text
    assert "Follow cities replicating this" in page and "0 cities are replicating this" in page
    response = client.post(f"/en/catalogue/network/{item.pk}/follow/")
    assert response.status_code == 302
    client.post(f"/en/catalogue/network/{item.pk}/follow/")  # a double click
    assert CaseStudyFollow.objects.get(user=officer).remote_case_study_iri == item.iri
    # Bucheon records its replication here; Gangnam's is harvested from Seoul's portal.
    bucheon = Organisation.objects.get(slug="bucheon")
    client.post(f"/en/catalogue/network/{item.pk}/adopt/",
                {"adopter": bucheon.pk, "status": "planning"})
    remote_adoption(seoul(), item.iri, "g1", "강남구", "Gangnam", [])
    page = client.get(f"/en/catalogue/network/{item.pk}/").text
    assert "Stop following this case study" in page and "2 cities are replicating this" in page
    assert "Gangnam" in page and "From Seoul portal" in page
    dashboard = client.get("/en/dashboard/").text
    followed = dashboard.split('id="following-heading"')[1].split("</section>")[0]
    assert "Busan smart parking guidance" in followed and "From Busan Smart City Portal" in followed
    assert f'href="/en/catalogue/network/{item.pk}/"' in followed
    assert "Bucheon" in followed and "Gangnam" in followed and "From Seoul portal" in followed
    korean = client.get("/dashboard/").text.split('id="following-heading"')[1]
    assert "부산 스마트 주차 안내" in korean and "강남구" in korean and "서울 포털" in korean
    client.post(f"/en/catalogue/network/{item.pk}/unfollow/")
    assert following(officer).case_studies == []
    assert Adoption.objects.filter(remote_origin=item).exists()  # unfollowing changes no more


def test_the_follow_outlives_an_unpublish_at_its_node(catalogue, people):
    officer, busan = people["officer"], peer()
    item = harvested(busan)
    CaseStudyFollow.objects.create(user=officer, remote_case_study_iri=item.iri)
    item.delete()
    assert following(officer).case_studies == []
    again = harvested(busan)
    assert [case.item for case in following(officer).case_studies] == [again]


def test_following_asks_for_sign_in_and_a_harvested_case_study(client, catalogue, people,
                                                              as_user):
    item = harvested(peer())
    response = client.post(f"/en/catalogue/network/{item.pk}/follow/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    as_user(people["vendor"])
    assert client.get(f"/en/catalogue/network/{item.pk}/follow/").status_code == 405
    assert client.post("/en/catalogue/network/999999/follow/").status_code == 404
    adoption = remote_adoption(seoul(), item.iri, "g1", "강남구", "Gangnam", [])
    # Only case studies are followed, not a peer's adoption.
    assert client.post(f"/en/catalogue/network/{adoption.pk}/follow/").status_code == 404
    assert not CaseStudyFollow.objects.exists()


def test_the_digest_brings_this_week_s_replications_here_and_at_peers(catalogue, people):
    officer = people["officer"]
    item = harvested(peer())
    CaseStudyFollow.objects.create(user=officer, remote_case_study_iri=item.iri)
    CaseStudyFollow.objects.create(user=officer, case_study=catalogue)
    Adoption.objects.update(created_at=WEEK_AGO - datetime.timedelta(days=1))  # the seeded
    bucheon = Organisation.objects.get(slug="bucheon")
    here = Adoption.objects.create(remote_origin=item, remote_origin_iri=item.iri,
                                   adopter=bucheon)
    elsewhere = seoul()
    at_seoul = remote_adoption(elsewhere, case_study_iri(catalogue), "d1", "강남구", "Gangnam",
                               [])
    old = remote_adoption(elsewhere, item.iri, "o1", "종로구", "Jongno", [])
    HarvestedItem.objects.filter(pk=old.pk).update(first_seen=WEEK_AGO - datetime.timedelta(1))
    officer.preferred_language = "en"
    english = CaseStudyPage.objects.get(translation_key=catalogue.translation_key,
                                        locale__language_code="en")
    found = new_adoptions([officer], WEEK_AGO)[officer.pk]
    with translation.override("en"):  # as the digest is written, in the person's language
        shown = [(getattr(adoption, "item", adoption).pk, str(case.title))
                 for adoption, case in found]
    assert shown[:2] == [(here.pk, "Busan smart parking guidance"), (at_seoul.pk, english.title)]
    assert len(shown) == 2  # Jongno's was harvested before the week


def test_the_dashboard_s_follows_take_the_same_queries_however_many(
        client, catalogue, people, as_user, django_assert_max_num_queries):
    officer = people["officer"]
    as_user(officer)
    busan, other = peer(), seoul()

    def follow_more(n: int, start: int) -> None:
        for key in range(start, start + n):
            item = harvested(busan, key=str(key))
            CaseStudyFollow.objects.create(user=officer, remote_case_study_iri=item.iri)
            remote_adoption(other, item.iri, f"a{key}", "강남구", "Gangnam", [])

    follow_more(1, 0)
    with django_assert_max_num_queries(200) as first:
        client.get("/en/dashboard/")
    follow_more(4, 1)
    with django_assert_max_num_queries(len(first)):
        client.get("/en/dashboard/")
