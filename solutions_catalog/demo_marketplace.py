"""Demo vendor offerings (with deployments the cities confirmed) and city challenges (with
answers). Vendors, cities and case studies come from the members and case-study seeds."""

import datetime

from django.utils import timezone

from members.models import Organisation, User

from .models import (
    CaseStudyPage,
    Challenge,
    ChallengeResponse,
    Deployment,
    DeploymentStatus,
    ServiceDomain,
    Theme,
    VendorOffering,
)

# slug, vendor, themes, domains, pricing, certifications, (name ko, en), (summary ko, en)
OFFERINGS = [
    ("hanbit-city-control-centre", "hanbit-telecom", ["connectivity", "resilience"],
     ["safety-disaster"], "project", "ISO/IEC 27001, ISO 22301",
     ("한빛 도시통합관제 플랫폼", "Hanbit city operations centre"),
     ("CCTV·재난·교통 상황을 한 화면에서 보고 112·119와 영상을 공유하는 통합관제 플랫폼.",
      "One screen for CCTV, disasters and traffic, sharing live video with police and fire services.")),
    ("hanbit-smart-lighting", "hanbit-telecom", ["sustainability"], ["environment-energy"],
     "per_unit", "KS C 7658, IP66",
     ("한빛 스마트 가로등 제어", "Hanbit smart street-lighting control"),
     ("보행량과 조도에 맞춰 밝기를 조절하고 고장을 원격으로 알려주는 가로등 제어 시스템.",
      "Dims and brightens street lights with footfall and daylight, and reports faults remotely.")),
    ("hanbit-private-5g", "hanbit-telecom", ["connectivity"], ["administration"],
     "subscription", "3GPP Rel-16",
     ("한빛 이음5G 공공망", "Hanbit private 5G for public sites"),
     ("청사·산업단지·항만에 구축하는 특화 5G 망과 관리 서비스.",
      "Private 5G networks for city halls, industrial parks and ports, with managed operation.")),
    ("hanbit-smart-water", "hanbit-telecom", ["sustainability", "resilience"],
     ["environment-energy"], "project", "ISO 24510",
     ("한빛 스마트 물관리", "Hanbit smart water management"),
     ("원격 검침과 누수 감지로 유수율을 높이는 상수도 관리 솔루션.",
      "Remote metering and leak detection that raise the share of water actually billed.")),
    ("hanbit-building-energy", "hanbit-telecom", ["sustainability"], ["environment-energy"],
     "subscription", "ISO 50001",
     ("한빛 공공건물 에너지 관리(BEMS)", "Hanbit building energy management"),
     ("공공건물의 냉난방·조명 사용량을 분석해 에너지를 절감하는 BEMS.",
      "A building energy management system that cuts heating, cooling and lighting use in public buildings.")),
    ("saebyeok-drt", "saebyeok-mobility", ["mobility"], ["transport"], "subscription", "",
     ("새벽 수요응답형 버스", "Saebyeok demand-responsive bus"),
     ("승객 호출에 맞춰 노선과 배차를 실시간으로 짜는 수요응답형 교통 플랫폼.",
      "A demand-responsive transit platform that plans routes and dispatch as riders call.")),
    ("saebyeok-maas", "saebyeok-mobility", ["mobility"], ["transport"], "subscription", "",
     ("새벽 통합 모빌리티(MaaS) 앱", "Saebyeok mobility-as-a-service app"),
     ("버스·공유자전거·택시를 한 번에 검색하고 결제하는 통합 모빌리티 앱.",
      "Plan and pay for bus, shared bikes and taxis in one app.")),
    ("saebyeok-smart-parking", "saebyeok-mobility", ["mobility", "connectivity"],
     ["transport"], "per_unit", "",
     ("새벽 공유 주차", "Saebyeok shared parking"),
     ("빈 주차면을 센서로 찾아 안내하고 거주자 우선주차를 공유하는 서비스.",
      "Sensors find free spaces and residents share their reserved bays when away.")),
    ("saebyeok-ev-charging", "saebyeok-mobility", ["mobility", "sustainability"],
     ["transport", "environment-energy"], "per_unit", "OCPP 2.0.1",
     ("새벽 전기차 충전 관리", "Saebyeok EV charging management"),
     ("공영주차장 충전기를 묶어 부하를 분산하고 고장을 관리하는 충전 관리 시스템.",
      "Networks the chargers in public car parks, balances their load and tracks faults.")),
    ("civicsense-data-hub", "civicsense-analytics", ["connectivity"], ["administration"],
     "open_source", "ISO/IEC 27001",
     ("시빅센스 오픈 데이터 허브", "CivicSense open data hub"),
     ("표준 API로 도시 데이터를 모으고 서비스 결과를 되돌려 받는 오픈소스 데이터 허브.",
      "An open-source data hub that collects city data through standard APIs and takes service results back.")),
    ("civicsense-air-quality", "civicsense-analytics", ["sustainability"],
     ["environment-energy", "health-welfare"], "per_unit", "EN 17660-1",
     ("시빅센스 대기질 센서망", "CivicSense air-quality sensor network"),
     ("가로등과 버스에 다는 저가 센서로 동네별 미세먼지를 측정하고 보정하는 서비스.",
      "Low-cost sensors on lamp posts and buses measure and calibrate particulates street by street.")),
    ("civicsense-flood-alerts", "civicsense-analytics", ["resilience"], ["safety-disaster"],
     "subscription", "",
     ("시빅센스 침수 경보", "CivicSense flood alerts"),
     ("하천·도로 수위 센서와 강우 예보로 침수 위험을 미리 알리는 경보 서비스.",
      "River and street water-level sensors combined with rain forecasts warn of floods ahead.")),
    ("civicsense-heat-map", "civicsense-analytics", ["resilience", "sustainability"],
     ["health-welfare"], "project", "",
     ("시빅센스 폭염 지도", "CivicSense urban heat map"),
     ("위성과 지상 센서로 열섬 지역을 찾아 그늘막·쿨링센터 위치를 제안하는 분석.",
      "Satellite and ground sensors locate heat islands and suggest where shade and cooling centres go.")),
    ("civicsense-soc", "civicsense-analytics", ["cybersecurity"], ["safety-disaster"],
     "subscription", "ISO/IEC 27001, SOC 2",
     ("시빅센스 도시 보안관제(SOC)", "CivicSense city security operations"),
     ("CCTV·IoT 기기와 도시 데이터 허브를 24시간 감시하는 보안관제 서비스.",
      "Round-the-clock security monitoring of CCTV, IoT devices and the city data hub.")),
    ("kyungpook-data-lab", "kyungpook-university", ["connectivity"], ["administration"],
     "project", "",
     ("경북대 도시데이터 분석 랩", "Kyungpook urban data analytics lab"),
     ("도시 데이터로 정책 효과를 분석하고 공무원 데이터 교육을 운영하는 연구 서비스.",
      "Research service that measures policy effects with city data and trains officials in data skills.")),
]

