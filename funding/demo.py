"""Demo funding: ten opportunities (Korean ministries' challenge programmes, US federal
transport grants, a foundation's mayors challenge, a multilateral bank's technical
assistance), their deadlines set relative to today, and sixteen bids of the demo cities in
every status. Programme names follow the real programmes; amounts and dates are
illustrative, and the foundation is fictional.

Each bid is built through ``funding.services`` by its team, as the portal would record it,
so it has its transitions and activity feed. A bid seeded before (same lead and title) is
left as it is: seeding again changes nothing but the opportunities' dates."""

import datetime
import zoneinfo
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation

from indicators.models import Indicator
from members.models import Organisation, User
from members.notify import suppressed
from solutions_catalog.models import CaseStudyPage, Theme

from . import services
from .models import (
    Bid,
    BidStatus,
    FunderType,
    FundingOpportunity,
    OpportunityAudience,
    OpportunityStatus,
    PartnerRole,
)

F = FunderType
OPEN, FORECAST, CLOSED = OpportunityStatus.OPEN, OpportunityStatus.FORECAST, OpportunityStatus.CLOSED
PUBLIC, MEMBERS = OpportunityAudience.PUBLIC, OpportunityAudience.MEMBERS
MOLIT = ("국토교통부", "Ministry of Land, Infrastructure and Transport (MOLIT)")
USDOT = ("미국 교통부", "U.S. Department of Transportation")
CHALLENGE = dict(
    funder=MOLIT, funder_type=F.NATIONAL, currency="KRW", total=24_000_000_000,
    largest=8_000_000_000, match=50, themes=["mobility", "connectivity"],
    zone="Asia/Seoul", at=(18, 0), url="https://smartcity.go.kr",
    description=(
        "지자체가 민간 기업과 함께 자기 도시의 문제를 푸는 스마트 솔루션을 공모한다. 1년 차 실증 후 평가를 거쳐 본사업 도시를 선정한다.",
        "A competition for smart solutions a city builds with private companies to solve its own problems: a year of piloting, then an evaluation that picks the cities for the main project."),
    eligibility=(
        "지방자치단체가 민간 기업·연구기관과 컨소시엄을 구성해 신청. 국비 50 %, 지방비 50 % 매칭.",
        "Local governments applying in a consortium with companies or research institutes; 50 % national funds, 50 % local match."),
)
OPPORTUNITIES = [
    # deadline: days from today at ``at`` (hour, minute) on the funder's clock, ``zone``
    dict(CHALLENGE, slug="molit-smart-challenge", status=OPEN, deadline=12,
         programme=("스마트시티 챌린지 (도시 트랙)", "Smart City Challenge (city track)")),
    dict(CHALLENGE, slug="molit-smart-challenge-previous-round", status=CLOSED, deadline=-330,
         programme=("스마트시티 챌린지 (도시 트랙, 지난 회차)",
                    "Smart City Challenge (city track, previous round)")),
    dict(slug="molit-smart-solution-diffusion", status=OPEN, deadline=40,
         programme=("스마트솔루션 확산 사업", "Smart Solution Diffusion Programme"),
         funder=MOLIT, funder_type=F.NATIONAL, currency="KRW", total=30_000_000_000,
         largest=3_000_000_000, match=50, themes=["resilience", "mobility", "sustainability"],
         zone="Asia/Seoul", at=(18, 0), url="https://smartcity.go.kr",
         description=(
             "다른 도시에서 효과가 검증된 교통·안전·환경 분야 스마트 솔루션을 도입하는 지자체를 지원한다.",
             "Supports local governments adopting smart solutions already proven elsewhere, in transport, safety and the environment."),
         eligibility=(
             "기초·광역 지자체. 국비 50 % 이내, 검증된 솔루션의 도입 계획 필수.",
             "Cities and provinces; up to 50 % national funding; a plan to adopt a proven solution is required.")),
    dict(slug="smart-city-regulatory-sandbox", status=OPEN, deadline=5,
         programme=("스마트시티 규제샌드박스 실증 지원", "Smart city regulatory sandbox pilot support"),
         funder=MOLIT, funder_type=F.NATIONAL, currency="KRW", total=5_000_000_000,
         largest=500_000_000, match=0, themes=["mobility", "connectivity"],
         zone="Asia/Seoul", at=(18, 0), url="https://smartcity.go.kr",
         description=(
             "현행 규제로는 출시하기 어려운 스마트시티 서비스를 정해진 구역과 기간 안에서 실증하도록 비용을 지원한다.",
             "Pays for pilots of smart-city services that current rules would block, within a set area and period."),
         eligibility=(
             "규제 특례를 신청한 기업과 실증 구역을 제공하는 지자체가 공동 신청.",
             "A company applying for a regulatory exemption, together with the city that provides the pilot area.")),
    dict(slug="msit-digital-twin-city", status=FORECAST, audience=MEMBERS, deadline=90,
         programme=("디지털 트윈 도시 실증 사업 (예고)", "Digital twin city demonstration (announced)"),
         funder=("과학기술정보통신부", "Ministry of Science and ICT (MSIT)"), funder_type=F.NATIONAL,
         currency="KRW", total=10_000_000_000, largest=2_500_000_000, match=25,
         themes=["connectivity", "resilience", "cybersecurity"], zone="Asia/Seoul", at=(18, 0),
         url="https://www.msit.go.kr",
         description=(
             "도시 데이터와 센서를 잇는 디지털 트윈을 구축하고 보안 검증까지 함께 실증한다. 공고 전 예고 단계로, 연합이 회원 도시의 의견을 모으고 있다.",
             "Builds a city digital twin from urban data and sensors and proves its security along the way. Announced ahead of the call; the network is gathering members' comments."),
         eligibility=(
             "지자체와 ICT 기업 컨소시엄. 정보보호 계획 필수, 참여 기관 부담 25 %.",
             "A local government with ICT companies; a security plan is required and partners match 25 %.")),
    dict(slug="usdot-smart-grants-stage-1", status=OPEN, deadline=16,
         programme=("SMART 보조금 1단계", "SMART Grants Program, Stage 1"),
         funder=USDOT, funder_type=F.NATIONAL, currency="USD", total=100_000_000,
         largest=2_000_000, match=0, themes=["mobility", "connectivity", "cybersecurity"],
         zone="America/New_York", at=(23, 59), url="https://www.transportation.gov/grants/SMART",
         description=(
             "교통 혁신 기술을 실증하는 1단계 계획·시제품 보조금. 커넥티드 차량, 스마트 신호, 센서 등이 대상이다.",
             "Strengthening Mobility and Revolutionizing Transportation: Stage 1 planning and prototyping grants for demonstrations such as connected vehicles, smart signals and sensors."),
         eligibility=(
             "시·카운티 등 공공기관의 단독 또는 공동 신청. 지방 매칭 의무 없음.",
             "Public bodies such as cities and counties, alone or in groups; no local match required.")),
    dict(slug="usdot-raise", status=OPEN, deadline=50,
         programme=("RAISE 보조금", "RAISE Grants"),
         funder=USDOT, funder_type=F.NATIONAL, currency="USD", total=1_500_000_000,
         largest=25_000_000, match=20, themes=["mobility", "sustainability", "resilience"],
         zone="America/New_York", at=(23, 59), url="https://www.transportation.gov/RAISEgrants",
         description=(
             "지역에 큰 영향을 주는 지상 교통 기반시설 사업에 대한 자본 보조금.",
             "Rebuilding American Infrastructure with Sustainability and Equity: capital grants for surface transportation projects with a significant local or regional impact."),
         eligibility=(
             "주·지방·원주민 정부, 대중교통 기관, 항만. 도시 지역 사업은 20 % 이상 매칭.",
             "States, local and tribal governments, transit agencies and ports; urban projects match at least 20 %.")),
    dict(slug="usdot-attain-previous-round", status=CLOSED, deadline=-160,
         programme=("ATTAIN 프로그램 (지난 회차)", "ATTAIN Program (previous round)"),
         funder=("미국 교통부 연방도로청", "U.S. DOT Federal Highway Administration"),
         funder_type=F.NATIONAL, currency="USD", total=60_000_000, largest=12_000_000, match=20,
         themes=["mobility", "connectivity"], zone="America/New_York", at=(23, 59),
         url="https://www.transportation.gov/grants",
         description=(
             "안전·이동성과 기반시설 투자 효과를 높이는 첨단 교통 기술의 배치를 지원한다.",
             "Advanced Transportation Technology and Innovation: deploying advanced technologies that improve safety, mobility and the return on infrastructure investment."),
         eligibility=(
             "주·지방정부, 대중교통 기관, 광역교통계획기구, 대학 컨소시엄. 연방 부담 80 % 이내.",
             "States, local governments, transit agencies, metropolitan planning organisations and university consortia; federal share up to 80 %.")),
    dict(slug="mayors-climate-ready-challenge", status=OPEN, deadline=28,
         programme=("기후 대응 도시 시장 챌린지", "Mayors Challenge for Climate-Ready Cities"),
         funder=("프런트레인지 시민혁신재단", "Front Range Civic Innovation Foundation"),
         funder_type=F.FOUNDATION, currency="USD", total=15_000_000, largest=1_000_000,
         match=0, themes=["resilience", "sustainability", "connectivity"],
         zone="America/Denver", at=(17, 0), url="",
         description=(
             "폭염과 홍수로부터 시민을 지킬 과감한 아이디어를 공모하는 재단의 시장 챌린지. 결선 도시는 1년간 코칭을 받는다.",
             "A foundation's challenge for mayors: bold ideas that keep residents safe from heat and floods, with a year of coaching for the finalists."),
         eligibility=(
             "인구 10만 명 이상 도시. 해외 파트너 도시와의 공동 응모 환영.",
             "Cities of 100,000 residents or more; joint entries with a partner city abroad are welcome.")),
    dict(slug="adb-livable-cities-ta", status=FORECAST, audience=MEMBERS, deadline=120,
         programme=("아시아개발은행 살기 좋은 도시 기술협력 (예고)",
                    "ADB Livable Cities Technical Assistance (announced)"),
         funder=("아시아개발은행", "Asian Development Bank"), funder_type=F.MULTILATERAL,
         currency="USD", total=12_000_000, largest=1_500_000, match=10,
         themes=["resilience", "sustainability", "connectivity"], zone="Asia/Manila",
         at=(17, 0), url="https://www.adb.org",
         description=(
             "도시 데이터, 홍수 회복력, 저탄소 서비스 분야에서 경험 있는 도시를 개발도상 회원국의 중소도시와 연결하는 기술협력.",
             "Technical assistance pairing experienced cities with secondary cities in developing member countries on urban data, flood resilience and low-carbon services."),
         eligibility=(
             "ADB 개발도상 회원국 도시와 협력하는 지식 파트너(도시·기관·대학). 10 % 현물 기여.",
             "Knowledge partners (cities, agencies, universities) working with a city in an ADB developing member country; 10 % in kind.")),
]

