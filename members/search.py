"""How organisations appear in search: the public profile, in both languages."""

from collections.abc import Iterable, Iterator

from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from search.registry import (
    PUBLIC,
    SearchableType,
    SearchRecord,
    language_codes,
    register,
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
