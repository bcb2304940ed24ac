"""The members' funding dashboard: its figures against SQL written independently of the ORM
code, who sees which bids, the CSV export, and a query count that does not grow with bids."""

import csv
import datetime
import io
import zoneinfo
from collections import defaultdict
from decimal import Decimal

import pytest
from django.db import connection
from django.template.defaultfilters import date as date_filter
from django.utils import timezone, translation

from funding.figures import MIX
from funding.models import BidPartner, BidStatus, BidTask
from tests.factories import BidFactory, OpportunityFactory, OrganisationFactory, UserFactory

URL, CSV_URL = "/funding/dashboard/", "/funding/dashboard/bids.csv"
YEARS = range(2022, 2027)
D = datetime.date


@pytest.fixture
def portfolio(network):
    """Twelve bids over every status, three currencies, four years and four teams. Daegu's
    officer is on the team of nine of them; "Bucheon only", "Bucheon 2023" and the
    vendor-led one are not Daegu's."""
    suwon = OrganisationFactory(slug="suwon", name_en="Suwon", name_ko="수원")
    krw, usd = OpportunityFactory(currency="KRW"), OpportunityFactory(currency="USD")
    eur = OpportunityFactory(currency="EUR")
    daegu, bucheon, hanbit = network.daegu, network.bucheon, network.hanbit

    def bid(title, lead, opportunity, status, requested, submitted=None, awarded=None,
            partners=()):
        made = BidFactory(title=title, lead=lead, opportunity=opportunity, status=status,
                          requested_amount=requested, submitted_on=submitted,
                          awarded_amount=awarded and awarded[0],
                          awarded_on=awarded and awarded[1])
        for organisation, public, private in partners:
            BidPartner.objects.create(bid=made, organisation=organisation,
                                      match_public=public, match_private=private)
        return made

    S = BidStatus
    return {
        "idea": bid("Daegu idea", daegu, krw, S.IDEA, None),
        # two partners: a sum over the partner join would count this bid twice
        "forming": bid("Daegu forming", daegu, krw, S.FORMING, 300_000_000,
                       partners=[(bucheon, 50_000_000, 0), (hanbit, 0, 20_000_000)]),
        "formula": bid('=HYPERLINK("http://evil.example")', daegu, krw, S.INTERNAL_REVIEW,
                       10_000_000),
        "submitted": bid("Daegu submitted", daegu, krw, S.SUBMITTED, 500_000_000,
                         D(2024, 3, 10), partners=[(hanbit, 0, 10_000_000)]),
        # submitted in 2023, awarded in 2024
        "awarded_usd": bid("Daegu awarded", daegu, usd, S.AWARDED, Decimal("2000000.50"),
                           D(2023, 11, 20), (Decimal("1500000.25"), D(2024, 2, 1)),
                           partners=[(bucheon, 100_000, 0)]),
        "not_awarded": bid("Daegu not awarded", daegu, krw, S.NOT_AWARDED, 400_000_000,
                           D(2024, 5, 1)),
        "withdrawn": bid("Daegu withdrawn", daegu, krw, S.WITHDRAWN, 100_000_000,
                         D(2024, 6, 1), partners=[(hanbit, 0, 1)]),
        "bucheon_awarded": bid("Bucheon awarded", bucheon, krw, S.AWARDED, 800_000_000,
                               D(2024, 1, 15), (700_000_000, D(2024, 7, 1)),
                               partners=[(daegu, 0, 0)]),
        "bucheon_only": bid("Bucheon only", bucheon, usd, S.SUBMITTED, 3_000_000,
                            D(2025, 2, 2), partners=[(hanbit, 0, 5)]),
        "bucheon_2023": bid("Bucheon 2023", bucheon, krw, S.NOT_AWARDED, 250_000_000,
                            D(2023, 9, 9)),
        "vendor_led": bid("Hanbit-led", hanbit, krw, S.DRAFTING, 50_000_000),
        "suwon_eur": bid("Suwon awarded", suwon, eur, S.AWARDED, 900_000, D(2025, 1, 10),
                         (850_000, D(2025, 6, 30)), partners=[(daegu, 1, 1)]),
    }