S, P = BidStatus, PartnerRole
TO_SUBMITTED = [(S.FORMING, ""), (S.DRAFTING, ""), (S.INTERNAL_REVIEW, ""), (S.SUBMITTED, "")]
BIDS = [
    # Short of its match: 40 % committed in KRW against the programme's 50 %; Peoria's
    # in-kind share is in dollars and counts apart.
    dict(opportunity="molit-smart-solution-diffusion", lead="daegu", by="admin.daegu", language="ko",
         title="스마트 가로등 확산: 대구 방식을 부천·피오리아와 함께",
         summary="대구의 스마트 가로등 제어 방식과 성과 기반 유지보수 계약을 부천 원도심 20개 구역으로 넓힌다. 같은 방식을 먼저 도입해 운영 중인 피오리아의 성과를 근거로 삼는다.",
         requested=2_000_000_000, cases=["daegu-smart-street-lights", "peoria-smart-street-lights"],
         indicators=["ISO37120:7.6", "ISO37122:7.6"],
         lead_share=(300_000_000, 0, 100_000_000, ""),
         partners=[("bucheon", P.CO_APPLICANT, 200_000_000, 0, True, 50_000_000),
                   ("hanbit-telecom", P.TECHNOLOGY, 0, 120_000_000, False, 30_000_000),
                   ("peoria-il", P.CO_APPLICANT, 0, 0, True, 40_000, "USD")],
         tasks=[("지방비 매칭 추가 확보 방안", "admin.daegu", 7, False)],
         steps=[(S.FORMING, ""), (S.DRAFTING, "")]),
    # steps: (status, note[, mover if not ``by``]); partners: (organisation, role, public
    # match, private match, letter received[, in-kind match[, currency if not the
    # programme's]]); lead_share: (public, private, in kind, currency or ""); tasks: (title, owner, due in days, done);
    # documents: (title, file name, one note per version); award: (amount, days ago)
    dict(opportunity="molit-smart-challenge", lead="daegu", by="admin.daegu", language="ko",
         title="대구 자율주행 셔틀과 데이터 허브 연계 확산",
         summary="수성알파시티 자율주행 셔틀의 실증 데이터를 도시 데이터 허브에 잇고, 수요응답형 운행을 도심 3개 노선으로 넓힌다.",
         requested=6_000_000_000,
         cases=["daegu-autonomous-shuttle-testbed", "daegu-data-hub"],
         partners=[("dgist", P.RESEARCH, 0, 0, True),
                   ("hanbit-telecom", P.TECHNOLOGY, 0, 400_000_000, True),
                   ("kyungpook-university", P.RESEARCH, 0, 0, False)],
         tasks=[("컨소시엄 구성 확정", "officer.daegu", -10, True),
                ("사업계획서 초안 작성", "officer2.daegu", 5, False),
                ("지방비 매칭 확약서 확보", "admin.daegu", -2, False),
                ("5G 통신망 구성안", "sales.hanbit", 7, False)],
         documents=[("사업계획서", "daegu-shuttle-plan.txt", ["초안", "DGIST 의견 반영"])],
         comments=[("officer.daegu", "데이터 허브 연계 부분은 작년 챌린지 보고서의 데이터 표준을 그대로 쓰면 됩니다."),
                   ("sales.hanbit", "통신망 구성안은 다음 주 화요일까지 공유드리겠습니다.")],
         steps=[(S.FORMING, "DGIST와 한빛텔레콤 참여 확정"), (S.DRAFTING, "")]),
    dict(opportunity="molit-smart-challenge-previous-round", lead="daegu", by="admin.daegu", language="ko",
         title="대구 데이터 허브 기반 스마트 교차로",
         summary="교차로 영상·신호 데이터를 데이터 허브로 모아 보행자 우선 신호와 사고 위험 예측을 운영하고, 결과 데이터를 허브에 다시 공개한다.",
         requested=7_000_000_000, award=(6_000_000_000, 200),
         cases=["daegu-data-hub", "daegu-recursive-data-incentive"],
         partners=[("hanbit-telecom", P.TECHNOLOGY, 0, 300_000_000, True),
                   ("kyungpook-university", P.RESEARCH, 50_000_000, 0, True),
                   ("smart-city-foundation", P.FUNDER, 200_000_000, 0, True)],
         tasks=[("협약서 서명", "admin.daegu", -190, True),
                ("1차 연도 성과 보고서", "officer.daegu", 30, False)],
         comments=[("admin.daegu", "성과 지표는 데이터 허브 대시보드로 매월 공유합니다.")],
         steps=[*TO_SUBMITTED, (S.AWARDED, "국비 60억 원 확정. 요청액의 86 %.")]),
    dict(opportunity="molit-smart-solution-diffusion", lead="bucheon", by="admin.bucheon",
         language="ko", title="부천 스마트 횡단보도 시 전역 확산",
         summary="1년 실증에서 보행자 사고를 줄인 스마트 횡단보도를 어린이보호구역 40곳으로 넓히고, 운영 데이터를 수원시와 공유한다.",
         requested=2_400_000_000, cases=["bucheon-smart-crosswalks"],
         partners=[("hanbit-telecom", P.TECHNOLOGY, 0, 150_000_000, False),
                   ("suwon", P.CO_APPLICANT, 200_000_000, 0, True)],
         tasks=[("설치 후보지 40곳 현장 조사", "officer.bucheon", -12, True),
                ("사업비 산출 내역 검토", "admin.bucheon", 3, False),
                ("운영 데이터 공유 협약안", "officer.suwon", -1, False)],
         documents=[("제안서", "bucheon-crosswalks-proposal.txt", ["초안"])],
         comments=[("admin.suwon", "수원은 통학로 12곳을 함께 넣겠습니다. 협약안은 이번 주 안에 보내드릴게요.")],
         steps=[(S.FORMING, ""), (S.DRAFTING, ""),
                (S.INTERNAL_REVIEW, "예산서와 후보지 목록을 확인해 주세요.", "admin.suwon")]),
    dict(opportunity="molit-smart-challenge", lead="suwon", by="admin.suwon", language="ko",
         title="수원 수요응답형 버스 광역 확산",
         summary="농촌형 노선에서 검증한 수요응답형 버스 배차 엔진을 인접 도시와 잇는 광역 노선으로 확대한다.",
         requested=5_000_000_000, cases=["suwon-demand-responsive-bus"],
         partners=[("saebyeok-mobility", P.TECHNOLOGY, 0, 500_000_000, False)],
         tasks=[("참여 기업 확정", "admin.suwon", 4, False),
                ("리빙랩 시민 패널 모집 계획", "officer.suwon", 10, False)],
         comments=[("pm.saebyeok", "배차 엔진 API 문서를 공유 폴더에 올려 두었습니다.")],
         steps=[(S.FORMING, "")]),
    dict(opportunity="smart-city-regulatory-sandbox", lead="suwon", by="admin.suwon",
         language="ko", title="수원 공유 전동킥보드 규제 특례 실증",
         summary="화성 주변 보행 구역에서 속도 제한과 지정 주차를 조건으로 공유 전동킥보드를 6개월간 실증한다.",
         requested=450_000_000, cases=["suwon-shared-e-bikes", "brisbane-shared-micromobility"],
         partners=[("jacaranda-mobility", P.DELIVERY, 0, 120_000_000, True)],
         tasks=[("실증 안전관리 계획 작성", "officer.suwon", -3, True)],
         documents=[("안전관리 계획", "suwon-sandbox-safety-plan.txt", ["제출본"])],
         steps=[*TO_SUBMITTED[:-1], (S.SUBMITTED, "규제샌드박스 포털로 제출했습니다.")]),
    dict(opportunity="molit-smart-solution-diffusion", lead="busan", by="admin.busan",
         language="ko", title="에코델타시티 스마트 물관리 확산",
         summary="에코델타시티의 스마트 물관리 운영 경험을 강서구의 기존 주거지로 넓히는 구상.",
         requested=2_800_000_000, cases=["busan-eco-delta-smart-water"],
         partners=[("k-water", P.CO_APPLICANT, 500_000_000, 0, False)],
         tasks=[("한국수자원공사와 1차 협의", "admin.busan", 6, False)],
         steps=[]),
    dict(opportunity="msit-digital-twin-city", lead="seoul", by="admin.seoul", language="ko",
         title="서울 도시데이터 센서 디지털 트윈 보안 실증",
         summary="도시데이터 센서망을 디지털 트윈과 연결하면서 기기 인증과 침해 대응 체계를 함께 검증한다.",
         requested=2_000_000_000,
         cases=["seoul-city-data-sensors", "seoul-cctv-security-operations"],
         partners=[], tasks=[("공고 확정 시 신청 요건 검토", "officer.seoul", 20, False)],
         steps=[]),
    dict(opportunity="molit-smart-challenge", lead="seoul", by="admin.seoul", language="ko",
         title="서울 심야 올빼미버스 자율주행 전환",
         summary="심야 올빼미버스 2개 노선을 자율주행 차량으로 바꾸는 실증.",
         requested=4_000_000_000, cases=["seoul-owl-night-bus"],
         partners=[("saebyeok-mobility", P.TECHNOLOGY, 0, 200_000_000, False)],
         steps=[(S.FORMING, ""), (S.DRAFTING, ""),
                (S.WITHDRAWN, "시 자체 예산으로 추진하기로 해 공모 신청을 철회합니다.")]),
    dict(opportunity="usdot-smart-grants-stage-1", lead="denver", by="admin.denver", language="en",
         title="Denver–Arlington connected curb management prototype",
         summary="Sensors and one shared data feed for the loading zones of two downtown corridors, prototyped in Denver and Arlington, under the privacy review Denver applies to every new technology.",
         requested=1_800_000,
         cases=["denver-technology-privacy-review", "arlington-autonomous-rideshare"],
         partners=[("arlington-tx", P.CO_APPLICANT, 100_000, 0, True),
                   ("civicsense-analytics", P.TECHNOLOGY, 0, 150_000, True),
                   ("colorado-smart-cities-alliance", P.DELIVERY, 0, 0, False)],
         tasks=[("Data-sharing letter from Arlington", "admin.arlington", -6, True),
                ("Project narrative, first draft", "officer.denver", 9, False),
                ("Privacy impact summary", "admin.denver", -3, False)],
         documents=[("Project narrative", "denver-curb-narrative.txt",
                     ["Outline", "Budget section added"])],
         comments=[("admin.arlington", "Arlington's letter is signed; our curb data can go into the shared feed from day one."),
                   ("eng.civicsense", "We can reuse the open-data schema from the Kansas City corridor.")],
         steps=[(S.FORMING, ""), (S.DRAFTING, "Team complete: Arlington and CivicSense are in.")]),
    dict(opportunity="usdot-raise", lead="phoenix", by="admin.phoenix", language="en",
         title="Cool corridors: cool pavement and shaded transit stops for Phoenix and Tucson",
         summary="Extends Phoenix's cool-pavement programme to the transit corridors most exposed to heat and adds shaded stops, measured with Arizona State University.",
         requested=18_000_000, cases=["phoenix-cool-pavement", "tucson-heat-resilience"],
         partners=[("arizona-state-university", P.RESEARCH, 250_000, 0, True),
                   ("tucson", P.CO_APPLICANT, 500_000, 0, False)],
         tasks=[("Benefit-cost analysis", "officer.phoenix", 20, False),
                ("Confirm Tucson's local match", "admin.tucson", 8, False)],
         steps=[(S.FORMING, "")]),
    dict(opportunity="usdot-attain-previous-round", lead="arlington-tx", by="admin.arlington",
         language="en", title="Arlington on-demand autonomous rideshare expansion",
         summary="Extends the autonomous rideshare from the entertainment district to the medical centre and the university, with wheelchair-accessible vehicles.",
         requested=9_500_000, award=(8_200_000, 70), cases=["arlington-autonomous-rideshare"],
         partners=[("ut-arlington", P.RESEARCH, 400_000, 0, True),
                   ("atlas-mapping-labs", P.TECHNOLOGY, 0, 600_000, True)],
         tasks=[("Sign the grant agreement", "admin.arlington", -40, True),
                ("Quarterly progress report to FHWA", "officer.arlington", 25, False)],
         steps=[*TO_SUBMITTED,
                (S.AWARDED, "Awarded US$8.2 million; reviewers singled out the evaluation plan.")]),
    dict(opportunity="usdot-attain-previous-round", lead="kansas-city-mo", by="admin.kc", language="en",
         title="Kansas City smart corridor: connected signals along the streetcar extension",
         summary="Connected signals and curbside sensors along the streetcar extension, building on the smart corridor's public Wi-Fi and open data.",
         requested=7_000_000, cases=["kansas-city-smart-corridor"],
         partners=[("kc-digital-drive", P.DELIVERY, 0, 0, True),
                   ("civicsense-analytics", P.TECHNOLOGY, 0, 250_000, True)],
         tasks=[("Debrief call with FHWA", "officer.kc", -20, True)],
         comments=[("admin.kc", "Arlington's award praised its evaluation plan: worth borrowing for the next round.")],
         steps=[*TO_SUBMITTED,
                (S.NOT_AWARDED, "Not selected this round; the reviewers asked for a stronger evaluation plan.")]),
    dict(opportunity="mayors-climate-ready-challenge", lead="jacksonville",
         by="admin.jacksonville", language="en",
         title="Street-level flood and heat sensing with Daegu",
         summary="Jacksonville's flood sensors and Daegu's smart street lights share one sensor design and one open data model, so each city learns from the other's storms and heat waves.",
         requested=1_000_000, cases=["jacksonville-flood-sensors", "daegu-smart-street-lights"],
         partners=[("daegu", P.CO_APPLICANT, 0, 0, False),
                   ("smart-north-florida", P.DELIVERY, 0, 0, True)],
         tasks=[("Budget narrative", "officer.jacksonville", 6, False),
                ("Letter of support from Daegu", "admin.daegu", -1, False)],
         documents=[("Application form", "jacksonville-daegu-application.txt",
                     ["Draft for internal review"])],
         comments=[("officer.daegu", "Our street-light sensor specification is now in English; happy to join the review call."),
                   ("staff", "The foundation favours joint entries with a city abroad: say so in the first paragraph.")],
         steps=TO_SUBMITTED[:3]),
    dict(opportunity="adb-livable-cities-ta", lead="daegu", by="officer.daegu", language="en",
         title="Data-hub know-how for Southeast Asian secondary cities",
         summary="Daegu's open data hub and its standards, packaged as technical assistance for two secondary cities, with Kyungpook National University running the training.",
         requested=1_200_000, cases=["daegu-data-hub"],
         partners=[("kyungpook-university", P.RESEARCH, 0, 0, True),
                   ("smart-city-foundation", P.FUNDER, 150_000, 0, False)],
         tasks=[("Shortlist partner cities with ADB", "officer.daegu", 15, False)],
         steps=[(S.FORMING, "")]),
    dict(opportunity="mayors-climate-ready-challenge", lead="tucson", by="admin.tucson",
         language="en",
         title="Heat-ready neighbourhoods: cooling centres that keep power in an outage",
         summary="Neighbourhood cooling centres with batteries and solar, sited from the city's heat map, so that they stay open when the grid fails.",
         requested=950_000,
         cases=["tucson-heat-resilience", "amsterdam-neighbourhood-energy-sharing"],
         partners=[("university-of-arizona", P.RESEARCH, 0, 0, True),
                   ("southern-arizona-smart-region", P.DELIVERY, 0, 0, True),
                   ("spreewerk-energy", P.TECHNOLOGY, 0, 80_000, True)],
         tasks=[("Answer the foundation's clarification questions", "officer.tucson", 3, False)],
         steps=[*TO_SUBMITTED[:-1],
                (S.SUBMITTED, "Submitted through the foundation's portal.")]),
]


