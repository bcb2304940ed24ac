"""The relevance suite's own content and queries, shared by tests/search/test_relevance.py
(which asserts a floor) and tests/bench/relevance_bench.py (which prints the figures).

Twenty-four short notes about member cities' projects, some in both languages, some only in
Korean or only in English; each query names the notes a reader on that language's pages
should find first.
"""

import datetime
from collections.abc import Iterator

from members.demo import CITIES
from members.models import Organisation
from search import glossary
from search.query import SearchQuery
from search.registry import PUBLIC, SearchableType, SearchRecord
from tests.factories import OrganisationFactory

# key -> {language: (title, summary)}
NOTES = {
    "daegu-hub": {
        "ko": ("대구 스마트시티 데이터 허브",
               "대구광역시는 도시 데이터를 한곳에 모으는 데이터허브를 운영하며 "
               "다른 도시와 공유한다."),
        "en": ("Daegu smart city data hub",
               "Daegu Metropolitan City gathers the city's data in one hub and shares it "
               "with other cities."),
    },
    "suwon-parking": {
        "ko": ("수원시 스마트주차 안내 서비스",
               "수원시는 공영 주차장에 센서를 달아 빈 주차면을 실시간으로 안내한다."),
    },
    "denver-lights": {
        "en": ("Denver smart streetlights",
               "Denver replaced 40,000 street lights with LED fixtures that dim at night and "
               "report faults."),
    },
    "busan-water": {
        "ko": ("부산 에코델타시티 스마트 물관리",
               "에코델타시티는 정수 처리와 누수를 실시간으로 관리한다."),
        "en": ("Smart water management in Busan Eco Delta City",
               "Eco Delta City monitors water treatment and leaks in real time."),
    },
    "copenhagen-air": {
        "en": ("Air quality sensors in Copenhagen",
               "Copenhagen and Google mapped air pollution street by street with sensors on "
               "cars."),
    },
    "bucheon-dust": {
        "ko": ("부천시 미세먼지 알림",
               "부천시는 초등학교 주변에 미세먼지 측정기를 설치해 학부모에게 알림을 보낸다."),
    },
    "phoenix-heat": {
        "en": ("Phoenix urban heat mapping",
               "Phoenix measures heat islands and plants shade trees where heat waves hit "
               "hardest."),
    },
    "seoul-bus": {
        "ko": ("서울 심야 올빼미 버스", "서울시는 통신 데이터를 분석해 심야버스 노선을 정했다."),
        "en": ("Seoul night owl buses",
               "Seoul analysed mobile phone data to route its late-night buses."),
    },
    "daegu-shuttle": {
        "ko": ("대구 자율주행 셔틀 실증",
               "대구 수성알파시티에서 자율주행 셔틀이 시민을 태우고 달린다."),
    },
    "tucson-leaks": {
        "en": ("Tucson pipe leak detection",
               "Tucson Water finds pipe leaks with acoustic sensors before they burst."),
    },
    "helsinki-lab": {
        "en": ("Helsinki living labs with Forum Virium",
               "Forum Virium runs living labs where residents test new city services."),
    },
    "suwon-cctv": {
        "ko": ("수원시 통합관제센터 CCTV 안전",
               "수원시 통합관제센터는 CCTV 영상을 분석해 범죄와 사고에 대응한다."),
    },
    "kansas-wifi": {
        "en": ("Kansas City public Wi-Fi on the streetcar line",
               "Free public Wi-Fi along the streetcar corridor, with smart kiosks."),
    },
    "seoul-ev": {
        "ko": ("서울 전기차 충전 인프라", "서울시는 공동주택 주차장에 전기차 충전기를 늘렸다."),
        "en": ("Seoul EV charging infrastructure",
               "Seoul added electric vehicle chargers in apartment car parks."),
    },
    "busan-flood": {
        "ko": ("부산 침수 조기경보", "부산시는 하천 수위 센서로 침수 위험을 미리 알린다."),
    },
    "berlin-euref": {
        "en": ("Berlin EUREF-Campus energy cluster",
               "About 150 energy and mobility firms share a former gasworks site in Berlin."),
    },
    "daegu-cyber": {
        "ko": ("대구 사이버보안 관제", "대구시는 도시 기반시설의 사이버보안 위협을 감시한다."),
        "en": ("Daegu cybersecurity operations",
               "Daegu watches for cyber threats against city infrastructure."),
    },
    "amsterdam-bikes": {
        "en": ("Amsterdam bike sharing data",
               "Amsterdam publishes open data on shared bicycles across the city."),
    },
    "bucheon-care": {
        "ko": ("부천시 어르신 돌봄 IoT",
               "부천시는 홀로 사는 어르신 가정에 사물인터넷 센서를 설치해 돌봄을 지원한다."),
    },
    "denver-signals": {
        "en": ("Denver traffic signal priority for buses",
               "Traffic lights in Denver give buses priority to cut travel time."),
    },
    "taipei-bins": {
        "en": ("Taipei smart waste bins",
               "Taipei's solar compacting bins tell crews when they are full."),
    },
    "singapore-twin": {
        "ko": ("싱가포르 디지털 트윈",
               "싱가포르는 도시 전체를 3차원 디지털트윈으로 만들어 계획에 쓴다."),
        "en": ("Virtual Singapore digital twin",
               "Singapore plans the city with a 3D digital twin."),
    },
    "seoul-forest": {
        "ko": ("서울숲 공원 녹지 확충", "서울시는 성수동 공원과 녹지를 넓혀 시민 쉼터를 늘렸다."),
    },
    "suwon-solar": {
        "ko": ("수원시 태양광 지붕", "수원시는 공공건물 지붕에 태양광 패널을 설치했다."),
    },
}
DAEGU = ("daegu-hub", "daegu-cyber", "daegu-shuttle")
SUWON = ("suwon-parking", "suwon-cctv", "suwon-solar")
DENVER = ("denver-lights", "denver-signals")

