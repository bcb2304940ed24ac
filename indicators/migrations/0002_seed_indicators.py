"""The standard indicators every portal starts with: ISO 37120:2018 (city services and quality of
life), ISO 37122:2019 (smart cities) and the ITU U4SSC key performance indicators, each with its
SDG 11 target where the standard maps one. Staff keep them in the admin afterwards; seeding again
leaves edited rows alone."""

from django.db import migrations

# (code, theme, unit, better when, SDG 11 target, English name, Korean name). U4SSC codes are the
# KPI numbers of ITU's collection methodology ("EC: ICT: ICT: 2C") written without spaces.
C, Y, M, S, R = "connectivity", "cybersecurity", "mobility", "sustainability", "resilience"
H, L = "higher", "lower"
ISO_37120 = [
    ("ISO37120:7.1", S, "GJ/capita/yr", L, "", "Total end-use energy consumption per capita", "1인당 최종 에너지 소비량"),
    ("ISO37120:7.2", S, "%", H, "", "Percentage of total end-use energy derived from renewable sources", "최종 에너지 소비 중 재생에너지 비율"),
    ("ISO37120:7.3", R, "%", H, "11.1", "Percentage of city population with authorized electrical service (residential)", "정식 전력 공급을 받는 인구 비율(주거)"),
    ("ISO37120:7.5", S, "GJ/m²/yr", L, "", "Final energy consumption of public buildings per year", "공공건물 연간 최종 에너지 소비량"),
    ("ISO37120:7.6", S, "kWh/km/yr", L, "", "Electricity consumption of public street lighting per kilometre of lighted street", "조명 도로 1km당 가로등 전력 소비량"),
    ("ISO37120:7.7", R, "h/yr", L, "", "Average annual hours of electrical service interruptions per household", "가구당 연평균 정전 시간"),
    ("ISO37120:8.1", S, "µg/m³", L, "11.6", "Fine particulate matter (PM2.5) concentration", "초미세먼지(PM2.5) 농도"),
    ("ISO37120:8.2", S, "µg/m³", L, "11.6", "Particulate matter (PM10) concentration", "미세먼지(PM10) 농도"),
    ("ISO37120:8.3", S, "tCO2e/capita", L, "", "Greenhouse gas emissions measured in tonnes per capita", "1인당 온실가스 배출량"),
    ("ISO37120:8.4", S, "µg/m³", L, "11.6", "NO2 (nitrogen dioxide) concentration", "이산화질소(NO2) 농도"),
    ("ISO37120:15.1", R, "per_100k", H, "", "Number of firefighters per 100 000 population", "인구 10만 명당 소방관 수"),
    ("ISO37120:15.2", R, "per_100k", L, "11.5", "Number of fire-related deaths per 100 000 population", "인구 10만 명당 화재 사망자 수"),
    ("ISO37120:15.3", R, "per_100k", L, "11.5", "Number of natural hazard-related deaths per 100 000 population", "인구 10만 명당 자연재해 사망자 수"),
    ("ISO37120:15.4", R, "per_100k", H, "", "Number of police officers per 100 000 population", "인구 10만 명당 경찰관 수"),
    ("ISO37120:15.7", R, "minutes", L, "", "Response time for emergency response services from initial call", "최초 신고부터 긴급 출동 서비스 도착까지 걸린 시간"),
    ("ISO37120:16.1", S, "%", H, "11.6", "Percentage of city population with regular solid waste collection (residential)", "정기적으로 생활폐기물을 수거하는 인구 비율"),
    ("ISO37120:16.2", S, "t/capita/yr", L, "11.6", "Total collected municipal solid waste per capita", "1인당 생활폐기물 수거량"),
    ("ISO37120:16.3", S, "%", H, "11.6", "Percentage of the city's solid waste that is recycled", "생활폐기물 재활용 비율"),
    ("ISO37120:18.1", C, "per_100k", H, "", "Number of internet connections per 100 000 population", "인구 10만 명당 인터넷 회선 수"),
    ("ISO37120:18.2", C, "per_100k", H, "", "Number of mobile phone connections per 100 000 population", "인구 10만 명당 이동전화 회선 수"),
    ("ISO37120:19.1", M, "km * per_100k", H, "11.2", "Kilometres of public transport system per 100 000 population", "인구 10만 명당 대중교통 노선 길이"),
    ("ISO37120:19.2", M, "trips/capita/yr", H, "11.2", "Annual number of public transport trips per capita", "1인당 연간 대중교통 이용 횟수"),
    ("ISO37120:19.3", M, "%", H, "11.2", "Percentage of commuters using a travel mode to work other than a personal vehicle", "자가용 외 수단으로 출퇴근하는 사람의 비율"),
    ("ISO37120:19.4", M, "km * per_100k", H, "11.2", "Kilometres of bicycle paths and lanes per 100 000 population", "인구 10만 명당 자전거 도로 길이"),
    ("ISO37120:19.5", M, "per_100k", L, "11.2", "Transportation fatalities per 100 000 population", "인구 10만 명당 교통사고 사망자 수"),
    ("ISO37120:19.6", M, "vehicles/capita", L, "", "Number of personal automobiles per capita", "1인당 자가용 승용차 수"),
    ("ISO37120:21.1", S, "ha * per_100k", H, "11.7", "Green area (hectares) per 100 000 population", "인구 10만 명당 녹지 면적(ha)"),
    ("ISO37120:23.1", R, "%", H, "", "Percentage of city population with potable water supply service", "상수도 서비스를 받는 인구 비율"),
    ("ISO37120:23.3", S, "L/capita/d", L, "", "Total domestic water consumption per capita", "1인당 가정용 물 사용량"),
    ("ISO37120:23.5", R, "h/yr", L, "", "Average annual hours of water service interruption per household", "가구당 연평균 단수 시간"),
    ("ISO37120:23.6", S, "%", L, "", "Percentage of water loss (unaccounted-for water)", "누수율(무수수량 비율)"),
]
ISO_37122 = [
    ("ISO37122:7.5", S, "%", H, "", "Percentage of street lighting managed by a light performance management system", "조명 성능 관리 시스템으로 관리하는 가로등 비율"),
    ("ISO37122:10.1", C, "visits * per_100k/yr", H, "", "Annual number of online visits to the municipal open data portal per 100 000 population", "인구 10만 명당 시 공공데이터 포털 연간 방문 수"),
    ("ISO37122:10.2", C, "%", H, "", "Percentage of city services accessible and that can be requested online", "온라인으로 이용·신청할 수 있는 시 행정서비스 비율"),
    ("ISO37122:10.3", C, "days", L, "", "Average response time to inquiries made through the city's non-emergency inquiry system", "비긴급 민원 시스템 문의에 대한 평균 응답 기간"),
    ("ISO37122:10.4", Y, "h/yr", L, "", "Average downtime of the city's IT infrastructure", "시 정보기술 인프라의 평균 중단 시간"),
    ("ISO37122:18.1", C, "%", H, "", "Percentage of the city population with access to sufficiently fast broadband", "충분히 빠른 광대역 인터넷을 이용할 수 있는 인구 비율"),
    ("ISO37122:18.3", C, "%", H, "", "Percentage of the city area covered by municipally provided internet connectivity", "시가 제공하는 인터넷 연결이 닿는 시 면적 비율"),
    ("ISO37122:19.3", M, "%", H, "11.6", "Percentage of vehicles registered in the city that are low-emission vehicles", "시에 등록된 차량 중 저공해 차량 비율"),
    ("ISO37122:19.4", M, "bicycles * per_100k", H, "11.2", "Number of bicycles available through municipally provided bicycle-sharing services per 100 000 population", "인구 10만 명당 시 공공자전거 대수"),
    ("ISO37122:19.5", M, "%", H, "11.2", "Percentage of public transport lines equipped with a publicly accessible real-time system", "실시간 운행 정보를 공개하는 대중교통 노선 비율"),
]
U4SSC = [
    ("U4SSC:EC-ICT-ICT-1C", C, "%", H, "", "Household Internet Access", "인터넷을 이용하는 가구 비율"),
    ("U4SSC:EC-ICT-ICT-2C", C, "%", H, "", "Fixed Broadband Subscriptions", "유선 초고속 인터넷 가입 가구 비율"),
    ("U4SSC:EC-ICT-ICT-3C", C, "subscriptions * per_100k", H, "", "Wireless Broadband Subscriptions", "인구 10만 명당 무선 초고속 인터넷 가입 수"),
    ("U4SSC:EC-ICT-ICT-4C", C, "%", H, "", "Wireless Broadband Coverage", "무선 광대역망 커버리지"),
    ("U4SSC:EC-ICT-ICT-5C", C, "count", H, "", "Availability of WIFI in Public Areas", "공공장소 와이파이 접속 지점 수"),
    ("U4SSC:EC-ICT-WS-1C", S, "%", H, "", "Smart Water Meters", "스마트 수도 계량기 보급률"),
    ("U4SSC:EC-ICT-WS-2C", R, "%", H, "", "Water Supply ICT Monitoring", "ICT로 감시하는 상수도망 비율"),
    ("U4SSC:EC-ICT-D-1C", R, "%", H, "11.5", "Drainage/Storm Water System ICT Monitoring", "ICT로 감시하는 배수·우수 시설 비율"),
    ("U4SSC:EC-ICT-ES-1C", S, "%", H, "", "Smart Electricity Meters", "스마트 전력 계량기 보급률"),
    ("U4SSC:EC-ICT-ES-2C", R, "%", H, "", "Electricity Supply ICT Monitoring", "ICT로 감시하는 전력 공급망 비율"),
    ("U4SSC:EC-ICT-T-1C", M, "%", H, "11.2", "Dynamic Public Transport Information", "실시간 운행 정보를 제공하는 대중교통 정류장 비율"),
    ("U4SSC:EC-ICT-T-2C", M, "%", H, "11.2", "Traffic Monitoring", "ICT로 교통을 감시하는 주요 도로 비율"),
    ("U4SSC:EC-ICT-T-3A", M, "%", H, "11.2", "Intersection Control", "지능형 신호로 제어하는 교차로 비율"),
    ("U4SSC:EC-ICT-PS-1C", C, "count", H, "", "Open Data", "공개된 공공데이터셋 수"),
    ("U4SSC:EC-ICT-PS-2C", C, "count", H, "", "e-Government", "온라인으로 제공하는 전자정부 서비스 수"),
    ("U4SSC:EC-ICT-PS-3A", Y, "%", H, "", "Public Sector e-Procurement", "전자조달로 처리한 공공 조달 비율"),
    ("U4SSC:EC-I-T-1C", M, "km * per_100k", H, "11.2", "Public Transport Network", "인구 10만 명당 대중교통망 길이"),
    ("U4SSC:EC-I-T-2A", M, "%", H, "11.2", "Public Transport Network Convenience", "대중교통 정류장 500m 안에 사는 인구 비율"),
    ("U4SSC:EC-I-T-3C", M, "km * per_100k", H, "11.2", "Bicycle Network", "인구 10만 명당 자전거 도로 길이"),
    ("U4SSC:EC-I-T-4A", M, "%", H, "11.2", "Transportation Mode Share", "대중교통·자전거·도보 통행 분담률"),
    ("U4SSC:SC-SH-SA-3A", R, "%", H, "11.b", "Resilience Plans", "재난 위험 저감 계획 이행률"),
]
STANDARDS = {"iso37120": ISO_37120, "iso37122": ISO_37122, "u4ssc": U4SSC}


def seed(apps, schema_editor):
    indicator = apps.get_model("indicators", "Indicator")
    for standard, rows in STANDARDS.items():
        for code, theme, unit, direction, sdg, name_en, name_ko in rows:
            indicator.objects.get_or_create(code=code, defaults={
                "standard": standard, "theme": theme, "unit": unit, "direction": direction,
                "sdg_target": sdg, "name_en": name_en, "name_ko": name_ko})


def unseed(apps, schema_editor):
    codes = [row[0] for rows in STANDARDS.values() for row in rows]
    apps.get_model("indicators", "Indicator").objects.filter(code__in=codes).delete()


class Migration(migrations.Migration):

    dependencies = [("indicators", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
