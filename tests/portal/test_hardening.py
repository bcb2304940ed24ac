"""Hardening an operator relies on: a Content-Security-Policy on every kind of response,
violation reports logged, and request bodies refused before they are read."""

import json
import logging
import runpy
import secrets

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.test import RequestFactory

pytestmark = pytest.mark.django_db

# The settings that shape a response; the services (database, cache, storage) stay the tests'.
RESPONSE_SETTINGS = ("MIDDLEWARE", "CONTENT_SECURITY_POLICY", "ADMIN_CONTENT_SECURITY_POLICY",
                     "SECURE_SSL_REDIRECT", "SECURE_PROXY_SSL_HEADER", "SECURE_HSTS_SECONDS",
                     "SECURE_CONTENT_TYPE_NOSNIFF", "SECURE_REFERRER_POLICY", "X_FRAME_OPTIONS",
                     "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "DEBUG",
                     "MAX_REQUEST_BODY_SIZE")


@pytest.fixture
def production(settings, monkeypatch):
    monkeypatch.setenv("SECRET_KEY", secrets.token_urlsafe(60))
    monkeypatch.setenv("ALLOWED_HOSTS", "testserver")
    module = runpy.run_module("portal.settings.production")
    for name in RESPONSE_SETTINGS:
        setattr(settings, name, module[name])
    return module


def policy(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    return {d.split(" ", 1)[0]: d.partition(" ")[2] for d in header.split("; ")}


@pytest.mark.parametrize("path,content_type", [
    ("/en/", "text/html"),
    ("/api/catalogue/case-studies?lang=en", "application/json"),
    ("/en/case-studies.atom", "application/atom+xml"),
    ("/en/no-such-page/", "text/html"),
])
def test_every_kind_of_response_carries_the_policy(client, demo_site, production, path,
                                                   content_type):
    response = client.get(path, secure=True)
    assert response["Content-Type"].startswith(content_type)
    directives = policy(response)
    assert directives["default-src"] == "'self'"
    assert directives["script-src"].split()[0] == "'self'"
    assert "'unsafe-inline'" not in directives["script-src"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["object-src"] == "'none'"
    assert directives["base-uri"] == "'self'"
    assert directives["form-action"] == "'self'"
    assert directives["report-uri"] == "/csp-report/"


def test_the_admin_alone_gets_the_looser_policy(client, production):
    directives = policy(client.get("/admin/", secure=True))
    assert directives["script-src"] == "'self' 'unsafe-inline'"
    assert directives["frame-ancestors"] == "'self'"  # the page preview is framed by the admin
    assert directives["object-src"] == "'none'"


def test_an_inline_script_runs_only_with_the_responses_nonce(rf, production):
    from django.template import engines

    from portal.csp import PortalCSPMiddleware

    template = engines["django"].from_string('<script nonce="{{ CSP_NONCE }}">1</script>')

    def view(request):
        from django.http import HttpResponse
        return HttpResponse(template.render({}, request))

    request = rf.get("/en/")
    response = PortalCSPMiddleware(view)(request)
    nonce = response.content.decode().split('"')[1]
    assert len(nonce) >= 16
    assert f"'nonce-{nonce}'" in policy(response)["script-src"]


def test_violation_reports_are_logged(client, caplog):
    report = {"csp-report": {"document-uri": "https://portal.example.org/en/",
                             "violated-directive": "script-src-elem",
                             "effective-directive": "script-src-elem",
                             "blocked-uri": "https://evil.example/x.js"}}
    with caplog.at_level(logging.WARNING, logger="portal.csp"):
        response = client.post("/csp-report/", json.dumps(report),
                               content_type="application/csp-report")
    assert response.status_code == 204
    assert "CSP violation: script-src-elem blocked https://evil.example/x.js" in caplog.text
    modern = [{"type": "csp-violation", "body": {"effectiveDirective": "img-src",
                                                 "blockedURL": "https://x.example/p.png",
                                                 "documentURL": "https://portal.example.org/"}}]
    assert client.post("/csp-report/", json.dumps(modern),
                       content_type="application/reports+json").status_code == 204


@pytest.mark.parametrize("body", [b"", b"not json", b"[1, 2]", b'{"csp-report": 3}',
                                  b"\xff\xfe", b"{" * 20_000])
def test_garbage_reports_are_refused_without_an_error(client, body):
    response = client.post("/csp-report/", body, content_type="application/csp-report")
    assert response.status_code == 400


class Unread:
    """A request body that fails the test if anything reads it."""

    def read(self, *args):
        raise AssertionError("the body was read")

    readline = read


@pytest.mark.parametrize("path", ["/en/members/apply/", "/admin/documents/multiple/add/",
                                  "/csp-report/"])
def test_a_body_declared_larger_than_the_upload_limit_is_refused_unread(path, settings):
    environ = RequestFactory()._base_environ(
        PATH_INFO=path, REQUEST_METHOD="POST", CONTENT_TYPE="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(50 * 1024 * 1024))
    environ["wsgi.input"] = Unread()
    statuses = []
    body = WSGIHandler()(environ, lambda status, headers: statuses.append(status))
    assert statuses == ["413 Request Entity Too Large"]
    text = b"".join(body).decode()
    assert "21 MB" in text  # in Korean on the unprefixed paths, Korean being the default
    if path.startswith("/en/"):
        assert text == "The request is too large: at most 21 MB may be sent at once."
    assert settings.MAX_REQUEST_BODY_SIZE == settings.WAGTAILDOCS_MAX_UPLOAD_SIZE + 1024 * 1024


def test_a_body_within_the_limit_is_read_as_usual(client):
    response = client.post("/csp-report/", b"x" * 1000, content_type="text/plain")
    assert response.status_code == 400  # read, and answered as garbage

