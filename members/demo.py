"""Demo organisations and people. Organisation facts follow the seed documents (the seven US
regional consortia of the National Smart Coalitions Partnership, the Korean cities named in
them, the partner cities abroad of the Smart Cities Index report); companies and people are
fictional, universities and public bodies appear in illustrative roles."""

import datetime
from decimal import Decimal

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP

from .models import (
    Membership,
    MembershipStatus,
    Organisation,
    OrganisationKind,
    Role,
    User,
)
from .services import ensure_staff_group

K = OrganisationKind
CONSORTIA = [
    # slug, Korean name, English name, country, region, parent consortium
    ("korea-smart-coalition", "한국 스마트시티 연합", "Korea Smart City Coalition", "KR", "", None),
    ("nscp", "미국 전국 스마트 연합 파트너십", "National Smart Coalitions Partnership", "US", "", None),
    ("colorado-smart-cities-alliance", "콜로라도 스마트시티 연합", "Colorado Smart Cities Alliance", "US", "Colorado", "nscp"),
    ("north-texas-innovation-alliance", "북텍사스 혁신 연합", "North Texas Innovation Alliance", "US", "Texas", "nscp"),
    ("connective", "커넥티브(피닉스 권역)", "Connective (Greater Phoenix)", "US", "Arizona", "nscp"),
    ("illinois-smart-city-region", "일리노이 스마트시티·지역 협회", "Illinois Smart City & Region Association", "US", "Illinois", "nscp"),
    ("kc-digital-drive", "KC 디지털 드라이브", "KC Digital Drive", "US", "Missouri", "nscp"),
    ("southern-arizona-smart-region", "남부 애리조나 스마트 리전", "Southern Arizona Smart Region", "US", "Arizona", "nscp"),
    ("smart-north-florida", "스마트 노스 플로리다", "Smart North Florida", "US", "Florida", "nscp"),
]
CITIES = [
    # slug, Korean, English, country, region, population, area km², consortium (or None)
    ("daegu", "대구광역시", "Daegu Metropolitan City", "KR", "Daegu", 2_370_000, "1499.5", "korea-smart-coalition"),
    ("bucheon", "부천시", "Bucheon", "KR", "Gyeonggi", 780_000, "53.4", "korea-smart-coalition"),
    ("suwon", "수원시", "Suwon", "KR", "Gyeonggi", 1_190_000, "121.1", "korea-smart-coalition"),
    ("busan", "부산광역시", "Busan Metropolitan City", "KR", "Busan", 3_290_000, "771.3", "korea-smart-coalition"),
    ("seoul", "서울특별시", "Seoul Metropolitan Government", "KR", "Seoul", 9_390_000, "605.2", "korea-smart-coalition"),
    ("denver", "덴버", "City and County of Denver", "US", "Colorado", 716_000, "401.2", "colorado-smart-cities-alliance"),
    ("arlington-tx", "알링턴", "City of Arlington", "US", "Texas", 395_000, "258.3", "north-texas-innovation-alliance"),
    ("phoenix", "피닉스", "City of Phoenix", "US", "Arizona", 1_650_000, "1344.9", "connective"),
    ("peoria-il", "피오리아", "City of Peoria", "US", "Illinois", 111_000, "129.2", "illinois-smart-city-region"),
    ("kansas-city-mo", "캔자스시티", "Kansas City, Missouri", "US", "Missouri", 510_000, "826.1", "kc-digital-drive"),
    ("tucson", "투손", "City of Tucson", "US", "Arizona", 545_000, "627.3", "southern-arizona-smart-region"),
    ("jacksonville", "잭슨빌", "City of Jacksonville", "US", "Florida", 985_000, "2265.0", "smart-north-florida"),
    # partner cities abroad, outside any regional consortium
    ("copenhagen", "코펜하겐", "City of Copenhagen", "DK", "Capital Region", 660_000, "86.2", None),
    ("brisbane", "브리즈번", "Brisbane City Council", "AU", "Queensland", 1_290_000, "1343.0", None),
    ("berlin", "베를린", "State of Berlin", "DE", "Berlin", 3_780_000, "891.1", None),
    ("helsinki", "헬싱키", "City of Helsinki", "FI", "Uusimaa", 675_000, "214.3", None),
    ("amsterdam", "암스테르담", "City of Amsterdam", "NL", "North Holland", 930_000, "219.3", None),
    ("taipei", "타이베이", "Taipei City Government", "TW", "Taipei", 2_490_000, "271.8", None),
    ("singapore", "싱가포르", "Singapore", "SG", "", 5_920_000, "734.3", None),
]
# What each member says about itself (facts from the seed documents where they give them).
DESCRIPTIONS = {
    "korea-smart-coalition": ("대구·부천·수원 등 각자 추진하던 스마트시티 사업을 묶어 경험을 나누려는 국내 도시 연합.",
                              "Korean cities that ran their smart-city programmes separately, now pooling what they learn."),
    "nscp": ("미국 7개 지역 스마트시티 연합체가 함께 만든 전국 파트너십. 지방정부·기업·대학 100여 곳이 참여한다.",
             "Seven US regional smart-city consortia joined in one partnership of 100+ governments, companies and universities."),
    "daegu": ("국가 스마트시티 데이터 허브 모델을 운영하며 개방형 데이터 표준과 오픈소스 개발을 이끈다.",
              "Runs the national smart-city data hub model, with open data standards and open-source development."),
    "bucheon": ("도시 데이터 기반의 교통·안전 서비스를 독자적으로 발전시켜 온 경기도의 도시.",
                "A Gyeonggi city that grew its own data-driven mobility and safety services."),
    "suwon": ("시민 참여형 리빙랩으로 모빌리티와 생활 서비스를 실증한다.",
              "Tests mobility and everyday services in citizen living labs."),
    "busan": ("에코델타시티 특수목적법인을 통해 스마트시티를 조성하며 운영 주체 변화의 교훈을 공유한다.",
              "Builds Eco Delta City through a special-purpose company and shares lessons from its changes of operator."),
    "seoul": ("WeGO 의장 도시로서 130여 도시와 전자정부 경험을 나눠 왔다.",
              "Chairs WeGO and has shared e-government know-how with more than 130 cities."),
    "denver": ("콜로라도 스마트시티 연합의 창립 도시.", "A founding city of the Colorado Smart Cities Alliance."),
    "phoenix": ("피닉스 권역 연합 커넥티브의 중심 도시.", "The core city of the Connective regional partnership."),
    "colorado-smart-cities-alliance": ("콜로라도 주의 도시·기업·대학이 함께하는 스마트시티 연합.",
                                       "Colorado's cities, companies and universities working on smart-city projects together."),
    "north-texas-innovation-alliance": ("북텍사스 지역의 지방정부와 기업이 공동 실증을 추진하는 혁신 연합.",
                                        "North Texas governments and companies running joint pilots."),
    "connective": ("피닉스 권역의 공공·민간·학계 스마트 리전 파트너십.",
                   "The Greater Phoenix smart-region partnership of public, private and academic members."),
    "illinois-smart-city-region": ("일리노이 주 도시와 지역의 스마트시티 협회.",
                                   "The association of Illinois cities and regions pursuing smart-city work."),
    "kc-digital-drive": ("캔자스시티의 디지털 포용과 스마트시티 사업을 이끄는 비영리 연합.",
                         "Kansas City's non-profit for digital inclusion and smart-city projects."),
    "southern-arizona-smart-region": ("지역 협력 센터가 이끄는 남부 애리조나 스마트 리전.",
                                      "Southern Arizona's smart region, led by a regional partnership centre."),
    "smart-north-florida": ("잭슨빌을 중심으로 한 북플로리다 스마트 리전 연합.",
                            "The North Florida smart-region coalition centred on Jacksonville."),
    "arlington-tx": ("자율주행 셔틀 등 모빌리티 실증을 이어 온 텍사스의 도시.",
                     "A Texas city known for its autonomous shuttle and mobility pilots."),
    "peoria-il": ("일리노이 중부의 스마트시티 실증 도시.", "A central Illinois city testing smart-city services."),
    "kansas-city-mo": ("스마트 코리도와 공공 와이파이로 알려진 미주리 주의 도시.",
                       "The Missouri city known for its smart corridor and public Wi-Fi."),
    "tucson": ("물 관리와 폭염 대응을 중심으로 회복력을 키우는 도시.",
               "Builds resilience around water management and extreme heat."),
    "jacksonville": ("홍수와 허리케인에 대비한 회복력 사업을 추진하는 도시.",
                     "Pursues resilience projects against flooding and hurricanes."),
    "copenhagen": ("글로벌 기업과 직접 손잡고 대기질 측정을 실험했고, 노르딕 스마트시티 네트워크에서 활동한다.",
                   "Tested air-quality mapping directly with a global company; active in the Nordic Smart City Network."),
    "brisbane": ("공유자전거와 대중교통 정보 등 교통 서비스의 대부분을 민간 재원으로 운영하는 도시.",
                 "Most of its transport services, from bike share to journey planning, run on private money."),
    "berlin": ("160여 이해관계자의 스마트시티 베를린 네트워크와 에너지 기업이 모인 EUREF 캠퍼스로 알려진 도시.",
               "Known for the Smart City Berlin Network of 160+ stakeholders and the EUREF energy campus."),
    "helsinki": ("시 소유 혁신 기업 포럼 비리움의 파트너 네트워크로 실증을 이끄는 도시.",
                 "Runs its pilots through the partner network of Forum Virium, the city's innovation company."),
    "amsterdam": ("정부·기업·지식 기관이 함께하는 암스테르담 스마트시티 파트너십의 도시.",
                  "Home of the Amsterdam Smart City partnership of government, companies and knowledge institutions."),
    "taipei": ("회원사 4천여 곳의 컴퓨터 산업 협회와 함께 스마트시티를 추진하고, GO SMART 도시 네트워크를 만들었다.",
               "Works with a computer industry association of about 4,000 members and founded the GO SMART network."),
    "singapore": ("스마트 가로등과 자율주행 버스 등 기반시설 실증을 정부가 직접 이끄는 도시국가.",
                  "A city-state whose government leads infrastructure pilots such as smart lamp posts and autonomous buses."),
}
PARTNERS = [
    # slug, kind, Korean, English, country, description (en), description (ko)
    ("hanbit-telecom", K.VENDOR, "한빛텔레콤", "Hanbit Telecom", "KR",
     "5G network operator building city control centres, smart-building energy and water management.",
     "도시 통합관제, 스마트 빌딩 에너지, 수자원 관리를 구축하는 5G 통신사업자."),
    ("saebyeok-mobility", K.VENDOR, "새벽모빌리티", "Saebyeok Mobility", "KR",
     "Demand-responsive transit and mobility-as-a-service platforms for mid-sized cities.",
     "중소도시를 위한 수요응답형 교통과 통합 모빌리티(MaaS) 플랫폼."),
    ("civicsense-analytics", K.VENDOR, "시빅센스 애널리틱스", "CivicSense Analytics", "US",
     "Open-data hubs and air-quality sensing networks that feed results back to the city.",
     "결과 데이터를 도시에 되돌려주는 개방형 데이터 허브와 대기질 센서망."),
    ("kyungpook-university", K.RESEARCH, "경북대학교", "Kyungpook National University", "KR",
     "Urban data science research partner of the Daegu data hub.",
     "대구 데이터 허브의 도시 데이터 과학 연구 파트너."),
    ("university-of-arizona", K.RESEARCH, "애리조나대학교", "University of Arizona", "US",
     "Research partner of the Southern Arizona Smart Region.",
     "남부 애리조나 스마트 리전의 연구 파트너."),
    ("smart-city-foundation", K.PUBLIC_AGENCY, "스마트도시 협력재단", "Smart City Cooperation Foundation", "KR",
     "Foundation co-funding the consortium's operating budget and joint research.",
     "연합의 운영 예산과 공동 연구를 함께 지원하는 재단."),
    ("hanwool-security", K.VENDOR, "한울시큐리티", "Hanwool Security", "KR",
     "Security monitoring and penetration testing for city data hubs, public Wi-Fi and digital identity.",
     "도시 데이터 허브, 공공 와이파이, 디지털 신원 인증의 보안관제와 모의 해킹을 맡는 보안 기업."),
    ("atlas-mapping-labs", K.VENDOR, "아틀라스 매핑 랩스", "Atlas Mapping Labs", "US",
     "Global mapping company whose street-imaging cars can carry environmental sensors.",
     "거리 촬영 차량에 환경 센서를 달아 도시를 측정하는 글로벌 지도 기업."),
    ("jacaranda-mobility", K.VENDOR, "자카란다 모빌리티", "Jacaranda Mobility", "AU",
     "Shared e-scooter and e-bike operator that started in Brisbane and now also runs in Korea.",
     "브리즈번에서 시작해 한국에도 진출한 공유 전동킥보드·전기자전거 운영사."),
    ("spreewerk-energy", K.VENDOR, "슈프레베르크 에너지", "Spreewerk Energy", "DE",
     "Microgrids, shared batteries and charging systems, developed on a Berlin energy campus.",
     "베를린 에너지 캠퍼스에서 키운 마이크로그리드·공동 배터리·충전 시스템 기업."),
    ("formosa-iot", K.VENDOR, "포모사 IoT", "Formosa IoT", "TW",
     "Taipei maker of smart poles that combine lighting, telecoms and sensors.",
     "조명·통신·센서를 기둥 하나에 합친 스마트 폴을 만드는 타이베이 기업."),
    ("dgist", K.RESEARCH, "대구경북과학기술원", "DGIST", "KR",
     "Daegu's science and technology institute, researching autonomous driving and robotics.",
     "자율주행과 로봇을 연구하는 대구의 과학기술원."),
    ("technical-university-of-denmark", K.RESEARCH, "덴마크공과대학교", "Technical University of Denmark", "DK",
     "Validates sensor data and evaluates transport projects with Copenhagen.",
     "코펜하겐과 함께 센서 데이터를 검증하고 교통 사업을 평가하는 대학."),
    ("tu-berlin", K.RESEARCH, "베를린공과대학교", "Technische Universität Berlin", "DE",
     "Energy-transition and urban digital-twin research in Berlin.",
     "베를린에서 에너지 전환과 도시 디지털 트윈을 연구하는 대학."),
    ("arizona-state-university", K.RESEARCH, "애리조나주립대학교", "Arizona State University", "US",
     "Urban heat research partner of the Greater Phoenix region.",
     "피닉스 권역의 도시 열섬 연구 파트너."),
    ("ut-arlington", K.RESEARCH, "텍사스대학교 알링턴", "University of Texas at Arlington", "US",
     "Evaluates Arlington's mobility pilots independently.",
     "알링턴 모빌리티 실증을 독립적으로 평가하는 대학."),
    ("ntu-singapore", K.RESEARCH, "난양공과대학교", "Nanyang Technological University", "SG",
     "Runs a test centre that certifies autonomous vehicles before they go on public roads.",
     "자율주행차가 일반 도로에 나가기 전 인증 시험을 하는 시험센터를 운영하는 대학."),
    ("k-water", K.PUBLIC_AGENCY, "한국수자원공사", "K-water", "KR",
     "Public water corporation developing Busan Eco Delta City and its smart water services.",
     "부산 에코델타시티와 스마트 물관리를 조성하는 공공 물 관리 기관."),
    ("forum-virium-helsinki", K.PUBLIC_AGENCY, "포럼 비리움 헬싱키", "Forum Virium Helsinki", "FI",
     "The City of Helsinki's innovation company, running test beds with a partner network.",
     "파트너 네트워크와 함께 실증 테스트베드를 운영하는 헬싱키시 소유 혁신 기업."),
    ("amsterdam-smart-city", K.PUBLIC_AGENCY, "암스테르담 스마트시티", "Amsterdam Smart City", "NL",
     "Public–private partnership of government, companies, knowledge institutions and residents.",
     "정부·기업·지식 기관·시민이 함께하는 민관 파트너십 조직."),
]
PEOPLE = [
    # e-mail, Korean name, English name, organisation, role, job title
    ("admin.daegu@demo.example", "김도윤", "Kim Do-yun", "daegu", Role.ORG_ADMIN, "Head of Smart City Division"),
    ("officer.daegu@demo.example", "이서연", "Lee Seo-yeon", "daegu", Role.OFFICER, "Data Hub Manager"),
    ("officer2.daegu@demo.example", "박지호", "Park Ji-ho", "daegu", Role.OFFICER, "Mobility Planner"),
    ("admin.bucheon@demo.example", "최민준", "Choi Min-jun", "bucheon", Role.ORG_ADMIN, "Smart City Team Lead"),
    ("officer.bucheon@demo.example", "정하은", "Jung Ha-eun", "bucheon", Role.OFFICER, "Safety Services Officer"),
    ("admin.suwon@demo.example", "강예준", "Kang Ye-jun", "suwon", Role.ORG_ADMIN, "Director of Digital Policy"),
    ("officer.suwon@demo.example", "윤수아", "Yoon Su-a", "suwon", Role.OFFICER, "Living Lab Coordinator"),
    ("admin.busan@demo.example", "조은우", "Cho Eun-woo", "busan", Role.ORG_ADMIN, "Eco Delta City Liaison"),
    ("officer.busan@demo.example", "임도현", "Lim Do-hyun", "busan", Role.OFFICER, "Energy Officer"),
    ("admin.seoul@demo.example", "신서윤", "Shin Seo-yoon", "seoul", Role.ORG_ADMIN, "Global Partnerships Lead"),
    ("officer.seoul@demo.example", "권민재", "Kwon Min-jae", "seoul", Role.OFFICER, "Cybersecurity Officer"),
    ("admin.denver@demo.example", "노아 밀러", "Noah Miller", "denver", Role.ORG_ADMIN, "Chief Innovation Officer"),
    ("officer.denver@demo.example", "엠마 존슨", "Emma Johnson", "denver", Role.OFFICER, "Smart Mobility Analyst"),
    ("officer.phoenix@demo.example", "루카스 가르시아", "Lucas Garcia", "phoenix", Role.OFFICER, "Resilience Planner"),
    ("admin.phoenix@demo.example", "소피아 마르티네스", "Sofia Martinez", "phoenix", Role.ORG_ADMIN, "Smart Region Director"),
    ("admin.arlington@demo.example", "제임스 브라운", "James Brown", "arlington-tx", Role.ORG_ADMIN, "Transportation Innovation Manager"),
    ("officer.arlington@demo.example", "아바 윌슨", "Ava Wilson", "arlington-tx", Role.OFFICER, "Mobility Analyst"),
    ("admin.peoria@demo.example", "벤저민 무어", "Benjamin Moore", "peoria-il", Role.ORG_ADMIN, "Innovation Officer"),
    ("officer.peoria@demo.example", "미아 테일러", "Mia Taylor", "peoria-il", Role.OFFICER, "GIS Specialist"),
    ("admin.kc@demo.example", "윌리엄 앤더슨", "William Anderson", "kansas-city-mo", Role.ORG_ADMIN, "Chief Data Officer"),
    ("officer.kc@demo.example", "샬럿 토머스", "Charlotte Thomas", "kansas-city-mo", Role.OFFICER, "Digital Equity Lead"),
    ("admin.tucson@demo.example", "헨리 잭슨", "Henry Jackson", "tucson", Role.ORG_ADMIN, "Resilience Director"),
    ("officer.tucson@demo.example", "아멜리아 화이트", "Amelia White", "tucson", Role.OFFICER, "Heat Programme Manager"),
    ("admin.jacksonville@demo.example", "알렉산더 해리스", "Alexander Harris", "jacksonville", Role.ORG_ADMIN, "Chief Resilience Officer"),
    ("officer.jacksonville@demo.example", "하퍼 클라크", "Harper Clark", "jacksonville", Role.OFFICER, "Flood Programme Engineer"),
    ("vendor@demo.example", "한지민", "Han Ji-min", "hanbit-telecom", Role.ORG_ADMIN, "Public Sector Director"),
    ("sales.hanbit@demo.example", "오승우", "Oh Seung-woo", "hanbit-telecom", Role.OFFICER, "Account Manager"),
    ("admin.saebyeok@demo.example", "서하준", "Seo Ha-jun", "saebyeok-mobility", Role.ORG_ADMIN, "CEO"),
    ("pm.saebyeok@demo.example", "문지아", "Moon Ji-a", "saebyeok-mobility", Role.OFFICER, "Product Manager"),
    ("vendor.civicsense@demo.example", "올리비아 첸", "Olivia Chen", "civicsense-analytics", Role.ORG_ADMIN, "Head of Partnerships"),
    ("eng.civicsense@demo.example", "이선 박", "Ethan Park", "civicsense-analytics", Role.OFFICER, "Solutions Engineer"),
    ("research.knu@demo.example", "배수민", "Bae Su-min", "kyungpook-university", Role.ORG_ADMIN, "Professor of Urban Data Science"),
]
STAFF = ("staff@demo.example", "송유진", "Song Yu-jin")
# Staff need a second factor for the admin: the demo staff login gets this TOTP secret
# (add it to an authenticator app, or run `manage.py demo_totp` for the current code).
STAFF_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"  # noqa: S105 - demo only
DEMO_PASSWORD = "demo-portal-2026"  # noqa: S105 - development only; seed_demo prints it
MEMBER_SINCE = datetime.date(2025, 3, 1)
PHONES = {"KR": "+82 53-000-0000", "DK": "+45 3300 0000", "AU": "+61 7 3000 0000",
          "DE": "+49 30 000000", "FI": "+358 9 000 0000", "NL": "+31 20 000 0000",
          "TW": "+886 2 0000 0000", "SG": "+65 6000 0000"}  # placeholder numbers