@pytest.fixture
def case_studies(network, portfolio, settings):
    """Live case studies with a funding model: Daegu's data hub in two languages (one case
    study), plus drafts, one without a model and one with a model outside the three."""
    from portal import demo
    from solutions_catalog.models import CaseStudyPage, CatalogueIndexPage, FundingModel

    home_ko, home_en = demo.seed()
    models = {slug: FundingModel.objects.create(slug=slug, name_ko=slug, name_en=slug)
              for slug in (*MIX, "philanthropy")}
    index_ko = home_ko.add_child(instance=CatalogueIndexPage(title="사례", slug="catalogue",
                                                             locale=home_ko.locale))
    index_en = home_en.add_child(instance=CatalogueIndexPage(title="Cases", slug="catalogue",
                                                             locale=home_en.locale))
    suwon = portfolio["suwon_eur"].lead

    def page(slug, city, model, live=True, index=index_ko, translation_of=None):
        made = CaseStudyPage(title=slug, slug=slug, city=city, summary="s",
                             problem="<p>p</p>", approach="<p>a</p>", locale=index.locale,
                             funding_model=model and models[model], live=live)
        if translation_of is not None:
            made.translation_key = translation_of.translation_key
        return index.add_child(instance=made)

    hub = page("daegu-hub", network.daegu, "public")
    page("daegu-hub", network.daegu, "public", index=index_en, translation_of=hub)
    page("daegu-lights", network.daegu, "public")
    page("daegu-parking", network.daegu, "private")
    page("daegu-untagged", network.daegu, None)
    page("bucheon-ppp", network.bucheon, "public-private")
    page("suwon-bikes", suwon, "private")
    page("suwon-draft", suwon, "public", live=False)
    page("suwon-gift", suwon, "philanthropy")


# --- the same figures in plain SQL --------------------------------------------------------
def visible(org_id: int | None) -> tuple[str, list]:
    """The bids ``b`` whose team includes ``org_id`` (every bid for None: staff)."""
    if org_id is None:
        return "1 = 1", []
    return ("(b.lead_id = %s OR EXISTS (SELECT 1 FROM funding_bidpartner p "
            "WHERE p.bid_id = b.id AND p.organisation_id = %s))", [org_id, org_id])


def rows(sql: str, params: list) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def money(value) -> Decimal:
    return Decimal(str(value))  # SQLite hands back int or float, PostgreSQL Decimal


def sql_pipeline(org_id):
    where, params = visible(org_id)
    counts, requested = defaultdict(int), defaultdict(dict)
    for status, currency, count, amount in rows(
            "SELECT b.status, o.currency, COUNT(*), SUM(b.requested_amount) FROM funding_bid b "
            "JOIN funding_fundingopportunity o ON o.id = b.opportunity_id "
            f"WHERE {where} GROUP BY b.status, o.currency", params):
        counts[status] += count
        if amount is not None:
            requested[status][currency] = money(amount)
    return counts, requested


def sql_year(org_id, status_sql: str, date_column: str, amount_column: str, year: int):
    where, params = visible(org_id)
    return {currency: (count, money(amount)) for currency, count, amount in rows(
        f"SELECT o.currency, COUNT(*), COALESCE(SUM(b.{amount_column}), 0) FROM funding_bid b "
        "JOIN funding_fundingopportunity o ON o.id = b.opportunity_id "
        f"WHERE {where} AND b.status IN ({status_sql}) "
        f"AND b.{date_column} >= %s AND b.{date_column} < %s GROUP BY o.currency",
        [*params, D(year, 1, 1), D(year + 1, 1, 1)])}


