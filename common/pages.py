"""What a page's template shows beyond its own fields comes from functions registered for its
type, not from the page model's ``get_context``. A page model then imports none of the
modules that query for it (they import the model), and another app can add to a page without
the page's app knowing it: events adds "presented at meetings" to case studies.

Each app registers in its ``pages.py``, imported by its ``AppConfig.ready()``::

    @adds_context(CaseStudyPage)
    def lineage(page, request) -> dict: ...
"""

from collections import defaultdict
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest

ContextPart = Callable[[Any, HttpRequest], dict]
_parts: dict[type, list[ContextPart]] = defaultdict(list)


def adds_context(*page_types: type) -> Callable[[ContextPart], ContextPart]:
    def register(part: ContextPart) -> ContextPart:
        for page_type in page_types:
            if part not in _parts[page_type]:
                _parts[page_type].append(part)
        return part

    return register


class RegisteredContext:
    """Mixed into a page model before ``Page``: its context is Wagtail's plus every part
    registered for its type, in the order registered."""

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict:
        context = super().get_context(request, *args, **kwargs)
        for part in _parts[type(self)]:
            context.update(part(self, request))
        return context
