"""What members publishes to peer nodes: active member organisations' public profiles. Never
their contact e-mail or phone, nor anyone's name."""

import datetime

from federation.iris import item_iri
from federation.items import human_urls, item, language_map
from federation.registry import PublishedType, register

from .models import Organisation


def organisation_item(rows: list[Organisation]) -> dict:
    org = rows[0]
    changed = org.status_changed_on or org.member_since
    return item(item_iri("organisation", str(org.pk)), "schema:Organization", {
        "name": language_map(org, "name"),
        "description": language_map(org, "description"),
        "url": human_urls(org.get_absolute_url),
        "addressCountry": org.country.code,
        "scc:organisationKind": org.kind,
        "scc:consortium": (item_iri("organisation", str(org.consortium_id))
                           if org.consortium_id else None),
        # An organisation keeps no edit time: the last change of its membership stands in.
        "dateModified": (datetime.datetime.combine(changed, datetime.time(), datetime.UTC)
                         .isoformat() if changed else None),
    })


register(PublishedType(
    kind="organisation", type="schema:Organization", model=Organisation,
    public=lambda: Organisation.objects.active(),
    to_item=organisation_item,
))
