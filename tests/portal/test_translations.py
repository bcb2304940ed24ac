"""The Korean catalogue is complete, compiled, and covers every string in the code."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
PO = ROOT / "locale" / "ko" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")
APPS = ("common", "portal", "members", "indicators", "solutions_catalog", "events", "funding",
        "search", "federation", "harvest")


def translated(entry: polib.POEntry) -> bool:
    return bool(entry.msgstr) or (all(entry.msgstr_plural.values()) and bool(entry.msgstr_plural))


def test_korean_catalogue_is_complete():
    po = polib.pofile(str(PO))
    untranslated = [e.msgid for e in po if not e.obsolete and not translated(e)]
    fuzzy = [e.msgid for e in po if "fuzzy" in e.flags]
    assert untranslated == []
    assert fuzzy == []


def test_compiled_catalogue_matches_the_source():
    po = {(e.msgid, e.msgstr) for e in polib.pofile(str(PO)) if not e.obsolete and e.msgstr}
    mo = {(e.msgid, e.msgstr) for e in polib.mofile(str(MO)) if e.msgstr}
    assert po <= mo, "run: python manage.py compilemessages -l ko"


@pytest.mark.gettext
def test_catalogue_has_every_translatable_string_in_the_code(tmp_path):
    """makemessages over a copy of the code finds no string the committed catalogue lacks."""
    for name in (*APPS, "locale"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "manage.py", tmp_path)
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "ko", "--no-location"],
        cwd=tmp_path, check=True, capture_output=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.test"},
    )
    fresh = polib.pofile(str(tmp_path / "locale" / "ko" / "LC_MESSAGES" / "django.po"))
    new = {e.msgid for e in fresh if not e.obsolete} - {e.msgid for e in polib.pofile(str(PO))}
    assert new == set(), "run makemessages -l ko and translate the new strings"


def test_korean_needs_no_particle_pairs():
    """No "이(가)" after a name: the wording takes an invariant particle (에서, 기관이, 주소로)."""
    pairs = ("(가)", "(을)", "(를)", "(은)", "(는)", "(와)", "(과)", "(으)로")
    catalogues = [PO, ROOT / "locale" / "wagtail" / "ko" / "LC_MESSAGES" / "django.po"]
    found = [e.msgstr for po in catalogues for e in polib.pofile(str(po))
             if any(pair in e.msgstr for pair in pairs)]
    assert found == []
