"""Search with 10,000 case studies on the real Elasticsearch: rebuild throughput, then 200
queries timed three ways — raw (the same request body sent straight to the cluster), through
the portal's query service, and as the /search/ page — with p50/p95 and the ratio to raw.

    ELASTICSEARCH_URL=http://127.0.0.1:9200 .venv/bin/python tests/bench/search_bench.py \\
        [--documents 10000] [--queries 200]

The documents are the demo case studies' own search records, repeated with new ids, titles
numbered, and city, themes and dates varied, so that facets have realistic spreads. They go
to a throwaway alias (portal-bench-*) in a throwaway test database; prints figures, asserts
nothing.
"""

import argparse
import dataclasses
import datetime
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from tests.bench.timing import percentile  # noqa: E402

# Each language's searches are typed on that language's pages (the other language's documents
# follow the reader's). A few are misspelt, so that typo tolerance and did-you-mean are in the
# mix.
TERMS = {
    "ko": ["스마트", "데이터 허브", "스마트가로등", "스마트 가로등", "교통", "안전", "에너지",
           "주차", "대기질", "스마트 시티"],
    "en": ["smart", "data hub", "street lights", "mobility", "air quality", "security", "bus",
           "water", "heat", "parking", "streetlihgts", "mobilty"],
}


def documents(total: int, seed: int = 7):
    from search.registry import all_records

    rng = random.Random(seed)
    base = [r for r in all_records() if r.kind == "case_study"]
    cities = sorted({(r.city, r.country) for r in base})
    themes = sorted({t for r in base for t in r.themes})
    for n in range(total):
        record = base[n % len(base)]
        city, country = rng.choice(cities)
        yield dataclasses.replace(
            record, object_id=f"bench-{n}", title=f"{record.title} {n}", city=city,
            organisation=city, country=country,
            themes=tuple(rng.sample(themes, rng.randint(1, 3))),
            date=datetime.date(rng.randint(2015, 2026), rng.randint(1, 12), 1))


def queries(count: int, seed: int = 11):
    from search.query import SearchQuery

    rng = random.Random(seed)
    for _ in range(count):
        language = rng.choice(["ko", "en"])
        text = rng.choice(TERMS[language])
        filters = {}
        if rng.random() < 0.6:
            filters["theme"] = tuple(rng.sample(["mobility", "sustainability", "resilience",
                                                 "connectivity", "cybersecurity"],
                                                rng.randint(1, 2)))
        if rng.random() < 0.4:
            filters["country"] = (rng.choice(["KR", "US", "DK", "TW"]),)
        yield SearchQuery(audiences=frozenset({"public"}), text=text, language=language,
                          filters=filters, sort=rng.choice(["relevance", "newest"]),
                          page=rng.choice([1, 1, 1, 2, 3]))


def timed(samples: list[float], function, *args) -> None:
    started = time.perf_counter()
    function(*args)
    samples.append((time.perf_counter() - started) * 1000)


def time_raw(engine, bodies: list[dict], raw: list[float], took: list[float]) -> None:
    started = time.perf_counter()
    responses = [engine.client.search(index=engine.alias, body=body) for body in bodies]
    raw.append((time.perf_counter() - started) * 1000)
    took.append(sum(response["took"] for response in responses))


def bodies(engine, query) -> list[dict]:
    """Every request the service sends for ``query``: the search, and the did-you-mean
    request when the search finds nothing."""
    sent = [engine.search_body(query)]
    if not engine.search(query).total and query.terms:
        sent.append(engine.did_you_mean_body(query))
    return sent


def time_page(client, query, page: list[float]) -> None:
    params = {"q": query.text, "sort": query.sort, "page": query.page, **query.filters}
    prefix = "" if query.language == "ko" else "/en"
    started = time.perf_counter()
    response = client.get(f"{prefix}/search/", params)
    page.append((time.perf_counter() - started) * 1000)
    assert response.status_code == 200, response.status_code


def report(name: str, timings: list[float], raw: list[float] | None = None) -> None:
    p50, p95 = statistics.median(timings), percentile(timings, 95)
    ratio = ""
    if raw:
        ratio = (f"   ×{p50 / statistics.median(raw):.2f} p50, "
                 f"×{p95 / percentile(raw, 95):.2f} p95 of raw")
    print(f"{name:34} p50 {p50:6.1f} ms   p95 {p95:6.1f} ms{ratio}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()
    if not os.environ.get("ELASTICSEARCH_URL"):
        sys.exit("Set ELASTICSEARCH_URL: this benchmark measures Elasticsearch.")

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    alias = f"portal-bench-{int(time.time())}"
    try:
        with override_settings(SEARCH_ENGINE="elasticsearch", SEARCH_INDEX_ALIAS=alias,
                               ELASTICSEARCH_URL=os.environ["ELASTICSEARCH_URL"]):
            run(args)
    finally:
        from search.engines import get_engine

        get_engine().client.indices.delete(index=f"{alias}-*")
        connection.creation.destroy_test_db(old_name, verbosity=0)


def analysis_cost(docs: list) -> None:
    """Milliseconds of Python analysis (Kiwi, Snowball, glossary) per document: first with an
    empty word cache over the distinct demo texts, then over the whole set as indexed."""
    from search import analysis
    from search.matching import analyse_record

    distinct = list({(d.summary, d.body): d for d in docs}.values())
    analysis._word_cache.clear()
    started = time.perf_counter()
    for doc in distinct:
        analyse_record(doc)
    cold = (time.perf_counter() - started) * 1000 / len(distinct)
    started = time.perf_counter()
    for doc in docs:
        analyse_record(doc)
    warm = (time.perf_counter() - started) * 1000 / len(docs)
    print(f"analysis: {cold:.2f} ms/document for {len(distinct)} distinct texts with an empty "
          f"word cache, {warm:.2f} ms/document over all {len(docs)}")


def run(args) -> None:
    from django.core.management import call_command

    from search.engines import get_engine

    get_engine.cache_clear()
    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    engine = get_engine()
    docs = list(documents(args.documents))
    analysis_cost(docs)
    started = time.perf_counter()
    count = engine.rebuild(records=docs)
    elapsed = time.perf_counter() - started
    print(f"Elasticsearch {settings.ELASTICSEARCH_URL}; {count} case-study documents")
    print(f"rebuild (new index, bulk load, alias swap): {elapsed:.1f} s, "
          f"{count / elapsed:,.0f} documents/s")

    started = time.perf_counter()
    demo = engine.rebuild()
    elapsed = time.perf_counter() - started
    print(f"rebuild from the database (demo content): {demo} documents, "
          f"{demo / elapsed:,.0f} documents/s")
    engine.rebuild(records=docs)

    asked = list(queries(args.queries))
    client = Client()
    # Warms both paths and the cluster's caches on every query.
    sent = [bodies(engine, query) for query in asked]
    raw, took, service, page = [], [], [], []
    # Interleaved, in alternating order, so that neither path profits from running second.
    for n, query in enumerate(asked):
        steps = [lambda: time_raw(engine, sent[n], raw, took),
                 lambda: timed(service, engine.search, query),
                 lambda: time_page(client, query, page)]
        for step in steps if n % 2 else reversed(steps):
            step()
    unanswered = sum(len(b) > 1 for b in sent)
    print(f"{args.queries} queries (text, 0–2 themes, 0–1 country, sort, page 1–3); "
          f"{unanswered} found nothing and also asked for a did-you-mean:")
    report("Elasticsearch took", took)
    report("raw request (same body)", raw)
    report("portal query service", service, raw)
    report("/search/ page (HTML)", page, raw)


if __name__ == "__main__":
    main()
