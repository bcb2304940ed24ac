"""Funding as members meet it: opportunities (public, or members-only), and the bid room
that only the bid team and staff can enter. Every change goes through funding.services."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch, QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from common.facets import apply_facets, paginate
from common.listings import read_listing, relevance, with_keyword
from common.messages import flash_errors
from members.models import Organisation
from members.permissions import MemberAction, check, require, viewer

from . import services
from .evidence_pack import LANGUAGES, render_evidence_pack
from .forms import (
    BidForm,
    CommentForm,
    DocumentForm,
    EvidenceForm,
    LeadShareForm,
    MoveForm,
    PartnerForm,
    TaskForm,
)
from .listing import FACETS, KEYWORD_FIELDS, ORDER, PAGE_SIZE, SORTS, STATUS_ORDER, TITLES
from .match import MatchLine, bid_match
from .models import Bid, BidDocument, BidDocumentVersion, BidTask, FundingOpportunity
from .permissions import FundingAction
from .workflow import transitions_from


def opportunity_list(request: HttpRequest) -> HttpResponse:
    asked = read_listing(request.GET, SORTS)
    base = with_keyword(FundingOpportunity.objects.visible_to(request.user), asked,
                        KEYWORD_FIELDS)
    result = apply_facets(base, FACETS, request.GET)
    listing = (result.queryset.prefetch_related("themes")
               .annotate(open_first=STATUS_ORDER, relevance=relevance(asked, TITLES))
               .order_by(*ORDER[asked.sort]))
    return render(request, "funding/opportunity_list.html", {
        "opportunities": paginate(result, listing, request.GET, PAGE_SIZE, asked),
    })


def _visible_opportunity(request: HttpRequest, slug: str) -> FundingOpportunity:
    opportunity = get_object_or_404(FundingOpportunity, slug=slug)
    if (opportunity.is_members_only and not check(request.user, MemberAction.READ_MEMBERS_ONLY)
            and not Bid.objects.visible_to(request.user).filter(opportunity=opportunity)
            .exists()):
        raise Http404  # announced to members and to the teams bidding for it only
    return opportunity


def opportunity_detail(request: HttpRequest, slug: str) -> HttpResponse:
    opportunity = _visible_opportunity(request, slug)
    return render(request, "funding/opportunity_detail.html", {
        "opportunity": opportunity,
        "themes": opportunity.themes.all(),
        "bids": Bid.objects.visible_to(request.user).filter(opportunity=opportunity)
        .select_related("lead"),
        "may_bid": _leads(request.user).exists(),
    })


def _leads(user) -> QuerySet[Organisation]:
    """The organisations ``user`` may start a bid for."""
    candidates = (Organisation.objects.active() if viewer(user).staff
                  else Organisation.objects.filter(pk__in=viewer(user).memberships))
    return candidates.filter(
        pk__in=[o.pk for o in candidates if check(user, FundingAction.START_BID, o)])


@login_required
def start_bid(request: HttpRequest, slug: str) -> HttpResponse:
    opportunity = _visible_opportunity(request, slug)
    leads = _leads(request.user)
    if not leads.exists():
        require(request.user, FundingAction.START_BID, None)  # refuses, with the reason
    form = BidForm(request.POST or None, leads=leads)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            bid = services.start_bid(
                request.user, opportunity, data["lead"], title=data["title"],
                summary=data["summary"], requested_amount=data["requested_amount"],
                case_studies=data["case_studies"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your bid is started. Add partners and tasks next."))
            return redirect(bid)
    return render(request, "funding/bid_form.html", {"form": form, "opportunity": opportunity},
                  status=400 if form.errors else 200)


@login_required
def bid_list(request: HttpRequest) -> HttpResponse:
    bids = (Bid.objects.visible_to(request.user)
            .select_related("opportunity", "lead").prefetch_related("partners__organisation"))
    return render(request, "funding/bid_list.html", {"bids": bids})


def _bid_for(request: HttpRequest, pk: int, action: FundingAction = FundingAction.VIEW_BID) -> Bid:
    """The bid, if ``request.user`` is on its team (or staff). For anyone else it does not
    exist: a refusal would tell outsiders which bids there are."""
    bid = get_object_or_404(Bid.objects.select_related("opportunity", "lead"), pk=pk)
    if not check(request.user, action, bid):
        raise Http404
    return bid


@login_required
def bid_detail(request: HttpRequest, pk: int) -> HttpResponse:
    bid = _bid_for(request, pk)
    people = services.team_people(bid)
    moves = [t for t in transitions_from(bid.status)
             if check(request.user, FundingAction.MOVE_BID, services.Move(bid, t))]
    partners = list(bid.partners.select_related("organisation"))
    match = bid_match(bid, partners)
    return render(request, "funding/bid_detail.html", {
        "bid": bid,
        "partners": partners,
        "match": match,
        "records_match": check(request.user, FundingAction.RECORD_MATCH, bid).allowed,
        "lead_form": LeadShareForm(prefix="lead", initial=_pledge_initial(match.lines[0])),
        "case_studies": bid.case_studies.all(),
        "indicators": bid.indicators.order_by("code"),
        "evidence_form": EvidenceForm(instance=bid, prefix="evidence"),
        "tasks": bid.tasks.select_related("owner"),
        "documents": bid.documents.prefetch_related(Prefetch(
            "versions", queryset=BidDocumentVersion.objects.select_related("uploaded_by"))),
        "comments": bid.comments.select_related("author"),
        "activity": bid.activity.select_related("actor")[:50],
        "moves": moves,
        "manages_team": check(request.user, FundingAction.MANAGE_BID_TEAM, bid).allowed,
        "partner_form": PartnerForm(bid=bid, prefix="partner"),
        "task_form": TaskForm(people=people, prefix="task"),
        "document_form": DocumentForm(prefix="document"),
        "comment_form": CommentForm(prefix="comment"),
    })


def _pledge_initial(line: MatchLine) -> dict:
    return {"match_public": line.public, "match_private": line.private,
            "match_in_kind": line.in_kind, "match_currency": line.currency}


def _post(handler):
    """A bid-room form: the team only, POST only; refused input comes back as messages on
    the bid's page and changes nothing."""

    @login_required
    @require_POST
    def view(request: HttpRequest, pk: int, **kwargs) -> HttpResponse:
        bid = _bid_for(request, pk, FundingAction.EDIT_BID)
        try:
            done = handler(request, bid, **kwargs)
        except ValidationError as error:
            flash_errors(request, error.messages)
        else:
            if done:
                messages.success(request, done)
        return redirect(bid)

    view.__name__ = handler.__name__
    return view