def sql_mix(org_id):
    where, params = visible(org_id)
    mix = defaultdict(lambda: {"case_studies": {}, "bids": {}})
    for city, slug, count in rows(
            "SELECT cs.city_id, fm.slug, COUNT(DISTINCT pg.translation_key) "
            "FROM solutions_catalog_casestudypage cs "
            "JOIN wagtailcore_page pg ON pg.id = cs.page_ptr_id "
            "JOIN solutions_catalog_fundingmodel fm ON fm.id = cs.funding_model_id "
            "WHERE pg.live = %s AND fm.slug IN (%s, %s, %s) GROUP BY cs.city_id, fm.slug",
            [True, *MIX]):
        mix[city]["case_studies"][slug] = count
    for city, kind, count in rows(
            "SELECT lead_id, CASE WHEN pub > 0 AND priv > 0 THEN 'public-private' "
            "WHEN priv > 0 THEN 'private' ELSE 'public' END, COUNT(*) FROM ("
            " SELECT b.id, b.lead_id, COALESCE(SUM(p.match_public), 0) AS pub,"
            " COALESCE(SUM(p.match_private), 0) AS priv FROM funding_bid b"
            " JOIN members_organisation org ON org.id = b.lead_id"
            " LEFT JOIN funding_bidpartner p ON p.bid_id = b.id"
            f" WHERE org.kind = 'city' AND b.status <> 'withdrawn' AND {where}"
            " GROUP BY b.id, b.lead_id) per_bid GROUP BY 1, 2", params):
        mix[city]["bids"][kind] = count
    return mix


def get_dashboard(client):
    response = client.get(URL)
    assert response.status_code == 200
    return response.context


@pytest.mark.parametrize("who", ["staff", "officer"])
def test_dashboard_figures_equal_independent_sql_aggregates(as_user, network, portfolio,
                                                            case_studies, who):
    context = get_dashboard(as_user(getattr(network, who)))
    org_id = None if who == "staff" else network.daegu.pk

    counts, requested = sql_pipeline(org_id)
    assert [f.status for f in context["pipeline"]] == list(BidStatus.values)
    for figure in context["pipeline"]:
        assert figure.count == counts[figure.status], figure.status
        assert {m.currency: m.amount for m in figure.requested} == requested[figure.status]
    assert sum(f.count for f in context["pipeline"]) == rows(
        "SELECT COUNT(*) FROM funding_bid b WHERE " + visible(org_id)[0], visible(org_id)[1]
    )[0][0]

    shown = {(c.currency, f.year): f for c, _ in context["years"] for f in c.years}
    for year in YEARS:
        sent = sql_year(org_id, "'submitted', 'awarded', 'not_awarded'", "submitted_on",
                        "requested_amount", year)
        won = sql_year(org_id, "'awarded'", "awarded_on", "awarded_amount", year)
        for currency in {"KRW", "USD", "EUR"}:
            figure = shown.get((currency, year))
            assert ((figure.submitted, figure.requested) if figure else (0, 0)) == \
                sent.get(currency, (0, 0)), (currency, year)
            assert ((figure.awards, figure.awarded) if figure else (0, 0)) == \
                won.get(currency, (0, 0)), (currency, year)
            if figure:
                assert figure.submitted or figure.awards  # no empty year is listed

    where, params = visible(org_id)
    awarded, not_awarded = rows(
        "SELECT SUM(CASE WHEN b.status = 'awarded' THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN b.status = 'not_awarded' THEN 1 ELSE 0 END) "
        f"FROM funding_bid b WHERE {where}", params)[0]
    success = context["success"]
    assert (success.awarded, success.not_awarded) == (awarded, not_awarded)
    assert float(success.percent) == pytest.approx(100 * awarded / (awarded + not_awarded),
                                                   abs=0.05)

    expected = sql_mix(org_id)
    assert {m.city.pk: {"case_studies": m.case_studies, "bids": m.bids}
            for m in context["cities"]} == expected
    for mix in context["cities"]:
        total = sum(sum(part.values()) for part in expected[mix.city.pk].values())
        assert mix.total == total
        for share in mix.shares:
            assert share.count == sum(expected[mix.city.pk][part].get(share.kind, 0)
                                      for part in ("case_studies", "bids"))
            assert float(share.percent) == pytest.approx(100 * share.count / total, abs=0.05)
    together = context["all_cities"]
    assert together.total == sum(m.total for m in context["cities"])