def seed() -> None:
    opportunities = {spec["slug"]: _opportunity(spec) for spec in OPPORTUNITIES}
    for spec in BIDS:
        opportunity = opportunities[spec["opportunity"]]
        lead = Organisation.objects.get(slug=spec["lead"])
        if not Bid.objects.filter(lead=lead, title=spec["title"]).exists():
            # Each bid's history is walked through the services; nobody is mailed about it.
            with translation.override(spec["language"]), suppressed():
                _bid(spec, opportunity, lead)
    # Closed programmes took their bids while they were open: they close only now.
    FundingOpportunity.objects.filter(
        slug__in=[spec["slug"] for spec in OPPORTUNITIES if spec["status"] == CLOSED]
    ).update(status=CLOSED)


def _person(login: str) -> User:
    return User.objects.get(email=f"{login}@demo.example")


def _opportunity(spec: dict) -> FundingOpportunity:
    zone = zoneinfo.ZoneInfo(spec["zone"])
    today = timezone.now().astimezone(zone).date()
    deadline = datetime.datetime.combine(today + datetime.timedelta(days=spec["deadline"]),
                                         datetime.time(*spec["at"]), tzinfo=zone)
    opportunity, _ = FundingOpportunity.objects.update_or_create(slug=spec["slug"], defaults={
        "programme_ko": spec["programme"][0], "programme_en": spec["programme"][1],
        "funder_ko": spec["funder"][0], "funder_en": spec["funder"][1],
        "funder_type": spec["funder_type"],
        "description_ko": spec["description"][0], "description_en": spec["description"][1],
        "eligibility_ko": spec["eligibility"][0], "eligibility_en": spec["eligibility"][1],
        "currency": spec["currency"], "total_award": Decimal(spec["total"]),
        "max_award": Decimal(spec["largest"]), "match_percent": spec["match"],
        "opens_on": deadline.date() - datetime.timedelta(days=60), "deadline": deadline,
        "time_zone": spec["zone"], "decision_on": deadline.date() + datetime.timedelta(days=90),
        "url": spec["url"], "status": OPEN if spec["status"] == CLOSED else spec["status"],
        "audience": spec.get("audience", PUBLIC)})
    opportunity.themes.set(Theme.objects.filter(slug__in=spec["themes"]))
    return opportunity


