"""Saved searches as operations: saving one (validated; nothing saved when its filters are
wrong), the standing searches people expect without asking (vendors: new challenges in their
offerings' themes; a city with an open challenge: offerings and case studies matching it),
and the periodic run that tells each owner about new matches once."""

from collections import defaultdict
from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from members import notify
from members.models import Membership, Organisation, OrganisationKind, User
from search.engines import SearchUnavailable
from solutions_catalog.models import Challenge, VendorOffering

from .models import Delivery, SavedSearch, SavedSearchMatch
from .saved_searches import LISTINGS, Match, validated

NAME_LENGTH = SavedSearch._meta.get_field("name").max_length


def save_search(owner: User, listing_key: str, query: str, name: str,
                delivery: str = Delivery.IMMEDIATELY) -> SavedSearch:
    """Save ``query`` (a query string) of a listing under ``name``; what it finds today is
    recorded as known, so that it alerts only on what comes later."""
    name = " ".join(name.split())
    listing, params, problems = validated(listing_key, query)
    if not name:
        problems = [_("Give the search a name."), *problems]
    if len(name) > NAME_LENGTH:
        problems = [_("A name has at most %(n)d characters.") % {"n": NAME_LENGTH}, *problems]
    if delivery not in Delivery.values:
        problems = [_("Choose immediately or the weekly digest."), *problems]
    if problems:
        raise ValidationError(problems)
    params.pop("page", None)
    with transaction.atomic():
        saved = SavedSearch.objects.create(owner=owner, name=name, listing=listing.key,
                                           query=params.urlencode(), delivery=delivery)
        _record(saved, _matches(saved), alerted=True)
    return saved


def rename(saved: SavedSearch, name: str, delivery: str) -> None:
    name = " ".join(name.split())
    if not name or len(name) > NAME_LENGTH or delivery not in Delivery.values:
        raise ValidationError(_("Give the search a name of at most %(n)d characters and "
                                "choose how its alerts arrive.") % {"n": NAME_LENGTH})
    saved.name, saved.delivery = name, delivery
    saved.save(update_fields=["name", "delivery"])


def remove(saved: SavedSearch) -> None:
    """A standing search stays, stopped, so that it is not made again; others go."""
    if saved.standing:
        saved.stopped = True
        saved.save(update_fields=["stopped"])
    else:
        saved.delete()


def _matches(saved: SavedSearch) -> list[Match]:
    listing = LISTINGS[saved.listing]
    with translation.override(saved.owner.preferred_language):
        return listing.find(saved.owner, QueryDict(saved.query))


def _record(saved: SavedSearch, matches: list[Match], *, alerted: bool) -> list[Match]:
    """Store the matches not stored yet; returns those (the new ones)."""
    known = set(saved.matches.values_list("item", flat=True))
    new = [m for m in dict((m.item, m) for m in matches).values() if m.item not in known]
    SavedSearchMatch.objects.bulk_create(
        SavedSearchMatch(saved_search=saved, item=m.item, title=m.title[:300], url=m.url[:500],
                         alerted_at=timezone.now() if alerted else None) for m in new)
    return new


def alert_owner(saved: SavedSearch, new_items: list[Match]) -> None:
    """The one place saved-search alerts leave the portal: told now (by the owner's
    preference for saved-search matches), or left waiting for the weekly digest."""
    if saved.delivery == Delivery.DIGEST:
        return  # the matches wait, unalerted, for the digest (SavedSearchMatch.waiting_...)
    owner = saved.owner
    with translation.override(owner.preferred_language):
        title = titles([saved])[saved.pk]
    notify.tell(owner, notify.SAVED_SEARCH_MATCH, "portal/email/saved_search_alert",
                {"title": title, "items": new_items}, url=reverse("saved_searches"))
    saved.matches.filter(item__in=[m.item for m in new_items]).update(alerted_at=timezone.now())


def run(saved: SavedSearch) -> int:
    """Find and tell ``saved``'s new matches; returns how many. Under a lock on the saved
    search, so two runs at once tell each match once."""
    with transaction.atomic():
        saved = SavedSearch.objects.select_for_update().select_related("owner").get(pk=saved.pk)
        try:
            matches = _matches(saved)
        except SearchUnavailable:
            return 0  # the next run finds them
        new = _record(saved, matches, alerted=False)
        if new:
            alert_owner(saved, new)
    return len(new)