def _organisation(slug: str, **fields) -> Organisation:
    fields.setdefault("membership_status", MembershipStatus.ACTIVE)
    fields.setdefault("member_since", MEMBER_SINCE)
    fields.setdefault("status_changed_on", MEMBER_SINCE)
    fields.setdefault("contact_email", f"smartcity@{slug}.example")
    fields.setdefault("contact_phone", PHONES.get(fields["country"], "+1 555-0100"))
    fields.setdefault("website", f"https://{slug}.example")
    if slug in DESCRIPTIONS:
        fields["description_ko"], fields["description_en"] = DESCRIPTIONS[slug]
    org, _ = Organisation.objects.update_or_create(slug=slug, defaults=fields)
    return org


def _person(email: str, name_ko: str, name_en: str, job_title: str, *, korean: bool,
            is_staff: bool = False) -> User:
    first, _, last = name_en.partition(" ")
    user, created = User.objects.update_or_create(
        email=email,
        defaults={"display_name_ko": name_ko, "display_name_en": name_en, "first_name": first,
                  "last_name": last, "is_staff": is_staff, "job_title": job_title,
                  "languages": "Korean, English" if korean else "English",
                  "preferred_language": "ko" if korean else "en",
                  "time_zone": "Asia/Seoul" if korean else "America/Denver"},
    )
    if created or not user.check_password(DEMO_PASSWORD):
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