# (the reader's language, what they type, the notes that should come first), by what each
# row exercises.
QUERIES = [
    # compounds written with or without the space
    ("ko", "스마트주차", ("suwon-parking",)),
    ("ko", "스마트 주차", ("suwon-parking",)),
    ("ko", "데이터허브", ("daegu-hub",)),
    ("ko", "디지털트윈", ("singapore-twin",)),
    ("ko", "디지털 트윈", ("singapore-twin",)),
    ("ko", "심야버스", ("seoul-bus",)),
    ("ko", "통합관제센터", ("suwon-cctv",)),
    ("ko", "사이버 보안", ("daegu-cyber",)),
    # particles and endings
    ("ko", "공영 주차장에서", ("suwon-parking",)),
    ("ko", "데이터 허브를", ("daegu-hub",)),
    ("ko", "미세먼지 알림을", ("bucheon-dust",)),
    ("ko", "자율주행 셔틀은", ("daegu-shuttle",)),
    ("ko", "어르신의 돌봄", ("bucheon-care",)),
    ("ko", "태양광으로", ("suwon-solar",)),
    ("ko", "침수 경보가", ("busan-flood",)),
    ("ko", "전기차 충전을", ("seoul-ev",)),
    # plain Korean words
    ("ko", "미세먼지", ("bucheon-dust",)),
    ("ko", "물관리", ("busan-water",)),
    ("ko", "누수", ("busan-water",)),
    ("ko", "올빼미 버스", ("seoul-bus",)),
    ("ko", "사이버보안", ("daegu-cyber",)),
    # English stems and most-words matching
    ("en", "streetlight", ("denver-lights",)),
    ("en", "street lights", ("denver-lights",)),
    ("en", "air quality sensor", ("copenhagen-air",)),
    ("en", "air quality sensors", ("copenhagen-air",)),
    ("en", "living lab", ("helsinki-lab",)),
    ("en", "digital twins", ("singapore-twin",)),
    ("en", "urban heat", ("phoenix-heat",)),
    ("en", "gasworks", ("berlin-euref",)),
    ("en", "night buses", ("seoul-bus",)),
    ("en", "EV chargers", ("seoul-ev",)),
    ("en", "smart waste bins", ("taipei-bins",)),
    ("en", "public wifi streetcar", ("kansas-wifi",)),
    ("en", "pipe leaks acoustic", ("tucson-leaks",)),
    ("en", "traffic signals priority buses", ("denver-signals",)),
    ("en", "cybersecurity", ("daegu-cyber",)),
    # typos
    ("en", "streetlihgts", ("denver-lights",)),
    ("en", "air qualty sensors", ("copenhagen-air",)),
    ("en", "gaswroks", ("berlin-euref",)),
    ("en", "Copenhagn air", ("copenhagen-air",)),
    ("en", "digitl twin", ("singapore-twin",)),
    ("en", "cybersecurty", ("daegu-cyber",)),
    # across languages: a Korean word finds English notes and the reverse
    ("ko", "대기질", ("copenhagen-air",)),
    ("ko", "가로등", ("denver-lights",)),
    ("ko", "폭염", ("phoenix-heat",)),
    ("ko", "리빙랩", ("helsinki-lab",)),
    ("ko", "교통신호 버스 우선", ("denver-signals",)),
    ("ko", "자전거 공유", ("amsterdam-bikes",)),
    ("ko", "스마트 쓰레기통", ("taipei-bins",)),
    ("en", "smart parking", ("suwon-parking",)),
    ("en", "parking sensors", ("suwon-parking",)),
    ("en", "fine dust", ("bucheon-dust",)),
    ("en", "PM2.5", ("bucheon-dust",)),
    ("en", "flood early warning", ("busan-flood",)),
    ("en", "elderly care", ("bucheon-care",)),
    ("en", "self-driving shuttle", ("daegu-shuttle",)),
    ("en", "control centre CCTV", ("suwon-cctv",)),
    ("en", "solar power", ("suwon-solar", "taipei-bins")),  # solar compacting bins too
    ("en", "green space", ("seoul-forest",)),
    ("en", "urban park", ("seoul-forest",)),
    # a stem shared by two words: parking is not a park
    ("en", "parking", ("suwon-parking", "seoul-ev")),
    ("ko", "parking", ("suwon-parking", "seoul-ev")),
    ("ko", "공원", ("seoul-forest",)),
    # names in either script, on either side
    ("ko", "대구", DAEGU),
    ("ko", "Daegu", DAEGU),
    ("ko", "수원", SUWON),
    ("ko", "덴버", DENVER),
    ("ko", "코펜하겐 대기질", ("copenhagen-air",)),
    ("ko", "헬싱키", ("helsinki-lab",)),
    ("ko", "에코델타시티", ("busan-water",)),
    ("ko", "Phoenix", ("phoenix-heat",)),
    ("en", "Daegu", DAEGU),
    ("en", "대구", DAEGU),
    ("en", "수원시", SUWON),
    ("en", "Suwon", SUWON),
    ("en", "Denver", DENVER),
    ("en", "Bucheon dust", ("bucheon-dust",)),
    ("en", "Eco Delta City", ("busan-water",)),
    ("en", "Forum Virium", ("helsinki-lab",)),
    ("en", "Singapore", ("singapore-twin",)),
]


