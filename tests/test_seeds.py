"""The seed articles, linted through the CLI.

* Snapshots: the concise report of each seed is stored beside it (``fixtures/NAME.expected``)
  and compared; after a deliberate change, refresh with ``pytest --update-snapshots``.
* Annotations (``fixtures/seeds-expected.tsv``, what a careful editor flags): no finding may
  touch a ``clean`` control, the clean control article (002) gets findings only on its page
  chrome, and every ``must`` row of the families that are built is found.
"""
from __future__ import annotations

import csv
import os

import pytest

from conftest import FIXTURES, SEEDS, cli_json, run_cli

CLEAN_ARTICLE = "002_f895df72f2cf96f2.txt"
# Annotation categories whose `must` rows the linter finds in full.
COVERED_CATEGORIES = {"boilerplate"}


def annotations() -> list[dict]:
    with open(FIXTURES / "seeds-expected.tsv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    for r in rows:
        r["start"] = (int(r["line"]), int(r["col"]))
        r["end"] = (int(r["end_line"]), int(r["end_col"]))
    return rows


def span(f: dict):
    s = (f["location"]["row"], f["location"]["column"])
    e = (f["end_location"]["row"], f["end_location"]["column"])
    return s, max(e, (s[0], s[1] + 1))


def overlaps(a0, a1, b0, b1) -> bool:
    return a0 < b1 and b0 < a1


@pytest.fixture(scope="module")
def seed_findings() -> dict[str, list[dict]]:
    findings, _ = cli_json(*map(str, SEEDS))
    by_file: dict[str, list[dict]] = {p.name: [] for p in SEEDS}
    for f in findings:
        by_file[os.path.basename(f["filename"])].append(f)
    return by_file


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_snapshot(seed, update_snapshots):
    proc = run_cli("check", "--output-format", "concise", seed.name, cwd=FIXTURES)
    report = "".join(line + "\n" for line in proc.stdout.splitlines() if not line.startswith("Found "))
    expected = seed.with_suffix(".expected")
    if update_snapshots or not expected.exists():
        expected.write_text(report, encoding="utf-8")
    assert report == expected.read_text(encoding="utf-8"), \
        f"findings on {seed.name} changed; if intended, run pytest --update-snapshots"


def test_no_finding_touches_a_clean_control(seed_findings):
    bad = []
    for r in annotations():
        if r["category"] != "clean":
            continue
        for f in seed_findings[r["file"]]:
            if overlaps(r["start"], r["end"], *span(f)):
                bad.append((r["file"], r["phrase"], f["code"], f["message"]))
    assert not bad


def test_clean_article_only_flags_annotated_chrome(seed_findings):
    rows = [r for r in annotations() if r["file"] == CLEAN_ARTICLE and r["category"] != "clean"]
    for f in seed_findings[CLEAN_ARTICLE]:
        assert any(overlaps(r["start"], r["end"], *span(f)) for r in rows), f


def test_every_must_row_of_covered_families_is_found(seed_findings):
    missed = [(r["file"], r["line"], r["phrase"]) for r in annotations()
              if r["tier"] == "must" and r["category"] in COVERED_CATEGORIES
              and not any(overlaps(r["start"], r["end"], *span(f)) for f in seed_findings[r["file"]])]
    assert not missed
