"""One date format and one date-time format per language: every date a reader sees goes
through the language's named formats (portal/formats/ko for Korean); raw patterns stay in
machine-read places only (``<time datetime>``, date inputs, query strings, the month grid's day and
weekday)."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APPS = ("portal", "members", "solutions_catalog", "events", "funding", "search")
NAMED = {"DATE_FORMAT", "DATETIME_FORMAT", "TIME_FORMAT", "YEAR_MONTH_FORMAT", "MONTH_DAY_FORMAT"}
GRID = {"D", "l", "j"}  # the month calendar's weekday heading (short, full) and day number
MACHINE_READ = re.compile(r'(datetime="|value="|month=)\{\{[^}]*$')
DATE_FILTER = re.compile(r"\|(?:date|time):[\"']([^\"']+)[\"']")


def test_dates_shown_to_readers_use_the_languages_named_formats():
    raw = []
    for app in APPS:
        for template in (ROOT / app / "templates").rglob("*"):
            if template.suffix not in {".html", ".txt"}:
                continue
            text = template.read_text()
            for found in DATE_FILTER.finditer(text):
                pattern = found.group(1)
                if pattern in NAMED | GRID or MACHINE_READ.search(text[:found.start()]):
                    continue
                raw.append(f"{template.relative_to(ROOT)}: {pattern}")
    assert raw == []