def _pledge(public: int, private: int, in_kind: int = 0, currency: str = "") -> services.Pledge:
    return services.Pledge(Decimal(public), Decimal(private), Decimal(in_kind), currency)


def _bid(spec: dict, opportunity: FundingOpportunity, lead: Organisation) -> None:
    by = _person(spec["by"])
    today = timezone.localdate()
    cases = CaseStudyPage.objects.live().filter(slug__in=spec["cases"],
                                                locale__language_code=spec["language"])
    bid = services.start_bid(by, opportunity, lead, title=spec["title"],
                             summary=spec["summary"],
                             requested_amount=Decimal(spec["requested"]),
                             case_studies=list(cases))
    if "indicators" in spec:
        services.link_evidence(bid, by, case_studies=list(cases),
                               indicators=Indicator.objects.filter(code__in=spec["indicators"]))
    if "lead_share" in spec:
        public, private, in_kind, currency = spec["lead_share"]
        services.save_lead_share(bid, by, _pledge(public, private, in_kind, currency))
    for slug, role, public, private, letter, *in_kind in spec["partners"]:
        services.save_partner(bid, by, Organisation.objects.get(slug=slug), role=role,
                              pledge=_pledge(public, private, *in_kind),
                              letter_received=letter)
    bid = Bid.objects.get(pk=bid.pk)  # its team, partners included
    for title, owner, due_in, done in spec.get("tasks", []):
        task = services.assign_task(bid, by, title=title, owner=_person(owner),
                                    due_on=today + datetime.timedelta(days=due_in))
        if done:
            services.complete_task(task, task.owner)
    for title, filename, notes in spec.get("documents", []):
        for number, note in enumerate(notes, start=1):
            text = f"{spec['title']}\n\n{title} v{number}: {note}\n"
            services.add_document_version(
                bid, by, title=title, note=note,
                upload=SimpleUploadedFile(filename, text.encode(), "text/plain"))
    for author, body in spec.get("comments", []):
        services.comment(bid, _person(author), body)
    for status, note, *mover in spec["steps"]:
        award = {}
        if status == S.SUBMITTED and opportunity.deadline < timezone.now():
            # Sent before the (past) deadline, not on the day the demo was seeded.
            award = {"submitted_on": opportunity.local_deadline.date()
                     - datetime.timedelta(days=2)}
        if status == S.AWARDED:
            amount, days_ago = spec["award"]
            award = {"awarded_amount": Decimal(amount),
                     "awarded_on": today - datetime.timedelta(days=days_ago)}
        services.move_bid(bid, _person(mover[0]) if mover else by, status, note=note, **award)
