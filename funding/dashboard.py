"""The members' funding dashboard and its CSV export, over the bids the viewer may see
(``Bid.objects.visible_to``). The figures come from ``funding.figures``; this module only
checks who may look and lays the figures out as bar charts (server-side SVG)."""

import csv
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.defaultfilters import floatformat
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from common.exports import csv_safe
from members.permissions import viewer

from . import figures
from .models import Bid, BidPartner, FundingOpportunity

DEADLINES = 10  # upcoming opportunities listed
CSV_COLUMNS = ["title", "opportunity", "lead", "partners", "status", "currency", "requested",
               "awarded", "submitted_on", "awarded_on"]


def members_and_staff(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Visitors are sent to sign in; signed-in people outside any active member
    organisation are refused with the reason."""

    @wraps(view)
    def guarded(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        v = viewer(request.user)
        if not v.authenticated:
            return redirect_to_login(request.get_full_path())
        if not (v.member or v.staff):
            raise PermissionDenied(_("The funding dashboard is for people of member "
                                     "organisations and consortium staff."))
        return view(request, *args, **kwargs)

    return guarded


@members_and_staff
def dashboard(request: HttpRequest) -> HttpResponse:
    bids = Bid.objects.visible_to(request.user)
    statuses = figures.pipeline(bids)
    cities = figures.funding_mix(bids)
    together = figures.all_cities(cities)
    return render(request, "funding/dashboard.html", {
        "everyone": viewer(request.user).staff,
        "pipeline": statuses,
        "pipeline_chart": pipeline_chart(statuses),
        "success": figures.success_rate(statuses),
        "years": [(currency, year_chart(currency)) for currency in figures.by_year(bids)],
        "deadlines": (FundingOpportunity.objects.visible_to(request.user)
                      .upcoming_deadlines()[:DEADLINES]),
        "tasks": figures.open_tasks(request.user, bids),
        "today": timezone.localdate(),
        "cities": cities,
        "all_cities": together,
        "mix_chart": mix_chart(cities, together),
        "reported": [(figures.MIX_LABELS[kind], figures.REPORTED_MIX[kind])
                     for kind in figures.MIX],
        "report_label": figures.REPORT_LABEL,
    })


@members_and_staff
def bids_csv(request: HttpRequest) -> HttpResponse:
    """One row per visible bid. Keys and statuses are the stable slugs; names follow the
    reader's language."""
    bids = (Bid.objects.visible_to(request.user).select_related("opportunity", "lead")
            .prefetch_related(Prefetch("partners",
                                       BidPartner.objects.select_related("organisation")))
            .order_by("title", "pk"))
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="bids.csv"'
    response.write("\ufeff")  # so spreadsheet apps read the Korean correctly
    writer = csv.writer(response)
    writer.writerow(CSV_COLUMNS)
    for bid in bids:
        writer.writerow([csv_safe(value) for value in (
            bid.title, bid.opportunity.programme, bid.lead.name,
            "; ".join(partner.organisation.name for partner in bid.partners.all()),
            bid.status, bid.currency, bid.requested_amount, bid.awarded_amount,
            bid.submitted_on and bid.submitted_on.isoformat(),
            bid.awarded_on and bid.awarded_on.isoformat())])
    return response


# --- Chart geometry, in SVG user units ------------------------------------------------------
# Each row's label is written above its bar, across the whole width, so that a long name
# ("Seoul Metropolitan Government") is never cut off; the narrow width keeps the text
# readable when a phone scales the chart down to 320 px.
WIDTH = 400
PLOT_WIDTH = 270  # room is left after the longest bar for its value
BAR, GAP, TOP = 18, 10, 30  # TOP: the legend's band
LABEL = 18  # the label's line above each bar
LEGEND_STEP = 130
INSIDE_MIN = 52  # narrower segments of a stacked bar leave their value to the table


@dataclass(frozen=True)
class Bar:
    css: str
    x: float
    y: float
    width: float
    text: str
    text_x: float
    placement: str  # where the value is written: "after" the bar, "on" it, or "" not at all

    @property
    def text_y(self) -> float:
        return self.y + BAR / 2 + 4


@dataclass(frozen=True)
class Row:
    label: str
    label_y: float
    bars: list[Bar]
    css: str = ""


@dataclass(frozen=True)
class Key:
    css: str
    label: str
    x: float

    @property
    def text_x(self) -> float:
        return self.x + 18


@dataclass(frozen=True)
class Chart:
    rows: list[Row]
    legend: list[Key]
    height: float
    width: int = WIDTH
    bar: int = BAR


def _legend(keys: list[tuple[str, str]]) -> list[Key]:
    return [Key(css, label, i * LEGEND_STEP) for i, (css, label) in enumerate(keys)]


def _grouped(rows: list[tuple[str, list[tuple[str, Decimal | int, str]]]],
             legend: list[tuple[str, str]] | None = None) -> Chart:
    """Rows of bars (css class, value, value as text) drawn one under the other, on one
    scale; the value is written after each bar."""
    top = TOP if legend else 0
    largest = max((value for _label, bars in rows for _css, value, _text in bars),
                  default=0) or 1
    laid, y = [], top
    for label, bars in rows:
        row_bars = []
        for i, (css, value, text) in enumerate(bars):
            width = round(float(value) / float(largest) * PLOT_WIDTH, 1)
            row_bars.append(Bar(css, 0, y + LABEL + i * BAR, width, text,
                                round(width + 6, 1), "after"))
        laid.append(Row(label, y + LABEL - 5, row_bars))
        y += LABEL + len(bars) * BAR + GAP
    return Chart(laid, _legend(legend or []), max(y, top + BAR))


def _stacked(rows: list[tuple[str, list[tuple[str, float, str]], str]],
             legend: list[tuple[str, str]]) -> Chart:
    """One bar per row (label, shares, css class of the row) divided into shares (css class,
    fraction of the row, as text) across the whole width, each share's value written on it
    when it fits."""
    laid, y = [], TOP
    for label, shares, row_css in rows:
        done, row_bars = 0.0, []
        for css, fraction, text in shares:
            x, width = done * WIDTH, fraction * WIDTH
            if width:
                row_bars.append(Bar(css, round(x, 1), y + LABEL, round(width, 1), text,
                                    round(x + width / 2, 1),
                                    "on" if width >= INSIDE_MIN else ""))
            done += fraction
        laid.append(Row(label, y + LABEL - 5, row_bars, row_css))
        y += LABEL + BAR + GAP
    return Chart(laid, _legend(legend), max(y, TOP + BAR))


def _amount(value: Decimal) -> str:
    return floatformat(value, "-2g")


def _percent(value: Decimal | None) -> str:
    return _("%(percent)s %%") % {"percent": floatformat(value, 1)}


def pipeline_chart(statuses: list[figures.StatusFigure]) -> Chart:
    return _grouped([(f.label, [("bar-count", f.count, floatformat(f.count, "g"))])
                     for f in statuses])


def year_chart(currency: figures.CurrencyYears) -> Chart:
    return _grouped(
        [(str(f.year), [("bar-requested", f.requested, _amount(f.requested)),
                        ("bar-awarded", f.awarded, _amount(f.awarded))])
         for f in currency.years],
        legend=[("bar-requested", pgettext("amount", "Requested")),
                ("bar-awarded", pgettext("amount", "Awarded"))])


def mix_chart(cities: list[figures.CityMix], together: figures.CityMix) -> Chart:
    """A row per city, one for all of them, and the 2022 report's mix beside them."""
    return _stacked(
        [*[(mix.city.name if mix.city else _("All cities"),
            [(f"bar-{s.kind}", s.count / mix.total, _percent(s.percent)) for s in mix.shares],
            "" if mix.city else "all-cities")
           for mix in [*cities, together] if mix.total],
         (str(figures.REPORT_LABEL),
          [(f"bar-{kind}", float(share) / 100, _percent(share))
           for kind, share in figures.REPORTED_MIX.items()], "reference")],
        legend=[(f"bar-{kind}", str(label)) for kind, label in figures.MIX_LABELS.items()])