# offering, case study, confirmed by the city?
DEPLOYMENTS = [
    ("hanbit-smart-lighting", "daegu-smart-street-lights", True),
    ("civicsense-data-hub", "daegu-data-hub", True),
    ("saebyeok-drt", "suwon-demand-responsive-bus", True),
    ("hanbit-smart-water", "busan-eco-delta-smart-water", True),
    ("civicsense-soc", "seoul-cctv-security-operations", True),
    ("civicsense-flood-alerts", "jacksonville-flood-sensors", True),
    ("civicsense-heat-map", "tucson-heat-resilience", False),  # waiting for Tucson
]

# slug, city, author, themes, domain, days to deadline, (title ko, en), (problem ko, en)
CHALLENGES = [
    ("bucheon-night-pedestrian-safety", "bucheon", "officer.bucheon@demo.example",
     ["mobility", "resilience"], "safety-disaster", 45,
     ("야간 보행자 안전", "Pedestrian safety at night"),
     ("원도심 골목과 무신호 횡단보도에서 야간 보행자 사고가 늘고 있다. 조명, 경고, 운전자 안내 등 작은 예산으로 빠르게 적용할 방법을 찾는다.",
      "Night-time pedestrian accidents are rising in old-town alleys and unsignalled crossings. We look for quick, low-budget ways in: lighting, warnings, driver guidance.")),
    ("suwon-data-sharing-with-neighbours", "suwon", "admin.suwon@demo.example",
     ["connectivity"], "administration", 60,
     ("이웃 도시와 교통 데이터 공유", "Sharing transport data with neighbouring cities"),
     ("광역 버스와 통근 흐름은 시 경계를 넘지만 데이터는 시마다 다른 형식이다. 공동 표준과 공유 방식을 경험한 도시와 기업의 조언이 필요하다.",
      "Regional buses and commuting cross city lines, but each city keeps data in its own format. We want advice from cities and companies who have agreed common standards and sharing rules.")),
    ("busan-port-air-quality", "busan", "officer.busan@demo.example",
     ["sustainability"], "environment-energy", 30,
     ("항만 배후지 대기질", "Air quality around the port"),
     ("항만 물류 차량과 선박 배출로 배후 주거지의 미세먼지가 높다. 측정망과 배출 저감 사례를 찾는다.",
      "Port lorries and ship emissions push up particulates in the neighbourhoods behind the port. We look for measurement networks and proven ways to cut emissions.")),
    ("seoul-iot-device-security", "seoul", "officer.seoul@demo.example",
     ["cybersecurity"], "safety-disaster", 75,
     ("도시 IoT 기기 보안 점검", "Securing the city's IoT devices"),
     ("구청마다 설치한 수만 대의 IoT 기기가 기본 비밀번호와 오래된 펌웨어로 운영된다. 자산 파악과 취약점 관리 방법이 필요하다.",
      "Tens of thousands of IoT devices installed by districts still run default passwords and old firmware. We need a way to inventory them and manage vulnerabilities.")),
    ("daegu-heatwave-shelters", "daegu", "officer.daegu@demo.example",
     ["resilience"], "health-welfare", -20,
     ("폭염 쉼터 배치", "Placing heatwave shelters"),
     ("폭염일수가 늘면서 무더위 쉼터가 실제 취약계층 가까이에 있는지 확인하고 싶다.",
      "With more heatwave days each year, we want to know whether cooling shelters are where vulnerable residents actually live.")),
]

