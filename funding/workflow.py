"""Where a bid may go next, and who may move it there: the one table of transitions.

Roles on a bid: ``lead`` (people of the lead organisation), ``partner`` (people of a partner
organisation) and ``staff`` (consortium staff). ``members.permissions`` applies the table
(FundingAction.MOVE_BID, in funding.permissions); ``services.move_bid`` records every move.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .models import PREPARING, BidStatus

LEAD, PARTNER, STAFF = "lead", "partner", "staff"


@dataclass(frozen=True)
class Transition:
    source: str
    target: str
    roles: frozenset[str]
    label: str | Promise

    @property
    def key(self) -> str:
        return f"{self.source}>{self.target}"


def _t(source: str, target: str, roles: set[str], label: str | Promise) -> Transition:
    return Transition(source, target, frozenset(roles), label)


S = BidStatus

TRANSITIONS: tuple[Transition, ...] = (
    _t(S.IDEA, S.FORMING, {LEAD, STAFF}, _("Start forming the team")),
    _t(S.FORMING, S.DRAFTING, {LEAD, STAFF}, _("Start drafting")),
    _t(S.DRAFTING, S.FORMING, {LEAD, STAFF}, _("Back to forming the team")),
    # Partners write too, so any of them may ask for the review or send it back.
    _t(S.DRAFTING, S.INTERNAL_REVIEW, {LEAD, PARTNER, STAFF}, _("Send for internal review")),
    _t(S.INTERNAL_REVIEW, S.DRAFTING, {LEAD, PARTNER, STAFF}, _("Back to drafting")),
    # The lead applies to the funder, and so records the submission and the outcome.
    _t(S.INTERNAL_REVIEW, S.SUBMITTED, {LEAD, STAFF}, _("Mark as submitted")),
    _t(S.SUBMITTED, S.AWARDED, {LEAD, STAFF}, _("Record the award")),
    _t(S.SUBMITTED, S.NOT_AWARDED, {LEAD, STAFF}, _("Record that it was not awarded")),
    *(_t(source, S.WITHDRAWN, {LEAD, STAFF}, _("Withdraw"))
      for source in (*PREPARING, S.SUBMITTED)),
)
BY_KEY = {t.key: t for t in TRANSITIONS}


def transition(source: str, target: str) -> Transition | None:
    return BY_KEY.get(f"{source}>{target}")


def transitions_from(source: str) -> list[Transition]:
    return [t for t in TRANSITIONS if t.source == source]
