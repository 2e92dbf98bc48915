"""The command line as users run it: formats, exit codes, selection, configuration, bad input."""
from __future__ import annotations

import json
import os

import pytest

from conftest import FIXTURES, SEEDS, cli_json, run_cli

CLEAN_ARTICLE = ("The Secretary of State arrived in Beijing on Sunday for two days of talks with "
                 "senior Chinese officials, the State Department said.\n")
CHROME_ARTICLE = CLEAN_ARTICLE + "\nLeave a Reply\n\nYour email address will not be published. Required fields are marked *\n"


def test_json_report_has_ruff_shape():
    findings, proc = cli_json(str(FIXTURES / "003_1db7f69e6dbc993b.txt"))
    assert proc.returncode == 1
    leave = next(f for f in findings if f["code"] == "B001" and f["location"]["row"] == 25)
    assert leave["location"] == {"row": 25, "column": 1}
    assert leave["end_location"] == {"row": 25, "column": 14}
    assert leave["filename"].endswith("003_1db7f69e6dbc993b.txt")
    fix = leave["fix"]
    assert fix["applicability"] == "safe"
    assert fix["edits"][0]["content"] == ""
    assert fix["edits"][0]["location"] == {"row": 25, "column": 1}


def test_exit_codes(tmp_path):
    clean = tmp_path / "clean.txt"
    clean.write_text(CLEAN_ARTICLE, encoding="utf-8")
    dirty = tmp_path / "dirty.txt"
    dirty.write_text(CHROME_ARTICLE, encoding="utf-8")
    assert run_cli("check", str(clean)).returncode == 0
    assert run_cli("check", str(dirty)).returncode == 1
    assert run_cli("check", "--exit-zero", str(dirty)).returncode == 0
    assert run_cli("check", "--select", "ZZ9", str(dirty)).returncode == 2
    assert run_cli("check", "--output-format", "xml", str(dirty)).returncode == 2


def test_concise_is_the_default_when_piped(tmp_path):
    dirty = tmp_path / "dirty.txt"
    dirty.write_text(CHROME_ARTICLE, encoding="utf-8")
    proc = run_cli("check", str(dirty))
    lines = proc.stdout.splitlines()
    assert lines[0].endswith("dirty.txt:3:1: B001 Page chrome: comment form text ('Leave a Reply')")
    assert lines[-1].startswith("Found 2 findings in 1 file.")


def test_table_format_lists_file_position_code_message_and_suggestion(tmp_path):
    dirty = tmp_path / "dirty.txt"
    dirty.write_text(CHROME_ARTICLE, encoding="utf-8")
    proc = run_cli("check", "--output-format", "table", str(dirty), env={"COLUMNS": "200"})
    assert "3:1" in proc.stdout and "B001" in proc.stdout
    assert "(remove the line)" in proc.stdout
    assert "Found 2 findings" in proc.stdout


def test_sarif_is_valid_2_1_0(tmp_path):
    dirty = tmp_path / "dirty.txt"
    dirty.write_text(CHROME_ARTICLE, encoding="utf-8")
    proc = run_cli("check", "--output-format", "sarif", str(dirty))
    sarif = json.loads(proc.stdout)
    assert sarif["version"] == "2.1.0"
    run = sarif["runs"][0]
    assert run["tool"]["driver"]["name"] == "lint-news"
    assert run["columnKind"] == "unicodeCodePoints"
    rule_ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    for result in run["results"]:
        assert rule_ids[result["ruleIndex"]] == result["ruleId"]
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
    assert {r["ruleId"] for r in run["results"]} == {"B001"}


def test_github_annotations(tmp_path):
    dirty = tmp_path / "dirty.txt"
    dirty.write_text(CHROME_ARTICLE, encoding="utf-8")
    proc = run_cli("check", "--output-format", "github", str(dirty))
    first = proc.stdout.splitlines()[0]
    assert first.startswith("::warning file=")
    assert ",line=3,col=1,endLine=3,endColumn=14,title=B001::B001 Page chrome" in first


def test_select_ignore_and_extend_select_by_prefix(tmp_path):
    path = FIXTURES / "001_4d687f191cb50d78.txt"
    all_codes = {f["code"] for f in cli_json(str(path))[0]}
    assert {"B001", "B002", "B005"} <= all_codes
    only_b00 = {f["code"] for f in cli_json("--select", "B001,B005", str(path))[0]}
    assert only_b00 == {"B001", "B005"}
    ignored = {f["code"] for f in cli_json("--ignore", "B00", str(path))[0]}
    assert not any(c.startswith("B00") for c in ignored)
    # the most specific prefix wins: ignore B, but select B001 explicitly
    specific = {f["code"] for f in cli_json("--select", "B", "--ignore", "B", "--extend-select",
                                            "B001", str(path))[0]}
    assert specific == {"B001"}


