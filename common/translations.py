"""Page translations with wagtail-localize: registering pairs made before it (two pages
sharing a translation key), and which pages still need translating into a language.

A registered translation is a wagtail-localize ``TranslationSource`` (the source page's
segments) with a ``Translation`` to the other locale, whose ``StringTranslation``s are taken
from the existing page's text: "Sync translated pages" and the translation editor then work
on it, and a sync keeps what was already translated.
"""

from collections import defaultdict

from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from modelcluster.models import get_all_child_relations
from wagtail.models import Page, TranslatableMixin
from wagtail.query import PageQuerySet
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments


def _align_children(source: Page, target: Page) -> None:
    """Give the target's translatable children (KPIs, partners) the translation keys of the
    source's, in order, so that each is the translation of its counterpart."""
    for relation in get_all_child_relations(source):
        model = relation.related_model
        if not issubclass(model, TranslatableMixin):
            continue
        name = relation.get_accessor_name()
        theirs = list(getattr(target, name).all())
        for mine, their in zip(getattr(source, name).all(), theirs, strict=False):
            their.translation_key = mine.translation_key
        model.objects.bulk_update(theirs, ["translation_key"])


def _segments_by_path(page: Page) -> dict[str, list[StringSegmentValue]]:
    by_path = defaultdict(list)
    for segment in extract_segments(page):
        if isinstance(segment, StringSegmentValue):
            by_path[segment.path].append(segment)
    return by_path


def _keep_existing_text(source: TranslationSource, target: Page) -> int:
    """Record the target's text as the translation of each source segment, field by field,
    where both have as many segments (a rich text split differently is left to translate).
    Returns how many segments were taken."""
    existing = _segments_by_path(target)
    taken = 0
    segments = (StringSegment.objects.filter(source=source)
                .select_related("string", "context").order_by("order"))
    by_path = defaultdict(list)
    for segment in segments:
        by_path[segment.context.path].append(segment)
    for path, originals in by_path.items():
        theirs = existing.get(path, [])
        if len(theirs) != len(originals):
            continue
        for original, their in zip(originals, theirs, strict=True):
            StringTranslation.objects.update_or_create(
                translation_of=original.string, locale=target.locale, context=original.context,
                defaults={"data": their.string.data,
                          "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL})
            taken += 1
    return taken


@transaction.atomic
def register_translation(source: Page, target: Page) -> Translation:
    """Register ``target`` (same translation key, another locale) as the wagtail-localize
    translation of ``source``, keeping its text. Idempotent."""
    source, target = source.specific, target.specific
    _align_children(source, target)
    translation_source, _ = TranslationSource.get_or_create_from_instance(source)
    translation, created = Translation.objects.get_or_create(
        source=translation_source, target_locale=target.locale)
    if created:
        _keep_existing_text(translation_source, target)
    return translation


def register_existing_translations(pages: PageQuerySet) -> int:
    """Register every pair among ``pages`` not yet registered: the first version made
    (lowest id) is the source. Returns how many translations were registered."""
    registered = Translation.objects.values_list("source__object_id", "target_locale_id")
    known = set(registered)
    groups = defaultdict(list)
    for page in pages.order_by("pk"):
        groups[page.translation_key].append(page)
    count = 0
    for versions in groups.values():
        source, *targets = versions
        for target in targets:
            if (source.translation_key, target.locale_id) not in known:
                register_translation(source, target)
                count += 1
    return count


def needing_translation(pages: PageQuerySet, language: str) -> PageQuerySet:
    """The live pages, in other languages, that ``language`` readers cannot read as they
    are now: no live version in ``language``, or a registered translation published before
    its source last was. Pages that are themselves translations are left out."""
    is_translation = Translation.objects.filter(
        source__object_id=OuterRef("translation_key"), target_locale=OuterRef("locale"))
    up_to_date = (pages.model.objects.live()
                  .filter(translation_key=OuterRef("translation_key"),
                          locale__language_code=language)
                  .filter(Q(last_published_at__gte=OuterRef("last_published_at"))
                          | ~Exists(is_translation)))
    return (pages.live().exclude(locale__language_code=language)
            .exclude(Exists(is_translation)).exclude(Exists(up_to_date)))
