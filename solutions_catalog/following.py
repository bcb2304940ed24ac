"""Following the replication of a case study, this portal's or one harvested from a peer
node: the cities replicating it show on the follower's dashboard and in their weekly digest,
whether they recorded it here or at a peer."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from itertools import chain

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import translation

from harvest.models import HarvestedItem
from members.models import User

from .harvested import (
    adoptions_of,
    case_study_iri,
    case_study_iri_of_key,
    harvested_case_studies,
    reader_language,
    shown,
)
from .models import Adoption, AdoptionStatus, CaseStudyFollow, CaseStudyPage


def _first_version(case_study: CaseStudyPage) -> CaseStudyPage:
    """Lineage attaches to the first language version, whichever one the person read."""
    return CaseStudyPage.objects.filter(translation_key=case_study.translation_key).order_by(
        "pk").first()


def _follow(user: User, **case_study) -> CaseStudyFollow:
    try:
        with transaction.atomic():
            return CaseStudyFollow.objects.get_or_create(user=user, **case_study)[0]
    except IntegrityError:  # a double click: the other request made it
        return CaseStudyFollow.objects.get(user=user, **case_study)


def follow(user: User, case_study: CaseStudyPage) -> CaseStudyFollow:
    """``user`` follows the case study's replication (in every language version)."""
    return _follow(user, case_study=_first_version(case_study))


def unfollow(user: User, case_study: CaseStudyPage) -> None:
    CaseStudyFollow.objects.of(user).of_case_study(case_study).delete()


def follow_harvested(user: User, item: HarvestedItem) -> CaseStudyFollow:
    """``user`` follows a case study harvested from a peer, by its IRI: the follow stays if
    its node unpublishes it, and applies again when it comes back."""
    return _follow(user, remote_case_study_iri=item.iri)


def unfollow_harvested(user: User, iri: str) -> None:
    CaseStudyFollow.objects.of(user).of_harvested(iri).delete()


@dataclass(frozen=True)
class Following:
    """What ``user`` follows: this portal's case studies in the reader's language where they
    have a live version and harvested ones (``HarvestedCaseStudy``), and the latest adoptions
    of them, recorded here (``Adoption``) or harvested from a peer (``RemoteAdoption``), each
    with ``origin_here``, the case study as shown here."""

    case_studies: list
    adoptions: list


def following(user: User, *, limit: int = 10) -> Following:
    """The case studies ``user`` follows that anyone may read (this portal's live without a
    view restriction, harvested ones while their node publishes them), those in the reader's
    language first, and the latest changes to their adoptions. One unpublished or restricted
    since it was followed drops out. A fixed number of queries, whatever the number followed."""
    follows = list(CaseStudyFollow.objects.of(user).values_list(
        "case_study__translation_key", "remote_case_study_iri"))
    keys = [key for key, _iri in follows if key]
    versions = {page.translation_key: page for page in CaseStudyPage.objects.for_reader(
        reader_language()).filter(translation_key__in=keys)}
    remote = {case.item.iri: case for case in shown(harvested_case_studies().filter(
        iri__in=[iri for _key, iri in follows if iri]))}
    local = list(Adoption.objects.filter(
        Q(origin__translation_key__in=list(versions)) | Q(remote_origin_iri__in=list(remote)))
        .select_related("origin", "adopter").order_by("-updated_at", "-pk")[:limit])
    for adoption in local:
        adoption.origin_here = (versions[adoption.origin.translation_key] if adoption.origin
                                else remote[adoption.remote_origin_iri])
    origins = {**{case_study_iri(page): page for page in versions.values()}, **remote}
    harvested = adoptions_of(origins)
    for adoption in harvested:
        adoption.origin_here = origins[adoption.item.origin_iri]
    adoptions = sorted(chain(local, harvested),
                       key=lambda adoption: adoption.updated_at, reverse=True)[:limit]
    case_studies = [versions[key] for key in keys if key in versions] + [
        remote[iri] for _key, iri in follows if iri in remote]
    return Following(sorted(case_studies, key=lambda case: case.other_language), adoptions)


def _followers(people: Iterable[User]) -> tuple[dict, dict]:
    """translation key → ids following it, and harvested IRI → ids following it."""
    local, remote = defaultdict(set), defaultdict(set)
    for user_id, key, iri in CaseStudyFollow.objects.of_people(people).values_list(
            "user_id", "case_study__translation_key", "remote_case_study_iri"):
        (local[key] if key else remote[iri]).add(user_id)
    return local, remote


def new_adoptions(people: list[User], since: datetime) -> dict[int, list[tuple]]:
    """Each of ``people`` (by id) → the adoptions recorded since ``since`` of what they follow,
    here or at a peer, each with the case study as shown in the person's language: (adoption,
    case study) pairs, oldest first. A fixed number of queries for the whole batch."""
    local, remote = _followers(people)
    if not local and not remote:
        return {}
    keys_by_iri = {case_study_iri_of_key(key): key for key in local}
    adoptions = list(Adoption.objects.recorded_since(since).filter(
        Q(origin__translation_key__in=list(local)) | Q(remote_origin_iri__in=list(remote)))
        .select_related("adopter", "origin").order_by("created_at", "pk"))
    harvested = [adoption for adoption in adoptions_of([*keys_by_iri, *remote], since=since)
                 if adoption.status != AdoptionStatus.DROPPED]
    cases = {case.item.iri: case for case in shown(harvested_case_studies().filter(
        iri__in=list(remote)))}
    # (when, adoption, translation key of this portal's case study or "", IRI of a peer's)
    entries = sorted(
        [(a.created_at, a, a.origin.translation_key if a.origin else "", a.remote_origin_iri)
         for a in adoptions]
        + [(a.item.first_seen, a, keys_by_iri.get(a.item.origin_iri, ""), a.item.origin_iri)
           for a in harvested], key=lambda entry: entry[0])
    pages = list(CaseStudyPage.objects.filter(
        translation_key__in={key for _at, _a, key, _iri in entries if key}))
    found = defaultdict(list)
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            versions = CaseStudyPage.objects.versions_for(pages)
        readers = {person.pk for person in people if person.preferred_language == code}
        for _at, adoption, key, iri in entries:
            case = versions.get(key) if key else cases.get(iri)
            followers = local.get(key, set()) if key else remote.get(iri, set())
            for user_id in followers & readers if case is not None else ():
                found[user_id].append((adoption, case))
    return found