# challenge, organisation, author, proposal (ko or en), offering, case study, shortlisted
RESPONSES = [
    ("bucheon-night-pedestrian-safety", "hanbit-telecom", "vendor@demo.example",
     "보행량에 반응하는 스마트 가로등과 횡단보도 경고등을 함께 제안합니다. 대구에서 2년째 운영 중입니다.",
     "hanbit-smart-lighting", "daegu-smart-street-lights", True),
    ("bucheon-night-pedestrian-safety", "daegu", "officer.daegu@demo.example",
     "대구의 스마트 가로등 사업 경험과 유지보수 계약 방식을 공유할 수 있습니다.",
     None, "daegu-smart-street-lights", False),
    ("busan-port-air-quality", "civicsense-analytics", "vendor.civicsense@demo.example",
     "Our sensor network runs on lamp posts and buses and is calibrated against reference stations.",
     "civicsense-air-quality", None, False),
]


def _organisation(slug: str) -> Organisation:
    return Organisation.objects.get(slug=slug)


def _case_study(slug: str) -> CaseStudyPage:
    return CaseStudyPage.objects.filter(slug=slug).order_by("pk").first()


def seed() -> None:
    """After the case studies: offerings, confirmed deployments, challenges and answers."""
    for slug, vendor, themes, domains, pricing, certs, names, summaries in OFFERINGS:
        offering, _ = VendorOffering.objects.update_or_create(slug=slug, defaults={
            "vendor": _organisation(vendor), "pricing_model": pricing, "certifications": certs,
            "name_ko": names[0], "name_en": names[1],
            "summary_ko": summaries[0], "summary_en": summaries[1]})
        offering.themes.set(Theme.objects.filter(slug__in=themes))
        offering.service_domains.set(ServiceDomain.objects.filter(slug__in=domains))
    for offering, case_study, confirmed in DEPLOYMENTS:
        page = _case_study(case_study)
        Deployment.objects.update_or_create(
            offering=VendorOffering.objects.get(slug=offering), case_study=page,
            defaults={"status": DeploymentStatus.CONFIRMED if confirmed
                      else DeploymentStatus.CLAIMED,
                      "decided_by": page.contact_person if confirmed else None})
    today = timezone.localdate()
    for slug, city, author, themes, domain, days, titles, problems in CHALLENGES:
        challenge, _ = Challenge.objects.update_or_create(slug=slug, defaults={
            "city": _organisation(city), "created_by": User.objects.get(email=author),
            "service_domain": ServiceDomain.objects.get(slug=domain),
            "deadline": today + datetime.timedelta(days=days),
            "title_ko": titles[0], "title_en": titles[1],
            "problem_ko": problems[0], "problem_en": problems[1]})
        challenge.themes.set(Theme.objects.filter(slug__in=themes))
    for challenge, organisation, author, proposal, offering, case_study, shortlisted in RESPONSES:
        ChallengeResponse.objects.update_or_create(
            challenge=Challenge.objects.get(slug=challenge),
            organisation=_organisation(organisation), defaults={
                "author": User.objects.get(email=author), "proposal": proposal,
                "offering": VendorOffering.objects.filter(slug=offering).first(),
                "case_study": _case_study(case_study) if case_study else None,
                "shortlisted": shortlisted})
