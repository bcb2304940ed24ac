"""A schema-based fuzz run over the JSON API (schemathesis): requests generated from the
OpenAPI document, valid and invalid, against the WSGI application and the seeded demo
catalogue. No answer may be a server error, and every answer must be one the document lists,
in the shape it gives."""

from collections import Counter

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

EXAMPLES_PER_OPERATION = 30
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance]
cases = Counter()


schema = schemathesis.openapi.from_wsgi("/api/openapi.json", WSGIHandler())


@pytest.fixture
def api_data(catalogue):
    """The seeded catalogue, in the test's transaction: the WSGI handler must not close the
    database connection around each request, as Django's own test client does not."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@schema.parametrize()
@settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
def test_no_request_the_document_allows_or_forbids_is_a_server_error(case, api_data):
    cases[case.operation.label] += 1
    case.call_and_validate(checks=CHECKS)


def test_report_the_fuzz_counts(capsys):
    with capsys.disabled():
        print(f"\nschemathesis: {len(cases)} operations, {sum(cases.values())} cases:",
              dict(cases))
