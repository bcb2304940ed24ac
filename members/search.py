"""How organisations appear in search: the public profile, in both languages."""

from collections.abc import Iterator

from django.utils import translation

from search.registry import PUBLIC, SearchableType, SearchRecord, register

from .models import Organisation


def organisation_records(org: Organisation) -> Iterator[SearchRecord]:
    for language in ("ko", "en"):
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
        text_fields=("name_ko", "name_en", "description_ko", "description_en"),
    )
)