def test_the_figures_hold_what_the_portfolio_says(as_user, network, portfolio, case_studies):
    """Spot checks by hand, so that a mistake shared by the SQL and the code shows too."""
    context = get_dashboard(as_user(network.officer))
    by_status = {f.status: f for f in context["pipeline"]}
    assert by_status["forming"].count == 1  # two partners, still one bid
    assert [(m.currency, m.amount) for m in by_status["awarded"].requested] == [
        ("KRW", Decimal(800_000_000)), ("USD", Decimal("2000000.50")), ("EUR", Decimal(900_000))]
    years = {c.currency: {f.year: f for f in c.years} for c, _ in context["years"]}
    assert years["USD"][2023].requested == Decimal("2000000.50")
    assert years["USD"][2024].awarded == Decimal("1500000.25")
    assert 2025 not in years["USD"]  # Bucheon's own bid is not Daegu's
    assert (context["success"].awarded, context["success"].not_awarded) == (3, 1)
    daegu = next(m for m in context["cities"] if m.city == network.daegu)
    # hub (counted once) and lights public, parking private; bids: forming PPP, submitted
    # private, the rest public (no match, or public only); the withdrawn one left out
    assert daegu.case_studies == {"public": 2, "private": 1}
    assert daegu.bids == {"public-private": 1, "private": 1, "public": 4}
    assert [str(s.percent) for s in daegu.shares] == ["66.7", "22.2", "11.1"]


def test_a_member_sees_only_their_teams_bids_in_figures_and_csv(as_user, network, portfolio):
    client = as_user(network.officer)
    context = get_dashboard(client)
    assert sum(f.count for f in context["pipeline"]) == 9
    submitted = next(f for f in context["pipeline"] if f.status == "submitted")
    assert [m.currency for m in submitted.requested] == ["KRW"]  # not Bucheon's USD bid
    bucheon = next(m for m in context["cities"] if m.city == network.bucheon)
    assert bucheon.bids == {"public": 1}  # "Bucheon awarded"; "Bucheon only" is private
    titles = [row["title"] for row in read_csv(client.get(CSV_URL))]
    assert "Bucheon only" not in titles and "Bucheon 2023" not in titles
    assert "Bucheon only" not in client.get(URL).text
    assert len(titles) == 9 and "Bucheon awarded" in titles  # Daegu is a partner there

    staff_titles = [row["title"] for row in read_csv(as_user(network.staff).get(CSV_URL))]
    assert len(staff_titles) == len(portfolio)


def read_csv(response) -> list[dict]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_the_csv_has_one_formula_safe_row_per_bid(as_user, network, portfolio):
    by_title = {row["title"]: row for row in read_csv(as_user(network.officer).get(CSV_URL))}
    assert "'=HYPERLINK(\"http://evil.example\")" in by_title
    assert not any(title.startswith(("=", "+", "-", "@")) for title in by_title)
    row = by_title["Daegu awarded"]
    assert row["status"] == "awarded" and row["currency"] == "USD"
    assert (row["requested"], row["awarded"]) == ("2000000.50", "1500000.25")
    assert (row["submitted_on"], row["awarded_on"]) == ("2023-11-20", "2024-02-01")
    assert row["lead"] == "대구" and row["partners"] == "부천"
    assert by_title["Daegu forming"]["partners"] == "부천; 한빛텔레콤"


