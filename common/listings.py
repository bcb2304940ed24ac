"""What every listing reads besides its filters: a keyword and a sort order. What cannot be
used is left out with a message, and the listing is shown anyway."""

from dataclasses import dataclass, field
from functools import reduce
from operator import add, and_, or_

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.http import QueryDict
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

MAX_KEYWORD_LENGTH = 200  # the search page's limit too
MAX_KEYWORD_WORDS = 10


@dataclass(frozen=True)
class Sort:
    value: str
    label: str | Promise
    needs_keyword: bool = False


NEWEST = Sort("newest", gettext_lazy("Newest"))
RELEVANCE = Sort("relevance", gettext_lazy("Relevance"), needs_keyword=True)


@dataclass
class ListingQuery:
    """The keyword and sort order a listing was asked for, as it can use them."""

    keyword: str
    sort: str
    sorts: list[Sort]  # those offered: relevance only once there is a keyword
    errors: list[str] = field(default_factory=list)

    @property
    def words(self) -> list[str]:
        return list(dict.fromkeys(self.keyword.lower().split()))[:MAX_KEYWORD_WORDS]


def clean_text(value: str) -> str:
    """Typed text as queries take it: no control characters (a NUL breaks PostgreSQL's LIKE),
    single spaces."""
    return " ".join("".join(c if c.isprintable() else " " for c in value).split())


def read_listing(params: QueryDict, sorts: list[Sort]) -> ListingQuery:
    """``sorts[0]`` is the default; relevance, when offered, is the default with a keyword."""
    errors: list[str] = []
    keyword = clean_text(params.get("q", ""))
    if len(keyword) > MAX_KEYWORD_LENGTH:
        keyword = keyword[:MAX_KEYWORD_LENGTH].strip()
        errors.append(_("Search text is limited to %(n)d characters; the rest was left out.")
                      % {"n": MAX_KEYWORD_LENGTH})
    if len(set(keyword.lower().split())) > MAX_KEYWORD_WORDS:
        errors.append(_("Only the first %(n)d words are looked for.") % {"n": MAX_KEYWORD_WORDS})
    offered = [s for s in sorts if keyword or not s.needs_keyword]
    default = next((s for s in offered if s.needs_keyword), offered[0])
    asked = params.get("sort", "").strip()
    known = {s.value for s in sorts}
    if asked and asked not in known:
        errors.append(_("Unknown sort order; the listing is in its usual order (%(default)s).")
                      % {"default": default.label})
    sort = asked if asked in {s.value for s in offered} else default.value
    return ListingQuery(keyword, sort, offered, errors)


def with_keyword(queryset: QuerySet, query: ListingQuery, fields: list[str]) -> QuerySet:
    """Rows where every word of the keyword is in one of ``fields`` (any case)."""
    if not query.words:
        return queryset
    return queryset.filter(reduce(and_, (
        reduce(or_, (Q(**{f"{name}__icontains": word}) for name in fields))
        for word in query.words)))


def relevance(query: ListingQuery, fields: list[str]) -> Case | Value:
    """How many words of the keyword ``fields`` (a listing's titles) hold: order by it
    descending for "relevance"."""
    if not query.words:
        return Value(0)
    return reduce(add, (Case(When(reduce(or_, (Q(**{f"{name}__icontains": word})
                                               for name in fields)), then=1),
                             default=0, output_field=IntegerField())
                        for word in query.words))

