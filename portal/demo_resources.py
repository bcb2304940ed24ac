"""Demo resources for the library, each a small real file made here (PDF, CSV or plain text)
with its page in Korean and English. Facts follow the seed documents; wording is our own."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

LIBRARY = [
    {"title": "자료실", "introduction": "연합과 회원 도시가 만든 보고서, 안내서, 서식, 발표 자료와 "
     "데이터를 종류와 주제, 문서 언어로 찾아볼 수 있습니다.", "show_in_menus": True},
    {"title": "Resource library", "introduction": "Reports, guides, templates, slides and data "
     "sets from the consortium and its member cities, by kind, theme and the language of the "
     "document.", "show_in_menus": True},
]


def pdf(lines: list[str]) -> bytes:
    """A one-page PDF 1.4 showing ``lines`` in Helvetica (ASCII text only)."""
    def escape(text: str) -> str:
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    shown = " T* ".join(f"({escape(line)}) Tj" for line in lines)
    stream = f"BT /F1 11 Tf 56 780 Td 16 TL {shown} ET".encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


def text(lines: list[str]) -> bytes:
    return ("\n".join(lines) + "\n").encode("utf-8")


@dataclass(frozen=True)
class DemoResource:
    slug: str
    kind: str
    language: str  # of the document
    members_only: bool
    date: datetime.date
    themes: tuple[str, ...]
    filename: str
    document_title: str
    content: Callable[[], bytes]
    korean: tuple[str, str]  # title, summary
    english: tuple[str, str]


RESOURCES = [
    DemoResource(
        "smart-cities-index-2022", "report", "en", False, datetime.date(2022, 11, 30),
        ("connectivity", "sustainability"), "smart-cities-index-2022-partnerships.pdf",
        "Smart Cities Index 2022: collaborative partnership",
        lambda: pdf(["Smart Cities Index 2022 - collaborative partnership (summary)",
                     "Survey of 31 cities worldwide on how smart-city work is funded.",
                     "Public funding: 51.3 %   Private funding: 36.6 %   Public-private: 12.1 %",
                     "In the 2019 survey public money was 41 % and private or PPP 59 %.",
                     "Public-led: Seoul 90 %, Moscow 79 %, Shanghai 70 %, Singapore 64 %.",
                     "Private-led: Brisbane 80 %, Berlin 78 %, Sydney 63 %.",
                     "Public-private led: Los Angeles 67 %, Santiago 32 %."]),
        ("스마트시티 지수 2022: 협력과 재원", "세계 31개 도시를 조사한 결과, 스마트시티 사업 재원은 공공 "
         "51.3%, 민간 36.6%, 민관 합동 12.1%로 나뉘었습니다. 도시별 재원 구조를 정리한 영문 보고서입니다."),
        ("Smart Cities Index 2022: partnership and funding", "Across the 31 cities surveyed, "
         "smart-city work was 51.3 % publicly funded, 36.6 % private and 12.1 % public-private; "
         "the report breaks the mix down city by city."),
    ),
    DemoResource(
        "funding-mix-31-cities", "dataset", "both", False, datetime.date(2022, 11, 30),
        ("sustainability",), "funding-mix-31-cities.csv", "Funding mix by city / 도시별 재원 구조",
        lambda: text(["city,도시,lead,주도,share_percent",
                      "Seoul,서울,public,공공,90", "Moscow,모스크바,public,공공,79",
                      "Shanghai,상하이,public,공공,70", "Singapore,싱가포르,public,공공,64",
                      "Brisbane,브리즈번,private,민간,80", "Berlin,베를린,private,민간,78",
                      "Sydney,시드니,private,민간,63", "Los Angeles,로스앤젤레스,ppp,민관,67",
                      "Santiago,산티아고,ppp,민관,32"]),
        ("도시별 스마트시티 재원 구조 데이터", "공공, 민간, 민관 합동 가운데 어떤 재원이 사업을 이끄는지 "
         "도시마다 정리한 CSV 파일입니다. 열 이름은 한국어와 영어를 함께 씁니다."),
        ("Funding mix by city (data)", "Which source leads each city's smart-city spending - "
         "public, private or public-private - as a CSV file with Korean and English headers."),
    ),
    DemoResource(
        "data-hub-replication-guide", "guide", "ko", False, datetime.date(2023, 3, 15),
        ("connectivity",), "data-hub-replication-guide.txt", "데이터 허브 도입 안내서",
        lambda: text(["데이터 허브 도입 안내서", "",
                      "1. 대구 스마트시티 데이터 허브 모델의 구성을 먼저 살펴봅니다.",
                      "2. 개방형 데이터 표준과 오픈소스 구성 요소를 그대로 씁니다.",
                      "3. 허브의 데이터로 만든 서비스는 결과 데이터를 다시 허브로 돌려줍니다.",
                      "4. 부천과 수원의 도입 과정에서 바꾼 점을 사례 페이지에서 확인합니다."]),
        ("데이터 허브 도입 안내서", "대구의 데이터 허브 모델을 다른 도시가 들여올 때 거칠 단계를 "
         "정리했습니다. 개방형 표준, 오픈소스, 데이터 환류가 핵심입니다."),
        ("Adopting the data hub: a guide", "The steps a city goes through to bring in Daegu's "
         "data hub model: open standards, open source and services that feed data back. "
         "Written in Korean."),
    ),
    DemoResource(
        "joint-bid-template", "template", "both", True, datetime.date(2024, 2, 1),
        ("connectivity", "mobility"), "joint-bid-template.txt", "공동 제안서 서식 / Joint bid template",
        lambda: text(["공동 제안서 서식 / Joint bid template", "",
                      "주관 기관 / Lead organisation:", "참여 기관과 역할 / Partners and roles:",
                      "확장할 사례 / Case studies to scale:", "요청 금액 / Amount requested:",
                      "공공·민간 대응 자금 / Public and private match:",
                      "일정과 과업 / Timeline and tasks:"]),
        ("공동 제안서 서식", "여러 도시와 기업이 함께 재원 공모에 낼 제안서의 뼈대입니다. 주관 기관, "
         "참여 기관의 역할, 대응 자금을 채우도록 되어 있습니다."),
        ("Joint bid template", "The skeleton of a bid several cities and companies submit "
         "together: lead, partners and their roles, the match each commits."),
    ),
    DemoResource(
        "five-themes-briefing", "presentation", "en", False, datetime.date(2024, 1, 9),
        ("connectivity", "cybersecurity", "mobility", "sustainability", "resilience"),
        "five-themes-briefing.pdf", "Five themes of the monthly meeting",
        lambda: pdf(["Five themes, one meeting a month", "",
                     "1. Connectivity   2. Cybersecurity   3. Mobility",
                     "4. Sustainability   5. Resilience",
                     "Second Tuesday of each month, 10:00 Seoul time, themes in turn."]),
        ("월례 회의 다섯 가지 주제 소개", "연결성, 사이버보안, 모빌리티, 지속가능성, 회복력을 "
         "돌아가며 다루는 월례 회의의 구성을 소개하는 발표 자료입니다."),
        ("The five meeting themes (slides)", "Slides introducing the monthly meeting and how it "
         "rotates through connectivity, cybersecurity, mobility, sustainability and resilience."),
    ),
    DemoResource(
        "control-centre-incident-exercise", "guide", "ko", False, datetime.date(2024, 6, 20),
        ("cybersecurity", "resilience"), "control-centre-incident-exercise.txt",
        "도시 관제센터 사고 대응 훈련 시나리오",
        lambda: text(["도시 관제센터 사고 대응 훈련 시나리오", "",
                      "상황: 폭우 중 교통 신호 제어 서버에 침입 시도가 탐지됨",
                      "1단계: 탐지와 보고 (15분 이내)", "2단계: 격리와 수동 운영 전환",
                      "3단계: 시민 안내와 유관 기관 연락", "4단계: 복구와 사후 검토"]),
        ("도시 관제센터 사고 대응 훈련 시나리오", "재난 상황에서 관제 시스템이 공격받는 경우를 가정한 "
         "훈련 순서입니다. 탐지부터 복구와 사후 검토까지 다룹니다."),
        ("Incident exercise for city control centres", "A drill for a control system under "
         "attack during a disaster, from detection to recovery and review. In Korean."),
    ),
    DemoResource(
        "partnership-models", "report", "en", False, datetime.date(2022, 12, 15),
        ("connectivity", "sustainability"), "partnership-models.pdf",
        "Five ways cities partner on smart-city work",
        lambda: pdf(["Five ways cities partner on smart-city work", "",
                     "1. Direct work with global companies and research institutes",
                     "2. Innovation hub networks",
                     "3. Special-purpose public-private companies",
                     "4. Industry associations",
                     "5. Inter-city networks"]),
        ("스마트시티 협력의 다섯 가지 방식", "글로벌 기업과의 직접 협력, 혁신 허브 네트워크, 민관 "
         "특수목적법인, 산업 협회, 도시 간 네트워크라는 다섯 유형을 사례와 함께 정리했습니다."),
        ("Five partnership models", "Direct work with global firms, innovation hub networks, "
         "special-purpose companies, industry associations and inter-city networks, with the "
         "cities that use each."),
    ),
    DemoResource(
        "adoption-pipeline", "dataset", "ko", True, datetime.date(2025, 1, 10),
        ("connectivity",), "adoption-pipeline.csv", "사례 도입 현황",
        lambda: text(["원 사례,원 도시,도입 도시,단계",
                      "스마트시티 데이터 허브,대구,부천,시범 운영",
                      "스마트시티 데이터 허브,대구,수원,계획"]),
        ("회원 도시 사례 도입 현황", "대구 데이터 허브를 들여오는 부천과 수원의 진행 단계를 정리한 "
         "회원 전용 데이터입니다."),
        ("Member cities' adoption pipeline", "Where Bucheon and Suwon stand in adopting Daegu's "
         "data hub: a members-only data set, in Korean."),
    ),
]