def _valid(form) -> dict:
    """The form's data, or every error named by its field (the forms sit in one page)."""
    if not form.is_valid():
        raise ValidationError([
            f"{form.fields[name].label}: {error}" if name in form.fields else error
            for name, errors in form.errors.items() for error in errors])
    return form.cleaned_data


@_post
def move(request: HttpRequest, bid: Bid) -> str:
    data = _valid(MoveForm(request.POST))
    bid = services.move_bid(bid, request.user, data["target"], note=data["note"],
                            awarded_amount=data["awarded_amount"],
                            awarded_on=data["awarded_on"], submitted_on=data["submitted_on"])
    return _("The bid is now “%(status)s”.") % {"status": bid.get_status_display()}


@_post
def partner(request: HttpRequest, bid: Bid) -> str:
    form = PartnerForm(request.POST, bid=bid, prefix="partner")
    data = _valid(form)
    saved = services.save_partner(bid, request.user, data["organisation"], role=data["role"],
                                  pledge=form.pledge(),
                                  letter_received=data["letter_received"])
    return _("%(organisation)s is on the team.") % {"organisation": saved.organisation}


@_post
def lead_share(request: HttpRequest, bid: Bid) -> str:
    form = LeadShareForm(request.POST, prefix="lead")
    _valid(form)
    services.save_lead_share(bid, request.user, form.pledge())
    return _("The lead organisation's share is recorded.")


@_post
def evidence(request: HttpRequest, bid: Bid) -> str:
    data = _valid(EvidenceForm(request.POST, instance=bid, prefix="evidence"))
    services.link_evidence(bid, request.user, case_studies=data["case_studies"],
                           indicators=data["indicators"])
    return _("The evidence the bid rests on is saved.")


@_post
def task(request: HttpRequest, bid: Bid) -> str:
    data = _valid(TaskForm(request.POST, people=services.team_people(bid), prefix="task"))
    services.assign_task(bid, request.user, **data)
    return _("Task added.")


@_post
def task_done(request: HttpRequest, bid: Bid, task: int) -> str:
    services.complete_task(get_object_or_404(BidTask, pk=task, bid=bid), request.user)
    return _("Task done.")


@_post
def document(request: HttpRequest, bid: Bid) -> str:
    data = _valid(DocumentForm(request.POST, request.FILES, prefix="document"))
    version = services.add_document_version(bid, request.user, title=data["title"],
                                            upload=data["file"], note=data["note"])
    return _("Version %(number)d of “%(title)s” uploaded.") % {
        "number": version.number, "title": version.document.title}


@_post
def comment(request: HttpRequest, bid: Bid) -> str:
    services.comment(bid, request.user, _valid(CommentForm(request.POST, prefix="comment"))["body"])
    return ""


@login_required
def evidence_pack(request: HttpRequest, pk: int, language: str) -> HttpResponse:
    bid = _bid_for(request, pk, FundingAction.EVIDENCE_PACK)
    if language not in LANGUAGES:
        raise Http404
    response = HttpResponse(render_evidence_pack(bid, request.user, language),
                            content_type="application/pdf")
    response["Content-Disposition"] = (
        f'inline; filename="evidence-pack-{bid.pk}-{language}.pdf"')
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def download(request: HttpRequest, pk: int, version: int) -> FileResponse:
    bid = _bid_for(request, pk)
    found = get_object_or_404(BidDocumentVersion.objects.select_related("document"),
                              pk=version, document__in=BidDocument.objects.filter(bid=bid))
    try:
        stream = found.file.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    response = FileResponse(stream, as_attachment=True, filename=found.filename)
    response["Cache-Control"] = "private, no-store"
    return response