def note_records(org: Organisation) -> Iterator[SearchRecord]:
    key = org.slug.removeprefix("note-")
    for language, (title, summary) in NOTES[key].items():
        yield SearchRecord(kind="note", object_id=key, language=language, title=title,
                           summary=summary, date=datetime.date(2025, 1, 1),
                           url=f"/notes/{key}/", audiences=(PUBLIC,))


def build(engine, register) -> None:
    """The cities (named in both scripts in the glossary), the notes, the index."""
    for slug, name_ko, name_en, country, *_rest in CITIES:
        OrganisationFactory(slug=slug, name_ko=name_ko, name_en=name_en, country=country)
    for key in NOTES:
        OrganisationFactory(slug=f"note-{key}", name_ko=f"기록 {key}", name_en=f"Note {key}")
    register(SearchableType(
        kind="note", model=Organisation, label="Note", to_records=note_records,
        indexable=lambda: Organisation.objects.filter(slug__startswith="note-")))
    glossary.seed()
    engine.rebuild()
    engine.refresh()


def ranked(engine, language: str, text: str) -> list[str]:
    query = SearchQuery(audiences=frozenset({PUBLIC}), text=text, language=language,
                        filters={"kind": ("note",)}, per_page=5)
    return [hit.object_id for hit in engine.search(query).hits]


def measure(engine) -> tuple[float, float, list[tuple[str, str, tuple[str, ...], list[str]]]]:
    """Precision at 1, recall at 3, and the queries that missed either."""
    first = found = 0.0
    misses = []
    for language, text, expected in QUERIES:
        top = ranked(engine, language, text)
        hit_first = bool(top) and top[0] in expected
        recall = len(set(top[:3]) & set(expected)) / min(3, len(expected))
        first += hit_first
        found += recall
        if not hit_first or recall < 1:
            misses.append((language, text, expected, top[:3]))
    return first / len(QUERIES), found / len(QUERIES), misses