def run_all() -> int:
    ensure_standing_searches()
    return sum(run(saved) for saved in SavedSearch.objects.running().only("pk"))


def _standing(saved: SavedSearch | None, owner: User, subject: str, listing: str,
              themes: list[str]) -> None:
    """Make ``owner``'s standing search of ``subject`` unless ``saved`` is it already (then
    follow its themes as they are now)."""
    if not themes:
        return
    query = urlencode([("theme", slug) for slug in themes])
    if saved is not None:
        if saved.query != query:
            saved.query = query
            saved.save(update_fields=["query"])
        return
    with transaction.atomic():
        saved, created = SavedSearch.objects.get_or_create(
            owner=owner, standing=subject, defaults={"listing": listing, "query": query})
        if created:
            _record(saved, _matches(saved), alerted=True)


def titles(searches: list[SavedSearch]) -> dict[int, str]:
    """What each search is called in the active language: its owner's name for it, else
    (a standing search not renamed) what it follows, named in two queries at most."""
    subjects = {s.pk: s.standing.split(":") for s in searches if not s.name and s.standing}
    vendors = {str(o.pk): o.name for o in Organisation.objects.filter(
        pk__in=[int(p[1]) for p in subjects.values() if p[0] == "vendor"])}
    challenges = {str(c.pk): c.title for c in Challenge.objects.filter(
        pk__in=[int(p[1]) for p in subjects.values() if p[0] == "challenge"])}
    named = {s.pk: s.name for s in searches if s.pk not in subjects}
    for pk, (kind, subject_id, *listing) in subjects.items():
        if kind == "vendor":
            named[pk] = (_("New challenges matching the themes of %(vendor)s's offerings")
                         % {"vendor": vendors.get(subject_id, "")})
        elif listing == ["offerings"]:
            named[pk] = (_("New offerings matching “%(challenge)s”")
                         % {"challenge": challenges.get(subject_id, "")})
        else:
            named[pk] = (_("New case studies matching “%(challenge)s”")
                         % {"challenge": challenges.get(subject_id, "")})
    return named


def ensure_standing_searches() -> None:
    """Make the standing searches that are missing; stop following closed challenges. The
    same few queries however many people there are, once their searches exist."""
    vendor_themes: dict[int, set[str]] = defaultdict(set)
    for vendor_id, slug in (VendorOffering.objects.listed().filter(themes__isnull=False)
                            .values_list("vendor_id", "themes__slug")):
        vendor_themes[vendor_id].add(slug)
    challenges: dict[int, dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))
    for pk, city_id, slug in Challenge.objects.open().values_list("pk", "city_id",
                                                                  "themes__slug"):
        challenges[city_id][pk].update([slug] if slug else [])
    wanted: dict[tuple[int, str], tuple[User, str, list[str]]] = {}
    members = (Membership.objects.current()
               .filter(organisation__kind__in=[OrganisationKind.VENDOR, OrganisationKind.CITY])
               .select_related("user", "organisation"))
    for membership in members:
        user, organisation = membership.user, membership.organisation
        if organisation.kind == OrganisationKind.VENDOR:
            wanted[user.pk, f"vendor:{organisation.pk}"] = (
                user, "challenges", sorted(vendor_themes[organisation.pk]))
        for challenge_id, themes in challenges.get(organisation.pk, {}).items():
            for listing in ("offerings", "catalogue"):
                wanted[user.pk, f"challenge:{challenge_id}:{listing}"] = (
                    user, listing, sorted(themes))
    existing = {(s.owner_id, s.standing): s for s in SavedSearch.objects.filter(
        owner__in={user.pk for user, _listing, _themes in wanted.values()},
        standing__gt="").only("owner_id", "standing", "query")}
    for key, (user, listing, themes) in wanted.items():
        _standing(existing.get(key), user, key[1], listing, themes)
    open_ids = {pk for by_city in challenges.values() for pk in by_city}
    following = SavedSearch.objects.filter(standing__startswith="challenge:").only("standing")
    SavedSearch.objects.filter(pk__in=[
        s.pk for s in following if int(s.standing.split(":")[1]) not in open_ids]).delete()
