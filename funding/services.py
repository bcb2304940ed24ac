"""Operations on bids. Each one checks the permission rules, changes the database, writes
a line to the bid's activity feed and, where someone should know, sends an e-mail."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from indicators.models import Indicator
from members import notify
from members.models import Membership, MembershipStatus, Organisation, User
from members.permissions import MemberAction, require
from solutions_catalog.models import CaseStudyPage

from .models import (
    ActivityKind,
    Bid,
    BidActivity,
    BidComment,
    BidDocument,
    BidDocumentVersion,
    BidPartner,
    BidStatus,
    BidTask,
    BidTransition,
    FundingOpportunity,
    LeadShare,
    OpportunityStatus,
    PartnerRole,
)
from .permissions import FundingAction
from .workflow import Transition, transition


@dataclass(frozen=True)
class Move:
    """A proposed status change, as members.permissions weighs it (FundingAction.MOVE_BID)."""

    bid: Bid
    transition: Transition

    @property
    def roles(self) -> frozenset[str]:
        return self.transition.roles


def team_people(bid: Bid) -> QuerySet[User]:
    """Everyone on the bid team: the people of the lead and partner organisations."""
    return User.objects.filter(memberships__in=Membership.objects.current().filter(
        organisation_id__in=bid.team_organisation_ids())).distinct()


def _record(bid: Bid, actor: User | None, kind: str, subject: str = "",
            status: str = "") -> None:
    BidActivity.objects.create(bid=bid, actor=actor, kind=kind, subject=subject[:300],
                               status=status)


def _tell(users, template: str, context: dict) -> None:
    for person in users:
        notify.tell(person, notify.BID_ACTIVITY, f"funding/email/{template}", context,
                    url=context["bid"].get_absolute_url())


@transaction.atomic
def start_bid(user: User, opportunity: FundingOpportunity, lead: Organisation, *, title: str,
              summary: str = "", requested_amount: Decimal | None = None,
              case_studies: list[CaseStudyPage] | tuple = ()) -> Bid:
    require(user, FundingAction.START_BID, lead)
    if opportunity.is_members_only:
        require(user, MemberAction.READ_MEMBERS_ONLY, opportunity)
    if opportunity.status == OpportunityStatus.CLOSED:
        raise ValidationError(_("This opportunity is closed to new bids."))
    if requested_amount is not None and opportunity.max_award is not None \
            and requested_amount > opportunity.max_award:
        raise ValidationError(_("The amount requested is above this programme's largest "
                                "award."))
    bid = Bid.objects.create(opportunity=opportunity, lead=lead, title=title, summary=summary,
                             requested_amount=requested_amount, created_by=user)
    bid.case_studies.set(case_studies)
    _record(bid, user, ActivityKind.CREATED, title, BidStatus.IDEA)
    return bid


@transaction.atomic
def move_bid(bid: Bid, user: User, target: str, *, note: str = "",
             awarded_amount: Decimal | None = None, awarded_on: datetime.date | None = None,
             submitted_on: datetime.date | None = None) -> Bid:
    """Move ``bid`` to ``target`` if the workflow allows it and ``user`` may; the move is
    recorded and the team told. A submission may be recorded after the day it was sent
    (``submitted_on``, today by default)."""
    bid = Bid.objects.select_for_update().select_related("opportunity").get(pk=bid.pk)
    step = transition(bid.status, target)
    if step is None:
        raise ValidationError(_("A bid cannot go from “%(source)s” to “%(target)s”.") % {
            "source": bid.get_status_display(),
            "target": BidStatus(target).label if target in BidStatus.values else target})
    require(user, FundingAction.MOVE_BID, Move(bid, step))
    if target == BidStatus.AWARDED:
        if awarded_amount is None or awarded_on is None:
            raise ValidationError(_("An award needs the amount and the date."))
        if awarded_amount < 0:
            raise ValidationError(_("An amount cannot be negative."))
        if awarded_on > timezone.localdate():
            raise ValidationError(_("An award cannot be dated in the future."))
        if bid.submitted_on and awarded_on < bid.submitted_on:
            raise ValidationError(_("An award cannot come before the bid was submitted."))
        bid.awarded_amount, bid.awarded_on = awarded_amount, awarded_on
    if target == BidStatus.SUBMITTED:
        if submitted_on and submitted_on > timezone.localdate():
            raise ValidationError(_("A bid cannot be submitted in the future."))
        bid.submitted_on = submitted_on or timezone.localdate()
    source, bid.status = bid.status, target
    bid.save()
    BidTransition.objects.create(bid=bid, from_status=source, to_status=target, by=user,
                                 note=note.strip())
    _record(bid, user, ActivityKind.STATUS, note.strip(), target)
    _tell(team_people(bid).exclude(pk=user.pk), "status",
          {"bid": bid, "actor": user, "note": note.strip()})
    return bid


@dataclass(frozen=True)
class Pledge:
    """One organisation's commitment to the match, as the lead records it."""

    match_public: Decimal = Decimal(0)
    match_private: Decimal = Decimal(0)
    match_in_kind: Decimal = Decimal(0)
    match_currency: str = ""  # the programme's


