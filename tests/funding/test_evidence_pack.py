"""The demo bid short of its match (Daegu's street lights with Bucheon, Hanbit and Peoria):
the page warns, and its evidence pack, one PDF per language, opens and carries the match
table and the linked case studies' outcomes, for the bid team and staff only."""

import io

import pytest
from pypdf import PdfReader

from funding.models import Bid
from members.models import User

pytestmark = [pytest.mark.usefixtures("_seeded_funding"), pytest.mark.django_db]

TITLE = "스마트 가로등 확산: 대구 방식을 부천·피오리아와 함께"
URL = {"ko": "/funding/bids/{pk}/evidence-ko.pdf", "en": "/en/funding/bids/{pk}/evidence-en.pdf"}


@pytest.fixture
def bid() -> Bid:
    return Bid.objects.get(title=TITLE)


def person(login: str) -> User:
    return User.objects.get(email=f"{login}@demo.example")


def text_of(response) -> str:
    """The PDF's text, one line per line, spaces squeezed (as a reader copies it)."""
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    return "\n".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_the_demo_bid_shows_its_shortfall(bid, as_user):
    page = as_user(person("officer.bucheon")).get(f"/en/funding/bids/{bid.pk}/").content.decode()
    assert "Committed match 40 % of the required 50 %: short by ₩200,000,000." in page
    assert "Total in USD" in page  # Peoria's in-kind share, apart
    assert "ISO37120:7.6 · " in page  # the indicators it rests on


def test_the_english_pack_holds_the_match_table_and_the_outcomes(bid, as_user):
    text = text_of(as_user(person("admin.daegu")).get(URL["en"].format(pk=bid.pk)))
    for seen in (
        "Evidence pack for the funder", "Partners and match",
        "Daegu Metropolitan City Lead ₩300,000,000 ₩0 ₩100,000,000 ₩400,000,000",
        "Bucheon Co-applicant ₩200,000,000 ₩0 ₩50,000,000 ₩250,000,000 Received",
        "City of Peoria Co-applicant $0 $0 $40,000 $40,000 Received",
        "Total in KRW ₩500,000,000 ₩120,000,000 ₩180,000,000 ₩800,000,000",
        "Total in USD $0 $0 $40,000 $40,000",
        "Committed match 40 % of the required 50 %: short by ₩200,000,000.",
        # the indicators it rests on, and the linked case studies' own outcomes
        "ISO37120:7.6", "ISO37122:7.6",
        "Street-light electricity per km of lit street 3.68 2.24 -39.1 % MWh/km/yr",
        "Time to repair 96 30 -68.8 % hours",
        # compared: Peoria's results beside Daegu's, in the indicator's unit
        "Daegu Metropolitan City and City of Peoria, replicating it, on the same indicators",
        "City of Peoria 3,100 1,900 -38.7 % February 2025 3 · Before and after",
    ):
        assert seen in text


def test_the_korean_pack_is_set_in_korean(bid, as_user):
    text = text_of(as_user(person("officer.bucheon")).get(URL["ko"].format(pk=bid.pk)))
    for seen in ("지원 기관 제출용 근거 자료", "참여 기관과 매칭", "대구광역시 주관 ₩300,000,000",
                 "KRW 합계 ₩500,000,000 ₩120,000,000 ₩180,000,000 ₩800,000,000",
                 "약정 매칭이 요구 비율 50 % 중 40 %로, ₩200,000,000 부족합니다.",
                 "측정한 성과", "가로등 1km당 전력 사용량 3.68 2.24 -39.1 % MWh/km/년",
                 "대구광역시의 사례와 이를 도입한 피오리아의 성과(같은 지표)",
                 "피오리아 스마트 가로등"):
        assert seen in text


@pytest.mark.parametrize("login", ["admin.suwon", "officer.jacksonville",
                                   "vendor.civicsense"])
def test_the_pack_is_refused_to_anyone_off_the_team(bid, as_user, login):
    """As the bid page is: a bid outside one's team does not exist (404, never its title)."""
    for language, url in URL.items():
        response = as_user(person(login)).get(url.format(pk=bid.pk))
        assert response.status_code == 404, language
        assert TITLE not in response.content.decode()


def test_visitors_are_sent_to_sign_in_and_staff_may_produce_it(bid, as_user):
    response = as_user(None).get(URL["en"].format(pk=bid.pk))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert text_of(as_user(person("staff")).get(URL["en"].format(pk=bid.pk)))
    unknown = as_user(person("staff")).get(f"/en/funding/bids/{bid.pk}/evidence-fr.pdf")
    assert unknown.status_code == 404
