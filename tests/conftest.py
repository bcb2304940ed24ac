"""Service-backed tests declare what they need with a marker (postgres, redis, elasticsearch,
browser, gettext). Without the service they are skipped with the reason; with
``PORTAL_REQUIRE_SERVICES=1`` (set by .ci/run) any skipped test fails the run instead."""

import os
import shutil
import subprocess
import time
import uuid
from dataclasses import dataclass

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")

SERVICES = {
    "postgres": (
        lambda: os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")),
        "needs PostgreSQL: set DATABASE_URL=postgres://... (scripts/services.sh starts one)",
    ),
    "redis": (
        lambda: bool(os.environ.get("CELERY_BROKER_URL")),
        "needs Redis and a Celery worker: set CELERY_BROKER_URL=redis://...",
    ),
    "elasticsearch": (
        lambda: bool(os.environ.get("ELASTICSEARCH_URL")),
        "needs Elasticsearch 8: set ELASTICSEARCH_URL=http://...",
    ),
    "elasticsearch_cluster": (
        lambda: "," in os.environ.get("ELASTICSEARCH_CLUSTER_URL", ""),
        "needs an Elasticsearch cluster of three nodes started by scripts/services.sh: set "
        "ELASTICSEARCH_CLUSTER_URL=http://...,http://...,http://... (ES_NODES=3, see .ci/run)",
    ),
    "browser": (
        lambda: os.path.exists(CHROMIUM),
        f"needs Chromium at {CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)",
    ),
    "compose": (
        lambda: compose_command() is not None,
        "needs a docker compose CLI, no engine: apt-get install docker-compose",
    ),
    "gettext": (
        lambda: shutil.which("xgettext") is not None,
        "needs GNU gettext's xgettext (apt-get install gettext)",
    ),
}


def compose_command() -> list[str] | None:
    """``docker compose`` (v2 plugin) or ``docker-compose`` (v1), whichever answers."""
    for command in (["docker", "compose"], ["docker-compose"]):
        if shutil.which(command[0]) and subprocess.run(
            [*command, "version"], capture_output=True
        ).returncode == 0:
            return command
    return None


def require_services() -> bool:
    return os.environ.get("PORTAL_REQUIRE_SERVICES") == "1"


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups
def pytest_collection_modifyitems(config, items):
    config.stash[SEEDED_MODULES] = {
        item.path for item in items if SEEDED_CATALOGUE in item.fixturenames}
    # Modules using the seeded catalogue form one group of pytest-xdist's ``--dist loadgroup``
    # and run first, their tests that do not use it before those that do, so that it is
    # seeded once; every other module is a group of its own. Tests that stop a service run
    # after everything that needs it.
    items.sort(key=lambda item: (item.get_closest_marker("outage") is not None,
                                 not _in_seeded_module(item),
                                 SEEDED_CATALOGUE in item.fixturenames))
    for item in items:
        group = "seeded-catalogue" if _in_seeded_module(item) else item.nodeid.split("::")[0]
        item.add_marker(pytest.mark.xdist_group(group))
        for marker, (available, reason) in SERVICES.items():
            if item.get_closest_marker(marker) and not available():
                item.add_marker(pytest.mark.skip(reason=reason))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.skipped and require_services() and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        report.longrepr = f"PORTAL_REQUIRE_SERVICES=1 forbids skipping: {reason}"


WORKING_TREE = pytest.StashKey["set[str] | None"]()


def pytest_sessionstart(session):
    from tests.support.working_tree import snapshot

    if not hasattr(session.config, "workerinput"):  # the controller checks for its workers
        session.config.stash[WORKING_TREE] = snapshot()