@pytest.mark.parametrize("url", [URL, CSV_URL])
def test_visitors_are_sent_to_sign_in_and_non_members_refused(as_user, network, url):
    response = as_user(None).get(url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    outsider = as_user(UserFactory(email="someone@example.com")).get(f"/en{url}")
    assert outsider.status_code == 403
    assert "The funding dashboard is for people of member organisations" in outsider.text
    assert as_user(network.vendor).get(url).status_code == 200  # a partner organisation


def test_deadlines_in_their_own_time_zone_and_my_open_tasks(as_user, network, portfolio):
    soon = timezone.now() + datetime.timedelta(days=3)
    washington = OpportunityFactory(programme_en="SMART grants", programme_ko="SMART 보조금",
                                    deadline=soon.replace(hour=21, minute=0, second=0),
                                    time_zone="America/New_York")
    OpportunityFactory(programme_ko="마감된 공모", deadline=soon, status="closed")
    OpportunityFactory(programme_ko="지난 공모", deadline=timezone.now() - datetime.timedelta(1))
    today = timezone.localdate()
    mine = BidTask.objects.create(bid=portfolio["forming"], title="예산표 작성",
                                  owner=network.officer, due_on=today - datetime.timedelta(1))
    BidTask.objects.create(bid=portfolio["forming"], title="완료한 일", owner=network.officer,
                           due_on=today, done_at=timezone.now())
    BidTask.objects.create(bid=portfolio["forming"], title="남의 일", owner=network.org_admin,
                           due_on=today)
    response = as_user(network.officer).get(f"/en{URL}")
    deadlines = list(response.context["deadlines"])
    assert washington in deadlines
    assert [o.deadline for o in deadlines] == sorted(o.deadline for o in deadlines)
    assert {o.programme_ko for o in deadlines}.isdisjoint({"마감된 공모", "지난 공모"})
    with translation.override("en"):
        shown = {zone: date_filter(timezone.localtime(washington.deadline,
                                                      zoneinfo.ZoneInfo(zone)),
                                   "DATETIME_FORMAT")
                 for zone in ("America/New_York", "Asia/Seoul")}
    assert shown["America/New_York"] in response.text
    assert shown["Asia/Seoul"] not in response.text
    assert list(response.context["tasks"]) == [mine]
    assert "overdue" in response.text


def test_charts_are_accessible_svg_beside_tables(as_user, network, portfolio, case_studies):
    page = as_user(network.staff).get(URL).text
    assert page.count('role="img"') == 5  # pipeline, KRW, USD and EUR by year, funding mix
    assert page.count("<title id=") == page.count("<desc id=") == 5
    assert page.count("<caption>") >= 6
    assert 'scope="row"' in page and 'scope="col"' in page
    assert "funding/dashboard.css" in page


def test_the_funding_mix_sets_the_2022_report_beside_the_cities(as_user, network, portfolio,
                                                                case_studies):
    response = as_user(network.staff).get("/en" + URL)
    chart = response.context["mix_chart"]
    reference = chart.rows[-1]
    assert (reference.label, reference.css) == ("2022 report, 31 cities", "reference")
    assert chart.rows[-2].label == "All cities"
    # One bar across the chart's width, divided as the report found: 51.3 / 36.6 / 12.1 %.
    assert [(bar.css, bar.width) for bar in reference.bars] == [
        ("bar-public", 205.2), ("bar-private", 146.4), ("bar-public-private", 48.4)]
    # Every label starts at the chart's left edge, above its bar: none is cut off.
    assert all(row.bars[0].x == 0 and row.bars[0].y > row.label_y for row in chart.rows)
    page = response.text
    assert '<g class="reference">' in page
    assert ('<tr class="reference"><th scope="row">2022 report, 31 cities</th>'
            '<td class="number" data-label="Public">51.3 %</td>') in page  # and in the table
    assert "funding/tables.css" in page


def test_the_dashboard_runs_a_constant_number_of_queries(
        as_user, network, portfolio, case_studies, django_assert_max_num_queries):
    client = as_user(network.officer)
    client.get(URL)  # warm the site and template caches
    # session, user, staff group, memberships, the header's unread notifications; then 9 for
    # the figures (one of them for the view restrictions that keep private case studies
    # out), deadlines and tasks
    with django_assert_max_num_queries(14) as before:
        assert client.get(URL).status_code == 200
    krw, usd = OpportunityFactory(currency="KRW"), OpportunityFactory(currency="USD")
    for n in range(15):
        more = BidFactory(lead=network.daegu, opportunity=(krw, usd)[n % 2],
                          status=list(BidStatus)[n % 8], submitted_on=D(2020 + n % 5, 1, 2),
                          awarded_amount=1, awarded_on=D(2021, 1, 1))
        BidPartner.objects.create(bid=more, organisation=network.bucheon, match_private=n)
        BidTask.objects.create(bid=more, title=f"task {n}", owner=network.officer,
                               due_on=D(2030, 1, 1))
    with django_assert_max_num_queries(len(before.captured_queries)):
        assert client.get(URL).status_code == 200
    with django_assert_max_num_queries(6):  # the 4 above, the bids, their partners
        assert client.get(CSV_URL).status_code == 200