def seed() -> dict[str, str]:
    """Create or update the demo organisations and people; returns login → role."""
    for slug, name_ko, name_en, country, region, parent in CONSORTIA:
        _organisation(slug, kind=K.REGIONAL_CONSORTIUM, name_ko=name_ko, name_en=name_en,
                      country=country, region=region,
                      consortium=Organisation.objects.filter(slug=parent).first())
    for slug, name_ko, name_en, country, region, population, area, consortium in CITIES:
        _organisation(slug, kind=K.CITY, name_ko=name_ko, name_en=name_en, country=country,
                      region=region, population=population, area_km2=Decimal(area),
                      consortium=Organisation.objects.get(slug=consortium) if consortium else None)
    for slug, kind, name_ko, name_en, country, description_en, description_ko in PARTNERS:
        _organisation(slug, kind=kind, name_ko=name_ko, name_en=name_en, country=country,
                      description_en=description_en, description_ko=description_ko)

    logins = {}
    staff = _person(*STAFF, "Network Coordinator", korean=True, is_staff=True)
    staff.groups.add(ensure_staff_group())  # with its page rights, whatever ran before
    if not Authenticator.objects.filter(user=staff, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(staff, STAFF_TOTP_SECRET)
    logins[staff.email] = "consortium staff (TOTP secret printed below)"
    for email, name_ko, name_en, org_slug, role, job_title in PEOPLE:
        org = Organisation.objects.get(slug=org_slug)
        user = _person(email, name_ko, name_en, job_title, korean=org.country == "KR")
        Membership.objects.update_or_create(user=user, organisation=org, defaults={"role": role})
        logins[email] = f"{Role(role).label.lower()} · {org.name_en} ({org.get_kind_display()})"
    return logins
