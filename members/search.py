"""How organisations appear in search: the public profile, in both languages."""

import re
from collections.abc import Iterable, Iterator

from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from search.registry import (
    PUBLIC,
    ConceptSeed,
    SearchableType,
    SearchRecord,
    language_codes,
    register,
    register_concepts,
    register_facet_labels,
)

from .models import Organisation


def organisation_records(org: Organisation) -> Iterator[SearchRecord]:
    for language in language_codes():
        with translation.override(language):
            yield SearchRecord(
                kind="organisation",
                object_id=str(org.pk),
                language=language,
                title=org.name,
                summary=org.description,
                country=org.country.code,
                organisation=org.slug,
                url=org.get_absolute_url(),
                audiences=(PUBLIC,),
            )


register(
    SearchableType(
        kind="organisation",
        model=Organisation,
        indexable=lambda: Organisation.objects.active(),
        to_records=organisation_records,
        label=_("Organisation"),
    )
)


def city_labels(slugs: Iterable[str]) -> dict[str, str]:
    return {org.slug: org.name for org in Organisation.objects.filter(slug__in=slugs)}


register_facet_labels("city", city_labels)
register_facet_labels("country", lambda codes: {code: str(countries.name(code)) for code in codes})


def organisation_concepts() -> Iterator[ConceptSeed]:
    """Every member by its Korean and English name, so a name in either script finds the
    other language's documents about it."""
    for org in Organisation.objects.active().only("slug", "name_ko", "name_en"):
        yield ConceptSeed(key=f"organisation:{org.slug}", label_ko=org.name_ko,
                          label_en=org.name_en, alt_ko=_short(org.name_ko, KOREAN_CITY_WORDS),
                          alt_en=_short(org.name_en, ENGLISH_CITY_WORDS))


# How a city's formal name is shortened in running text: 대구광역시 → 대구, City of Phoenix →
# Phoenix, Daegu Metropolitan City → Daegu.
KOREAN_CITY_WORDS = re.compile(r"(특별자치시|특별자치도|광역시|특별시|시)$")
ENGLISH_CITY_WORDS = re.compile(
    r"^(City and County of|City of|State of)\s+|\s+(Metropolitan City|Metropolitan Government|"
    r"City Government|City Council|Metropolitan|City)$")


def _short(name: str, formal_words: re.Pattern) -> tuple[str, ...]:
    short = formal_words.sub("", name).strip(" ,")
    return (short,) if short and short != name and len(short) >= 2 else ()


register_concepts(organisation_concepts)
