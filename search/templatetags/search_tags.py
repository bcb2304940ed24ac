from django import template

from search.registry import facet_labels

register = template.Library()


@register.filter
def kind_label(kind: str) -> str:
    """What a document kind is called in the active language ("Case study", "사례")."""
    return facet_labels("kind", [kind]).get(kind, kind)


@register.filter
def facet_label(value: str, facet: str) -> str:
    """A facet value's name in the active language (a theme's, a peer node's), cached."""
    return facet_labels(facet, [value]).get(value, value) if value else ""