def _open_for_changes(bid: Bid) -> None:
    if bid.is_final:
        raise ValidationError(_("This bid is closed; its team can no longer change."))


@transaction.atomic
def save_partner(bid: Bid, user: User, organisation: Organisation, *,
                 role: str = PartnerRole.CO_APPLICANT, pledge: Pledge | None = None,
                 letter_received: bool = False) -> BidPartner:
    """Add ``organisation`` to the team, or update its role, match and letter."""
    require(user, FundingAction.MANAGE_BID_TEAM, bid)
    if organisation.pk == bid.lead_id:
        raise ValidationError(_("The lead organisation is already on the team."))
    if organisation.membership_status != MembershipStatus.ACTIVE:
        raise ValidationError(_("Only active member organisations can join a bid."))
    _open_for_changes(bid)
    partner, created = BidPartner.objects.update_or_create(
        bid=bid, organisation=organisation,
        defaults={"role": role, "letter_received": letter_received,
                  **vars(pledge or Pledge())})
    if created:
        _record(bid, user, ActivityKind.PARTNER, str(organisation))
    return partner


@transaction.atomic
def save_lead_share(bid: Bid, user: User, pledge: Pledge) -> LeadShare:
    """Record what the lead organisation itself puts into the match."""
    require(user, FundingAction.RECORD_MATCH, bid)
    _open_for_changes(bid)
    share, _created = LeadShare.objects.update_or_create(bid=bid, defaults=vars(pledge))
    return share


@transaction.atomic
def link_evidence(bid: Bid, user: User, *, case_studies: Iterable[CaseStudyPage],
                  indicators: Iterable[Indicator]) -> Bid:
    """The case studies and the library indicators the bid rests on (the evidence pack's)."""
    require(user, FundingAction.EDIT_BID, bid)
    _open_for_changes(bid)
    bid.case_studies.set(case_studies)
    bid.indicators.set(indicators)
    return bid


@transaction.atomic
def assign_task(bid: Bid, user: User, *, title: str, owner: User | None = None,
                due_on: datetime.date | None = None) -> BidTask:
    require(user, FundingAction.EDIT_BID, bid)
    if owner is not None and not team_people(bid).filter(pk=owner.pk).exists():
        raise ValidationError(_("Tasks go to people on the bid team."))
    task = BidTask.objects.create(bid=bid, title=title, owner=owner, due_on=due_on)
    _record(bid, user, ActivityKind.TASK, title)
    if owner is not None and owner != user:
        _tell([owner], "task", {"bid": bid, "task": task, "actor": user})
    return task


@transaction.atomic
def complete_task(task: BidTask, user: User) -> BidTask:
    require(user, FundingAction.EDIT_BID, task.bid)
    # One of two people pressing "done" at once wins; the other is told.
    if not BidTask.objects.filter(pk=task.pk, done_at__isnull=True).update(
            done_at=timezone.now()):
        raise ValidationError(_("This task was already done."))
    task.refresh_from_db(fields=["done_at"])
    _record(task.bid, user, ActivityKind.TASK_DONE, task.title)
    return task


@transaction.atomic
def add_document_version(bid: Bid, user: User, *, title: str, upload: UploadedFile,
                         note: str = "") -> BidDocumentVersion:
    """A new version of the document called ``title`` (its first, if it is new)."""
    require(user, FundingAction.EDIT_BID, bid)
    document, _created = BidDocument.objects.get_or_create(bid=bid, title=title.strip())
    document = BidDocument.objects.select_for_update().get(pk=document.pk)
    number = (document.versions.aggregate(n=Max("number"))["n"] or 0) + 1
    version = BidDocumentVersion.objects.create(document=document, number=number, file=upload,
                                                size=upload.size, note=note, uploaded_by=user)
    _record(bid, user, ActivityKind.DOCUMENT, f"{document.title} v{number}")
    return version


@transaction.atomic
def comment(bid: Bid, user: User, body: str) -> BidComment:
    require(user, FundingAction.EDIT_BID, bid)
    if not body.strip():
        raise ValidationError(_("Write something first."))
    note = BidComment.objects.create(bid=bid, author=user, body=body.strip())
    _record(bid, user, ActivityKind.COMMENT, body.strip()[:120])
    return note