def pytest_sessionfinish(session):
    """The run fails if it changed the working tree: tests write to temporary folders only."""
    from tests.support.working_tree import snapshot

    before = session.config.stash.get(WORKING_TREE, None)
    after = snapshot() if before is not None else None
    if after is not None and after != before:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None:
            reporter.write_sep("=", "the tests changed the working tree", red=True)
            for change in sorted(after ^ before):
                reporter.write_line(change, red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_report_header(config):
    state = {name: ("yes" if available() else "no") for name, (available, _) in SERVICES.items()}
    strict = "required" if require_services() else "optional"
    return f"services ({strict}): " + ", ".join(f"{k}={v}" for k, v in state.items())


@pytest.fixture
def demo_site(db, settings):
    """The home pages in both languages, as ``seed_demo`` makes them."""
    from portal import demo

    return demo.seed()[0]


@pytest.fixture(autouse=True)
def _empty_cache():
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(scope="session", autouse=True)
def _files_in_temporary_folders(tmp_path_factory):
    """Every file a test writes (documents, images, bid files) goes to this run's temporary
    folders, never the working tree: for the whole session, so module-wide seeding and the
    live server follow it too, and through the environment to a Celery worker a test starts."""
    from django.test import override_settings

    from tests.support.files import storages_with_private_files_in

    media, private = tmp_path_factory.mktemp("media"), tmp_path_factory.mktemp("private-media")
    with (pytest.MonkeyPatch.context() as patch,
          override_settings(MEDIA_ROOT=media, PRIVATE_MEDIA_ROOT=private,
                            STORAGES=storages_with_private_files_in(private))):
        patch.setenv("MEDIA_ROOT", str(media))
        patch.setenv("PRIVATE_MEDIA_ROOT", str(private))
        yield


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in Korean, the default; a request in English cannot leak into the next
    test's ``reverse()``."""
    from django.utils import translation

    translation.activate("ko")
    yield
    translation.deactivate()


# --- a small network of people in every role (DESIGN §7), shared by the app test suites ---
@dataclass
class Network:
    daegu: object
    bucheon: object
    hanbit: object
    visitor: None
    vendor: object
    officer: object
    org_admin: object
    other_admin: object
    staff: object


@pytest.fixture
def network(db) -> Network:
    from members.models import OrganisationKind, Role
    from members.services import ensure_staff_group
    from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

    daegu = OrganisationFactory(slug="daegu", name_en="Daegu", name_ko="대구",
                                contact_email="smartcity@daegu.example")
    bucheon = OrganisationFactory(slug="bucheon", name_en="Bucheon", name_ko="부천")
    hanbit = OrganisationFactory(slug="hanbit", name_en="Hanbit Telecom", name_ko="한빛텔레콤",
                                 kind=OrganisationKind.VENDOR)
    staff = UserFactory(email="staff@consortium.example", is_staff=True)
    staff.groups.add(ensure_staff_group())
    return Network(
        daegu=daegu, bucheon=bucheon, hanbit=hanbit, visitor=None,
        vendor=MembershipFactory(organisation=hanbit, user__email="sales@hanbit.example").user,
        officer=MembershipFactory(organisation=daegu, user__email="officer@daegu.example").user,
        org_admin=MembershipFactory(organisation=daegu, role=Role.ORG_ADMIN,
                                    user__email="admin@daegu.example").user,
        other_admin=MembershipFactory(organisation=bucheon, role=Role.ORG_ADMIN,
                                      user__email="admin@bucheon.example").user,
        staff=staff,
    )


@pytest.fixture
def as_user(client):
    """``as_user(user)`` signs the test client in (or out for ``None``). Staff sessions carry a
    second-factor record, as after a real TOTP sign-in (tests/members/test_security.py walks
    that for real)."""
    from members.permissions import is_staff

    def sign_in(user):
        client.logout()
        if user is not None:
            client.force_login(user)
            if is_staff(user):
                session = client.session
                session["account_authentication_methods_user"] = str(user.pk)
                session["account_authentication_methods"] = [
                    {"method": "mfa", "at": time.time(), "type": "totp"}]
                session.save()
        return client

    return sign_in


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """``with on_commit():`` runs what the code queued for after commit (e-mail), as a real
    commit would; the test's own transaction never commits."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture(params=["database", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)])
def search_engine(request, settings, db):
    """Each engine in turn, so one contract suite covers both. Elasticsearch gets an alias of
    its own, dropped with its indices afterwards."""
    from search.engines import get_engine

    settings.SEARCH_ENGINE = request.param
    settings.SEARCH_INDEX_ALIAS = f"portal-test-{uuid.uuid4().hex[:10]}"
    get_engine.cache_clear()
    engine = get_engine()
    yield engine
    if request.param == "elasticsearch":
        engine.client.indices.delete(index=f"{settings.SEARCH_INDEX_ALIAS}-*")
    get_engine.cache_clear()


# The seeded demo catalogue, shared by the catalogue, search and events tests.
SEEDED_CATALOGUE = "_seeded_catalogue"
CATALOGUE_SEEDING = pytest.StashKey["HeldSeeding"]()
SEEDED_MODULES = pytest.StashKey[set]()


def seed_catalogue() -> None:
    """The demo network and catalogue, with their pages in both languages."""
    from members import demo as members_demo
    from portal import demo as site_demo
    from search.models import PendingChange
    from solutions_catalog import demo as catalog_demo

    members_demo.seed()
    catalog_demo.seed()
    home_ko, home_en = site_demo.seed()
    catalog_demo.seed_pages(home_ko, home_en)
    # No worker ran: the outbox holds every seeded object, which a test's rebuild already
    # covers. Applying them all after each rebuild would only slow tests.
    PendingChange.objects.all().delete()


@pytest.fixture(scope="session")
def _seeded_catalogue(request, django_db_setup, django_db_blocker):
    """The demo network and catalogue, seeded once for the tests that use them (collection
    puts them one after the other, and pytest-xdist sends their modules to one worker as one
    group) and rolled back before any other test; each test runs in its own savepoint."""
    from tests.support.seeding import HeldSeeding

    seeding = HeldSeeding(seed_catalogue, django_db_blocker)
    request.config.stash[CATALOGUE_SEEDING] = seeding
    seeding.hold()
    yield
    seeding.release()


def _in_seeded_module(item) -> bool:
    return item.path in item.config.stash.get(SEEDED_MODULES, set())


@pytest.hookimpl(tryfirst=True)  # before the test's fixtures open its savepoint
def pytest_runtest_setup(item):
    seeding = item.config.stash.get(CATALOGUE_SEEDING, None)
    if seeding is not None and SEEDED_CATALOGUE in item.fixturenames:
        seeding.hold()
    elif seeding is not None:
        seeding.release()


@pytest.fixture
def catalogue(_seeded_catalogue, db):
    """The Korean page of Daegu's data hub, in the seeded demo catalogue."""
    from solutions_catalog.models import CaseStudyPage

    return CaseStudyPage.objects.get(slug="daegu-data-hub", locale__language_code="ko")


@pytest.fixture
def people(catalogue):
    """One seeded demo login per role."""
    from members.models import User

    emails = {"vendor": "vendor@demo.example", "officer": "officer.bucheon@demo.example",
              "org_admin": "admin.suwon@demo.example", "staff": "staff@demo.example"}
    return {"visitor": None, **{r: User.objects.get(email=e) for r, e in emails.items()}}
