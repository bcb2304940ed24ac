"""The bilingual glossary: seeded from the vocabulary and the apps' own names, edited by
staff, and used by search to cross the language border."""

import datetime

import pytest

from members.models import Organisation
from search import glossary
from search.analysis import terms
from search.models import Concept
from search.registry import PUBLIC, SearchableType, SearchRecord
from tests.factories import OrganisationFactory
from tests.support.search import find, titles


def test_seeding_names_the_taxonomy_and_every_member_in_both_scripts_once(catalogue):
    added = glossary.seed()
    assert added >= 300
    assert glossary.seed() == 0  # idempotent
    daegu = Concept.objects.get(key="organisation:daegu")
    assert (daegu.label_ko, daegu.label_en) == ("대구광역시", "Daegu Metropolitan City")
    assert {"대구", "Daegu"} <= set(daegu.labels)
    assert Concept.objects.filter(key__startswith="theme:").count() >= 5


def test_no_two_vocabulary_concepts_share_a_label_only_once_analysed():
    """Stemming and Korean prefixes fold different words together (parking and park,
    government and governance, 대학교 and 학교): a label doing so would attach its concept to
    every text using the other word. The same label given to two concepts is deliberate."""
    owners: dict[tuple[str, ...], dict[str, str]] = {}
    for seed in glossary.vocabulary_seeds():
        for label in (seed.label_ko, *seed.alt_ko, seed.label_en, *seed.alt_en):
            owners.setdefault(tuple(terms(label)), {})[seed.key] = label.casefold()
    shared = {phrase: by_concept for phrase, by_concept in owners.items()
              if len(by_concept) > 1 and len(set(by_concept.values())) > 1}
    assert shared == {}


def test_a_concept_staff_edited_is_kept_and_used_at_once(db):
    glossary.seed()
    light = Concept.objects.get(key="term:street-light")
    light.alt_labels_en += "\nlamp post"
    light.save()
    glossary.seed()
    assert "lamp post" in Concept.objects.get(key="term:street-light").alt_labels_en
    [covering] = {frozenset(ids) for ids in
                  glossary.current().covering(["lamp", "post"])}
    assert str(light.pk) in covering


def test_glossary_loops_are_harmless(db):
    Concept.objects.create(key="a", label_ko="가", label_en="alpha", alt_labels_en="beta")
    Concept.objects.create(key="b", label_ko="나", label_en="beta", alt_labels_en="alpha")
    assert len(glossary.current().covering(["alpha"])[0]) == 2


@pytest.fixture
def korean_only(search_engine, temporary_registration):
    def records(org):
        yield SearchRecord(kind="note", object_id=str(org.pk), language="ko",
                           title="수원시 스마트주차",
                           summary="공영 주차장에서 빈 자리를 알려 준다.",
                           date=datetime.date(2025, 1, 1), url="/notes/suwon/",
                           audiences=(PUBLIC,))

    temporary_registration(SearchableType(
        kind="note", model=Organisation, label="Note", to_records=records,
        indexable=lambda: Organisation.objects.filter(slug="note")))
    OrganisationFactory(slug="note")
    glossary.seed()
    search_engine.rebuild()
    return search_engine


def test_english_search_page_shows_a_korean_only_document_marked(korean_only, client):
    notes = {"kind": ("note",)}  # the module's seeded catalogue has parking case studies too
    assert titles(find(korean_only, "parking", language="en", filters=notes)) == [
        "수원시 스마트주차"]
    page = client.get("/en/search/", {"q": "parking", "kind": "note"}).content.decode()
    assert 'lang="ko"' in page and "Only in Korean" in page
    assert "<mark>주차장</mark>에서" in page
    korean_page = client.get("/search/", {"q": "parking", "kind": "note"}).content.decode()
    assert "수원시 스마트주차" in korean_page and "로만 작성됨" not in korean_page


def test_staff_edit_the_glossary_in_the_admin_in_korean(db, as_user, django_user_model):
    glossary.seed()
    staff = django_user_model.objects.create_superuser(email="glossary@example.org",
                                                       password="x")
    client = as_user(staff)
    listing = client.get("/admin/snippets/search/concept/", {"q": "가로등"},
                         HTTP_ACCEPT_LANGUAGE="ko")
    assert listing.status_code == 200
    page = listing.content.decode()
    assert "용어집" in page and "street light" in page
