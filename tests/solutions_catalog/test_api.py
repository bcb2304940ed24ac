"""The open-data API and CSV export of the public catalogue."""

import csv
import io

import pytest

from solutions_catalog.demo_case_studies import CASES
from solutions_catalog.models import CaseStudyPage

pytestmark = pytest.mark.django_db


def test_the_schema_is_documented_and_carries_no_private_fields(client):
    schema = client.get("/api/openapi.json").json()
    assert "/api/catalogue/case-studies" in schema["paths"]
    assert "/api/catalogue/case-studies.csv" in schema["paths"]
    fields = set(schema["components"]["schemas"]["CaseStudyOut"]["properties"])
    assert {"id", "title", "city", "kpis", "partners", "themes"} <= fields
    assert not fields & {"contact_person", "documents", "data_used", "email"}
    assert client.get("/api/docs").status_code == 200


def test_lists_filter_and_page_public_case_studies(client, catalogue):
    body = client.get("/api/catalogue/case-studies?lang=en&theme=mobility&page_size=100").json()
    assert body["licence"].startswith("CC BY 4.0")
    mobility = {c["en"]["title"] for c in CASES if "mobility" in c["themes"]}
    assert {"Kansas City smart corridor", "Suwon demand-responsive bus"} <= mobility
    assert body["count"] == len(mobility)
    assert {r["title"] for r in body["results"]} == mobility
    korean = client.get("/api/catalogue/case-studies?lang=ko&city=daegu&page_size=1").json()
    daegu = [c for c in CASES if c["city"] == "daegu"]
    assert korean["count"] == len(daegu) >= 2 and len(korean["results"]) == 1
    assert korean["results"][0]["city"] == {"slug": "daegu", "name": "대구광역시"}
    hub = next(r for r in client.get("/api/catalogue/case-studies?lang=en&city=daegu&page_size=100")
               .json()["results"] if r["title"] == "Daegu smart-city data hub")
    assert hub["kpis"][0]["metric"] == "Linked datasets"
    assert hub["id"] == str(catalogue.translation_key)  # one id across languages


def test_private_data_never_leaves_through_the_api(client, catalogue):
    catalogue.contact_person = catalogue.city.memberships.first().user
    catalogue.save_revision().publish()
    text = client.get("/api/catalogue/case-studies?lang=ko&page_size=100").text
    assert catalogue.contact_person.email not in text
    assert "@" not in text.replace("\\u0040", "")  # no e-mail address at all


@pytest.mark.parametrize("query,message", [
    ("lang=fr&lang=fr", "lang must be one of"),
    ("theme=<script>", "Ignored an unknown value"),
    ("page=0", "page must be"),
    ("page_size=1000", "page_size between"),
])
def test_bad_parameters_get_a_clear_400(client, catalogue, query, message):
    response = client.get(f"/api/catalogue/case-studies?lang=en&{query}")
    assert response.status_code == 400
    assert message in response.json()["detail"]


@pytest.mark.parametrize("lang", ["%0d", "en%0d%0aSet-Cookie:%20x=1", "fr"])
def test_the_csv_export_checks_lang_before_it_names_the_file(client, lang):
    response = client.get(f"/api/catalogue/case-studies.csv?lang={lang}")
    assert response.status_code == 400
    assert "lang must be one of: en, ko" in response.json()["detail"]
    assert "Content-Disposition" not in response


def test_queries_do_not_grow_with_the_page(client, catalogue, django_assert_max_num_queries):
    # 3 of them find what each case study replicates (lineage)
    with django_assert_max_num_queries(19) as one:
        client.get("/api/catalogue/case-studies?lang=en&page_size=1")
    with django_assert_max_num_queries(len(one.captured_queries)):
        assert len(client.get("/api/catalogue/case-studies?lang=en&page_size=100")
                   .json()["results"]) == len(CASES)


def test_csv_export_neutralises_formulas(client, catalogue):
    english = CaseStudyPage.objects.get(translation_key=catalogue.translation_key,
                                        locale__language_code="en")
    english.title = '=HYPERLINK("http://evil.example","click")'
    english.summary = "+1 and @SUM(A1)"
    english.save_revision().publish()
    response = client.get("/api/catalogue/case-studies.csv?lang=en")
    assert response["X-Data-Licence"].startswith("CC BY 4.0")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == len(CASES)
    row = next(r for r in rows if r["id"] == str(catalogue.translation_key))
    assert row["title"] == "'=HYPERLINK(\"http://evil.example\",\"click\")"
    assert row["summary"] == "'+1 and @SUM(A1)"
    assert all(not value.startswith(("=", "+", "-", "@")) for r in rows for value in r.values())


def test_open_data_carries_indicators_evidence_privacy_and_lineage(client, catalogue):
    body = client.get("/api/catalogue/case-studies?lang=en&city=peoria-il&page_size=100").json()
    peoria = next(r for r in body["results"] if r["title"] == "Peoria smart street lights")
    daegu = CaseStudyPage.objects.get(slug="daegu-smart-street-lights", locale__language_code="en")
    assert peoria["replicates"] == [{"id": str(daegu.translation_key),
                                     "url": "http://testserver/en/catalogue/daegu-smart-street-lights/",
                                     "city": "daegu", "status": "deployed"}]
    assert [k["indicator"] for k in peoria["kpis"]] == ["ISO37120:7.6", None]
    assert (peoria["evidence_level"], peoria["privacy_assessment"]) == (5, "completed")
    response = client.get("/api/catalogue/case-studies.csv?lang=ko&city=peoria-il")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    row = next(r for r in rows if r["replicates"])
    assert row["indicators"] == "ISO37120:7.6" and row["replicates"] == str(daegu.translation_key)
    assert row["replicates_url"] == "http://testserver/catalogue/daegu-smart-street-lights/"
    assert (row["evidence_level"], row["privacy_assessment"]) == ("5", "completed")
