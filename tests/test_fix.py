"""--fix, --diff and friends: corrected text that never costs a user their file."""
from __future__ import annotations

import csv
import errno
import os
import stat

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, run_cli
from lint_news import fixes
from lint_news.document import Document
from lint_news.errors import LintNewsError
from lint_news.finding import Applicability, Finding, Fix
from lint_news.fixes import apply_edits, choose, fix_text, write_atomically
from lint_news.phrases import match_case
from lint_news.registry import Registry
from lint_news.runner import check_document
from lint_news.sources import read_source

SPUN = ("Blinken met China's prime diplomat on Sunday. The State Division stated the 2 sides "
        "agreed. As a substitute, they plan to open not less than 5 new embassies over the "
        "following yr.\n")
CHROME = "\n\nLeave a Reply\n\nYour email address will not be published. Required fields are marked *\n"
RULES = list(Registry.load(plugins=False))
DEFAULT = [r for r in RULES if r.default]


def lint(text: str) -> list[Finding]:
    return check_document(Document(text), DEFAULT)


def test_diff_changes_nothing_and_exits_1(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(SPUN, encoding="utf-8")
    proc = run_cli("check", "--diff", str(path))
    assert proc.returncode == 1
    assert "-Blinken met China's prime diplomat" in proc.stdout
    assert "+Blinken met China's top diplomat" in proc.stdout
    assert path.read_text(encoding="utf-8") == SPUN
    clean = tmp_path / "b.txt"
    clean.write_text("The talks ended without a deal, officials said on Monday.\n", encoding="utf-8")
    assert run_cli("check", "--diff", str(clean)).returncode == 0


def test_fix_applies_safe_fixes_and_unsafe_only_when_asked(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(SPUN, encoding="utf-8")
    proc = run_cli("check", "--fix", "--show-fixes", str(path))
    fixed = path.read_text(encoding="utf-8")
    assert "top diplomat" in fixed and "State Department" in fixed and "Instead," in fixed
    assert "at least five new embassies over the next year" in fixed
    assert "the 2 sides" in fixed  # a gated entry: its fix is unsafe
    assert "Fixed" in proc.stdout and "S101" in proc.stdout
    assert "S002" in proc.stdout  # still reported after the evidence around it was fixed
    path.write_text(SPUN, encoding="utf-8")
    run_cli("check", "--fix", "--unsafe-fixes", str(path))
    assert "the two sides" in path.read_text(encoding="utf-8")


def test_second_fix_changes_nothing(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(SPUN + CHROME, encoding="utf-8")
    run_cli("check", "--fix", "--unsafe-fixes", str(path))
    once = path.read_bytes()
    run_cli("check", "--fix", "--unsafe-fixes", str(path))
    assert path.read_bytes() == once


def test_stdin_fix_prints_corrected_text():
    proc = run_cli("check", "--fix", "-", stdin=SPUN)
    assert proc.stdout.startswith("Blinken met China's top diplomat on Sunday. The State Department")
    assert "S002" in proc.stderr  # what is left is reported on stderr


def test_chrome_removal_leaves_no_blank_line_pileup(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Mon. Apr 29th, 2024\n\n" + SPUN + CHROME, encoding="utf-8")
    run_cli("check", "--fix", "--select", "B", str(path))
    assert path.read_text(encoding="utf-8") == SPUN


@pytest.mark.parametrize("encoding, bom", [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"),
                                           ("utf-16-le", b"\xff\xfe")])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_round_trip_keeps_encoding_bom_and_line_endings(tmp_path, encoding, bom, newline):
    text = ("First line stays exactly as it is.\n" + SPUN + "Last line stays too.\n").replace("\n", newline)
    path = tmp_path / "a.txt"
    path.write_bytes(bom + text.encode(encoding))
    run_cli("check", "--fix", "--select", "S101", str(path))
    data = path.read_bytes()
    assert data.startswith(bom)
    after = data[len(bom):].decode(encoding)
    assert after == text.replace("State Division", "State Department")
    assert after.count(newline) == text.count(newline)


def test_mode_is_kept_and_read_only_file_is_not_touched(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(SPUN, encoding="utf-8")
    os.chmod(path, 0o640)
    run_cli("check", "--fix", str(path))
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
    assert "top diplomat" in path.read_text(encoding="utf-8")
    ro = tmp_path / "ro.txt"
    ro.write_text(SPUN, encoding="utf-8")
    os.chmod(ro, 0o444)
    proc = run_cli("check", "--fix", str(ro))
    assert proc.returncode == 2 and "read-only" in proc.stderr
    assert ro.read_text(encoding="utf-8") == SPUN


def test_file_replaced_during_the_run_is_not_overwritten(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(SPUN, encoding="utf-8")
    source = read_source(str(path))
    path.write_text(SPUN + "An editor's new paragraph.\n", encoding="utf-8")  # someone saved meanwhile
    with pytest.raises(LintNewsError, match="changed on disk"):
        write_atomically(source, "replacement")
    assert path.read_text(encoding="utf-8").endswith("An editor's new paragraph.\n")


def test_failed_write_leaves_original_intact(tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_text(SPUN, encoding="utf-8")
    source = read_source(str(path))

    def disk_full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(fixes.os, "fsync", disk_full)
    with pytest.raises(LintNewsError, match="No space left on device.*original is unchanged"):
        write_atomically(source, "fixed text")
    assert path.read_text(encoding="utf-8") == SPUN
    assert sorted(os.listdir(tmp_path)) == ["a.txt"]  # no temporary file left behind


def test_overlapping_and_touching_fixes_never_both_apply():
    a = Finding("X1", "a", 0, 5, fix=Fix.replace(0, 5, "AAAAA", Applicability.SAFE), confidence=0.9)
    b = Finding("X2", "b", 3, 8, fix=Fix.replace(3, 8, "BBBBB", Applicability.SAFE), confidence=0.5)
    c = Finding("X3", "c", 5, 6, fix=Fix.replace(5, 6, "C", Applicability.SAFE), confidence=0.4)
    d = Finding("X4", "d", 7, 9, fix=Fix.replace(7, 9, "D", Applicability.UNSAFE), confidence=0.9)
    chosen, left = choose([a, b, c, d], unsafe=False)
    assert [f.code for f in chosen] == ["X1"]
    assert {f.code for f in left} == {"X2", "X3"}


def test_case_is_kept():
    assert match_case("Within the", "in the") == "In the"
    assert match_case("WITHIN THE", "in the") == "IN THE"
    assert match_case("within the", "in the") == "in the"
    text = "WITHIN THE SOUTH CHINA SEA, AS A SUBSTITUTE, THE STATE DIVISION WAITED.\n"
    result = fix_text(text, lambda t: check_document(Document(t), DEFAULT), unsafe=True)
    assert result.text == "IN THE SOUTH CHINA SEA, INSTEAD, THE STATE DEPARTMENT WAITED.\n"


WORDS = ["Blinken", "met", "the", "prime", "diplomat", "State", "Division", "stated", "not",
         "less", "than", "5", "international", "locations", "final", "week", "within", "in",
         "Could", "As", "a", "substitute", ",", ".", "said", "officials", "nationwide",
         "safety", "adviser", "took", "workplace", "12", "months", "this"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=40),
       st.lists(st.sampled_from([" ", " ", " ", "\n", "\r\n", "  "]), min_size=40, max_size=40))
def test_property_fix_touches_only_edited_spans_and_reaches_a_fixed_point(words, gaps):
    text = "".join(w + g for w, g in zip(words, gaps))
    findings = lint(text)
    chosen, _ = choose(findings, unsafe=True)
    edits = [e for f in chosen for e in f.fix.edits]
    once = apply_edits(text, edits)
    # everything outside the edited spans is kept, in order
    pos, rebuilt = 0, []
    for e in sorted(edits, key=lambda e: e.start):
        rebuilt.append(text[pos:e.start])
        pos = e.end
    rebuilt.append(text[pos:])
    outside = "".join(rebuilt)
    keep = once
    for e in sorted(edits, key=lambda e: e.start):
        keep = keep.replace(e.content, "", 1) if e.content else keep
    assert sorted(outside) == sorted(keep)
    full = fix_text(text, lint, unsafe=True)
    again = fix_text(full.text, lint, unsafe=True)
    if full.passes < fixes.MAX_PASSES:
        assert again.text == full.text and not again.applied


def _annotations_004():
    with open(FIXTURES / "seeds-expected.tsv", encoding="utf-8") as fh:
        return [r for r in csv.DictReader(fh, delimiter="\t") if r["file"].startswith("004")]


def test_fix_on_seed_004_corrects_every_safe_must_annotation_and_nothing_else(tmp_path):
    path = tmp_path / "004.txt"
    original = (FIXTURES / "004_f3b81073a000e2ce.txt").read_text(encoding="utf-8")
    path.write_text(original, encoding="utf-8")
    doc = Document(original)
    findings = check_document(doc, DEFAULT)
    run_cli("check", "--fix", str(path))
    fixed_lines = path.read_text(encoding="utf-8").split("\n")
    rows = _annotations_004()

    def covering(r):
        s = doc.offset(int(r["line"]), int(r["col"]))
        e = doc.offset(int(r["end_line"]), int(r["end_col"]))
        return [f for f in findings if f.start < e and s < f.end]

    chrome_rows = [int(r["line"]) for r in rows if r["category"] == "boilerplate"]

    def removed_before(line: int) -> int:
        # each removed chrome line above took its following blank line with it
        return sum(2 for c in chrome_rows if c < line)

    checked = 0
    for r in rows:
        fs = covering(r)
        if r["tier"] != "must" or not fs or not all(
                f.fix and f.fix.applicability is Applicability.SAFE for f in fs):
            continue
        checked += 1
        if r["suggestion"].startswith("("):  # page chrome: the line is gone
            assert r["phrase"] not in fixed_lines
            continue
        line = fixed_lines[int(r["line"]) - 1 - removed_before(int(r["line"]))]
        assert r["suggestion"].lower() in line.lower(), (r["phrase"], r["suggestion"], line)
    assert checked >= 20
    # nothing else changes: the fixed file is exactly the original with the chosen edits
    # applied (pass after pass), and no edit touches a clean control
    controls = [(doc.offset(int(r["line"]), int(r["col"])), doc.offset(int(r["end_line"]), int(r["end_col"])))
                for r in rows if r["category"] == "clean"]
    first_pass, _ = choose(findings, unsafe=False)
    for f in first_pass:
        for e in f.fix.edits:
            assert not any(e.start < b and a < e.end for a, b in controls), (f.code, f.message)
    replay = fix_text(original, lambda t: check_document(Document(t), DEFAULT), unsafe=False)
    assert path.read_text(encoding="utf-8") == replay.text


def test_interactive_asks_and_applies_only_accepted(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Blinken met China's prime diplomat. The State Division stated it.\n", encoding="utf-8")
    proc = run_cli("check", "--fix", "--interactive", "--select", "S1", str(path), stdin="y\nn\n")
    assert "Apply?" in proc.stderr
    text = path.read_text(encoding="utf-8")
    assert "top diplomat" in text and "State Division" in text
