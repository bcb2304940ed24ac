"""The mixed load: visitors browse, filter and search (80 %), member officers sign in and use
their dashboard and case studies (15 %), consortium staff review applications and reports
(5 %). Started headless by ``run.py``, which writes the signed-in sessions and the demo's
addresses to the file named by ``LOAD_FIXTURE``. Users are Locust's FastHttpUser (gevent's
HTTP client): on a 2-core machine the load generator shares the CPU with the server, and
this client takes a fraction of what python-requests does per request."""

import json
import os
import random
from pathlib import Path
from urllib.parse import urlencode

from locust import between, task
from locust.contrib.fasthttp import FastHttpUser

FIXTURE = json.loads(Path(os.environ["LOAD_FIXTURE"]).read_text())
SEARCHES = ["데이터 허브", "스마트 가로등", "버스", "air quality", "data hub", "mobility",
            "energy", "안전", "parking", "shuttel"]
FILTERS = ["?theme=connectivity", "?country=KR", "?city=daegu", "?maturity=scaled",
           "?theme=mobility&country=KR", "?page=2"]


class Visitor(FastHttpUser):
    weight = 80
    wait_time = between(0.5, 2)

    @task(3)
    def home(self):
        self.client.get(random.choice(["/", "/en/"]), name="home")

    @task(4)
    def catalogue(self):
        self.client.get("/catalogue/" + random.choice(["", *FILTERS]), name="catalogue (filtered)")

    @task(4)
    def case_study(self):
        self.client.get(random.choice(FIXTURE["case_studies"]), name="case study")

    @task(3)
    def search(self):
        self.client.get("/search/?" + urlencode({"q": random.choice(SEARCHES)}), name="search")

    @task(1)
    def meetings(self):
        self.client.get("/meetings/", name="meetings")

    @task(1)
    def funding(self):
        self.client.get("/funding/", name="funding opportunities")

    @task(1)
    def offerings(self):
        self.client.get("/offerings/", name="offerings")

    @task(1)
    def directory(self):
        self.client.get("/members/", name="members directory")


class SignedIn(FastHttpUser):
    abstract = True
    sessions_key = ""

    def on_start(self):
        self.cookie = {"Cookie": f"sessionid={random.choice(FIXTURE[self.sessions_key])}"}

    def get(self, path: str, name: str) -> None:
        self.client.get(path, name=name, headers=self.cookie)


class Officer(SignedIn):
    weight = 15
    wait_time = between(1, 3)
    sessions_key = "officers"

    @task(3)
    def dashboard(self):
        self.get("/dashboard/", name="officer: dashboard")

    @task(2)
    def own_case_studies(self):
        self.get("/catalogue/?city=" + random.choice(FIXTURE["cities"]),
                 name="officer: their city's case studies")

    @task(1)
    def page_editor(self):
        # Any of the first case studies: an officer who may not edit it is sent to the admin
        # home instead, which is also a page officers load.
        self.get(f"/admin/pages/{random.choice(FIXTURE['editable_pages'])}/edit/",
                 name="officer: a page in the editor (admin)")

    @task(1)
    def meeting(self):
        if FIXTURE["meetings"]:
            self.get(random.choice(FIXTURE["meetings"]), name="officer: meeting")


class Staff(SignedIn):
    weight = 5
    wait_time = between(1, 3)
    sessions_key = "staff"

    @task(2)
    def applications(self):
        self.get("/members/applications/", name="staff: applications")

    @task(2)
    def funding_report(self):
        self.get("/funding/dashboard/", name="staff: funding report")

    @task(1)
    def admin_home(self):
        self.get("/admin/", name="staff: admin home")
