"""Suppressions as editors need them: comments, accept list, per-file ignores, and a finding
for a suppression that suppresses nothing."""
from __future__ import annotations

from conftest import cli_json

SPUN = "The State Division stated the 2 sides met. As a substitute, they talked.\n"


def codes(findings):
    return sorted(f["code"] for f in findings)


def test_disable_enable_region(tmp_path):
    p = tmp_path / "a.md"
    p.write_text("<!-- lint-news: disable=S101 -->\n" + SPUN + "<!-- lint-news: enable -->\n" + SPUN,
                 encoding="utf-8")
    findings, _ = cli_json(str(p))
    s101_rows = [f["location"]["row"] for f in findings if f["code"] == "S101"]
    assert s101_rows == [4]


def test_ignore_next_line_and_disable_file(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("<!-- lint-news: ignore-next-line -->\n" + SPUN + SPUN, encoding="utf-8")
    findings, _ = cli_json(str(p))
    assert {f["location"]["row"] for f in findings} == {3}
    q = tmp_path / "b.md"
    q.write_text("<!-- lint-news: disable-file=S0 -->\n" + SPUN, encoding="utf-8")
    findings, _ = cli_json(str(q))
    assert codes(findings) == ["S101"]


def test_unused_suppression_is_reported(tmp_path):
    p = tmp_path / "a.md"
    p.write_text("<!-- lint-news: ignore-next-line=N001 -->\nThe talks went on.\n", encoding="utf-8")
    findings, _ = cli_json(str(p))
    assert codes(findings) == ["X001"]
    assert findings[0]["fix"]["edits"][0]["content"] == ""


def test_accept_list_and_per_file_ignores(tmp_path):
    (tmp_path / "wire").mkdir()
    (tmp_path / "wire" / "a.txt").write_text(SPUN, encoding="utf-8")
    (tmp_path / "b.txt").write_text(SPUN, encoding="utf-8")
    (tmp_path / "lint-news.toml").write_text(
        'accept = ["State Division"]\n[per-file-ignores]\n"wire/*.txt" = ["S0"]\n', encoding="utf-8")
    findings, _ = cli_json(".", cwd=tmp_path)
    by_file = {}
    for f in findings:
        by_file.setdefault(f["filename"].replace("\\\\", "/"), []).append(f["code"])
    assert sorted(by_file["b.txt"]) == ["S001", "S002"]  # S101 accepted
    assert by_file.get("wire/a.txt", []) == []  # S0xx ignored there; S101 accepted