def test_config_in_pyproject_and_lint_news_toml(tmp_path):
    (tmp_path / "a.txt").write_text(CHROME_ARTICLE, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.lint-news]\nignore = ["B001"]\n', encoding="utf-8")
    findings, proc = cli_json("a.txt", cwd=tmp_path)
    assert findings == [] and proc.returncode == 0
    (tmp_path / "other.toml").write_text('select = ["B001"]\n', encoding="utf-8")
    findings, _ = cli_json("--config", "other.toml", "a.txt", cwd=tmp_path)
    assert {f["code"] for f in findings} == {"B001"}
    (tmp_path / "bad.toml").write_text('select = "B001"\n', encoding="utf-8")
    proc = run_cli("check", "--config", "bad.toml", "a.txt", cwd=tmp_path)
    assert proc.returncode == 2 and "select must be a list" in proc.stderr


def test_statistics(tmp_path):
    proc = run_cli("check", "--statistics", "--select", "B", str(FIXTURES / "001_4d687f191cb50d78.txt"))
    assert any(line.split("\t")[1] == "B007" for line in proc.stdout.splitlines() if "\t" in line)


def test_stdin():
    proc = run_cli("check", "--output-format", "json", "-", stdin=CHROME_ARTICLE)
    findings = json.loads(proc.stdout)
    assert proc.returncode == 1
    assert [f["filename"] for f in findings] == ["-", "-"]


def test_directories_are_walked_for_text_and_markdown(tmp_path):
    sub = tmp_path / "articles" / "2023"
    sub.mkdir(parents=True)
    (sub / "a.txt").write_text(CHROME_ARTICLE, encoding="utf-8")
    (sub / "b.md").write_text(CHROME_ARTICLE, encoding="utf-8")
    (sub / "c.json").write_text(CHROME_ARTICLE, encoding="utf-8")
    findings, _ = cli_json(str(tmp_path / "articles"))
    assert sorted({os.path.basename(f["filename"]) for f in findings}) == ["a.txt", "b.md"]


def test_bad_input_is_one_line_and_exit_2_and_other_files_still_linted(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(CHROME_ARTICLE, encoding="utf-8")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Caf\u00e9 prices rose.".encode("latin-1"))
    empty_dir = tmp_path / "empty"
    empty_dir.mkdir()
    (empty_dir / "notes.json").write_text("{}", encoding="utf-8")
    proc = run_cli("check", "--output-format", "json", str(tmp_path / "missing.txt"), str(binary),
                   str(latin1), str(empty_dir), str(good))
    assert proc.returncode == 2
    findings = json.loads(proc.stdout)
    assert {os.path.basename(f["filename"]) for f in findings} == {"good.txt"}
    errors = proc.stderr.strip().splitlines()
    assert len(errors) == 4, errors
    assert all(e.startswith("lint-news: error: ") for e in errors)
    assert "Traceback" not in proc.stderr
    joined = "\n".join(errors)
    assert "missing.txt: no such file or directory" in joined
    assert "photo.txt: binary file" in joined
    assert "latin1.txt: invalid UTF-8 at byte 3" in joined
    assert "empty: directory holds no files matching" in joined


def test_utf16_with_bom_is_decoded(tmp_path):
    path = tmp_path / "utf16.txt"
    path.write_bytes(CHROME_ARTICLE.encode("utf-16"))
    findings, proc = cli_json(str(path))
    assert [f["location"]["row"] for f in findings] == [3, 5]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_positions_exact_for_line_endings_and_bom(tmp_path, newline):
    text = "\ufeff" + CHROME_ARTICLE.replace("\n", newline)
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode("utf-8"))
    findings, _ = cli_json(str(path))
    assert [(f["location"], f["end_location"]) for f in findings][0] == \
        ({"row": 3, "column": 1}, {"row": 3, "column": 14})


def test_rules_and_explain():
    proc = run_cli("rules", "--output-format", "json")
    rows = json.loads(proc.stdout)
    b001 = next(r for r in rows if r["code"] == "B001")
    assert b001["family"] == "chrome" and b001["fixable"] == "safe" and b001["default"] == "on"
    proc = run_cli("explain", "B001")
    assert proc.returncode == 0
    for heading in ("## What it does", "## Why is this bad?", "## Example", "## Fix safety"):
        assert heading in proc.stdout
    assert run_cli("explain", "Q999").returncode == 2


def test_seeds_lint_through_the_cli():
    findings, proc = cli_json(*map(str, SEEDS))
    assert proc.returncode == 1
    assert {os.path.basename(f["filename"]) for f in findings} == {p.name for p in SEEDS}
