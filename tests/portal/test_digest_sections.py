"""The weekly digest's catalogue sections, each on its own: new case studies in the themes of
the reader's city (not their own city's, none older than the week, none they cannot see), and
adoptions of the case studies they follow (none older than the week, none dropped); and a
notification about a page links to the reader's language version of it where both exist."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from members import notify
from portal import digest
from solutions_catalog.models import Adoption, AdoptionStatus, CaseStudyFollow, CaseStudyPage
from tests.factories import MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db
NOW = timezone.now()
LAST_MONTH = NOW - datetime.timedelta(days=30)


@pytest.fixture
def reader(catalogue):
    """A Korean reader in Gwangju, a city focused on the data hub's themes; every seeded case
    study is made a month old, so only what a test publishes is new."""
    CaseStudyPage.objects.update(first_published_at=LAST_MONTH)
    gwangju = OrganisationFactory(slug="gwangju", name_en="Gwangju", name_ko="광주")
    for theme in catalogue.themes.all():
        theme.focused_organisations.add(gwangju)
    return MembershipFactory(organisation=gwangju, user__preferred_language="ko").user


def publish(catalogue, slug: str, *, city=None, published=NOW, live=True) -> CaseStudyPage:
    page = CaseStudyPage(title=f"사례 {slug}", slug=slug, city=city or catalogue.city,
                         locale=catalogue.locale, summary="요약", problem="<p>문제</p>",
                         approach="<p>접근</p>", live=False)
    catalogue.get_parent().add_child(instance=page)
    page.themes.set(catalogue.themes.all())
    revision = page.save_revision()
    if live:
        revision.publish()
        CaseStudyPage.objects.filter(pk=page.pk).update(first_published_at=published)
    return page


def composed(person):
    [result] = digest.compose([person], NOW)
    return result


def test_new_case_studies_in_the_citys_themes_but_none_old_hidden_or_its_own(catalogue, reader):
    new = publish(catalogue, "daegu-new")
    publish(catalogue, "daegu-old", published=NOW - datetime.timedelta(days=8))
    publish(catalogue, "daegu-draft", live=False)
    restricted = publish(catalogue, "daegu-restricted")
    PageViewRestriction.objects.create(page=restricted,
                                       restriction_type=PageViewRestriction.LOGIN)
    own_city = reader.memberships.get().organisation
    publish(catalogue, "gwangju-own", city=own_city)
    assert [page.pk for page in composed(reader).case_studies] == [new.pk]


def test_no_case_studies_for_a_city_without_themes(catalogue, reader):
    publish(catalogue, "daegu-new")
    elsewhere = MembershipFactory(user__preferred_language="ko").user
    assert composed(elsewhere).case_studies == []


def test_adoptions_of_what_one_follows_this_week_only(catalogue, reader):
    followed = catalogue
    other = CaseStudyPage.objects.live().filter(locale__language_code="ko").exclude(
        translation_key=followed.translation_key).first()
    Adoption.objects.update(created_at=LAST_MONTH)  # the seeded ones
    CaseStudyFollow.objects.create(user=reader, case_study=followed)
    city = reader.memberships.get().organisation
    this_week = Adoption.objects.create(origin=followed, adopter=city,
                                        status=AdoptionStatus.PILOTING)
    earlier = Adoption.objects.create(origin=followed, adopter=OrganisationFactory(),
                                      status=AdoptionStatus.PILOTING)
    Adoption.objects.filter(pk=earlier.pk).update(created_at=NOW - datetime.timedelta(days=8))
    Adoption.objects.create(origin=other, adopter=OrganisationFactory(),
                            status=AdoptionStatus.PILOTING)  # not followed
    Adoption.objects.create(origin=followed, adopter=OrganisationFactory(),
                            status=AdoptionStatus.DROPPED)
    adoptions = composed(reader).adoptions
    assert [(a.pk, page.pk) for a, page in adoptions] == [(this_week.pk, followed.pk)]
    assert composed(MembershipFactory().user).adoptions == []  # follows nothing


def test_a_notification_about_a_page_links_to_each_languages_version(catalogue, reader,
                                                                      as_user):
    english = CaseStudyPage.objects.get(translation_key=catalogue.translation_key,
                                        locale__language_code="en")
    korean_only = publish(catalogue, "daegu-korean-only")
    both = notify.tell(reader, notify.CASE_STUDY_ACTIVITY, "portal/email/saved_search_alert",
                       {"title": "t", "items": []}, url=catalogue)
    one = notify.tell(reader, notify.CASE_STUDY_ACTIVITY, "portal/email/saved_search_alert",
                      {"title": "t", "items": []}, url=korean_only)
    assert (both.url_ko, both.url_en) == (catalogue.url, english.url)
    assert catalogue.url != english.url
    assert one.url_ko == one.url_en == korean_only.url
    client = as_user(reader)
    assert f'href="{english.url}"' in client.get("/en/members/me/notifications/").text
    assert f'href="{catalogue.url}"' in client.get("/members/me/notifications/").text
