"""Bad input: each case is one clear line naming the file, exit 2, and the other files are
still linted. Nothing raises a traceback."""
from __future__ import annotations

import json
import os

import pytest

from conftest import run_cli

GOOD = "The State Division stated that the talks would go on, officials said on Monday.\n"


def _case_missing(d):
    return str(d / "missing.txt"), "no such file or directory"


def _case_empty_dir(d):
    (d / "notes").mkdir()
    (d / "notes" / "a.json").write_text("{}", encoding="utf-8")
    return str(d / "notes"), "directory holds no files matching"


def _case_binary(d):
    (d / "image.txt").write_bytes(b"GIF89a\x01\x00\x01\x00\x00\xff\x00,")
    return str(d / "image.txt"), "binary file"


def _case_bad_utf8(d):
    (d / "latin1.txt").write_bytes("Prices rose at the caf\u00e9 in Z\u00fcrich.".encode("latin-1"))
    return str(d / "latin1.txt"), "invalid UTF-8 at byte 22"


def _case_huge_line(d):
    with open(d / "dump.txt", "w", encoding="utf-8") as fh:
        fh.write("word " * 10_000_000)  # one 50 MB line
    return str(d / "dump.txt"), "longer than 1,000,000 characters"


def _case_permission(d):
    p = d / "secret.txt"
    p.write_text(GOOD, encoding="utf-8")
    os.chmod(p, 0)
    if os.access(p, os.R_OK):
        pytest.skip("running as a user who can read anything (root)")
    return str(p), "permission denied"


def _case_symlink_loop(d):
    os.symlink(d / "loop_b.txt", d / "loop_a.txt")
    os.symlink(d / "loop_a.txt", d / "loop_b.txt")
    return str(d / "loop_a.txt"), "symlink loop"


CASES = {
    "missing file": _case_missing,
    "directory without text files": _case_empty_dir,
    "binary file": _case_binary,
    "invalid UTF-8": _case_bad_utf8,
    "50 MB single line": _case_huge_line,
    "permission denied": _case_permission,
    "symlink loop": _case_symlink_loop,
}


@pytest.mark.parametrize("name", CASES)
def test_bad_input_is_one_line_exit_2_and_others_still_linted(tmp_path, name):
    bad, expected = CASES[name](tmp_path)
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    proc = run_cli("check", "--output-format", "json", bad, str(good))
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    errors = proc.stderr.strip().splitlines()
    assert len(errors) == 1 and errors[0].startswith("lint-news: error: ")
    assert expected in errors[0] and os.path.basename(bad) in errors[0]
    findings = json.loads(proc.stdout)
    assert {os.path.basename(f["filename"]) for f in findings} == {"good.txt"}


def test_empty_file_and_utf16_are_linted_not_refused(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "utf16.txt").write_bytes(GOOD.encode("utf-16"))
    proc = run_cli("check", "--output-format", "json", str(tmp_path / "empty.txt"),
                   str(tmp_path / "utf16.txt"))
    assert proc.returncode == 1, proc.stderr
    findings = json.loads(proc.stdout)
    assert [(os.path.basename(f["filename"]), f["code"]) for f in findings] == [("utf16.txt", "S101")]


def test_unknown_code_in_select_is_a_usage_error():
    proc = run_cli("check", "--select", "Q123", "-", stdin=GOOD)
    assert proc.returncode == 2
    assert "unknown rule code or prefix 'Q123'" in proc.stderr


PACK = '''[pack]
family = "house"
[[rule]]
code = "H001"
name = "house"
kind = "line"
message = "x"
examples_flagged = ["x"]
examples_clean = ["y"]
entries = [
  {{ pattern = '{pattern}', note = "n" }},
]
'''


@pytest.mark.parametrize("pattern, message", [
    ("(a+)+b", "could backtrack catastrophically"),
    ("(\\s*x)*y", "could backtrack catastrophically"),
    ("(unclosed", "invalid regular expression"),
])
def test_dangerous_or_broken_pack_regex_is_refused_with_file_and_line(tmp_path, pattern, message):
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "house.toml").write_text(PACK.format(pattern=pattern), encoding="utf-8")
    (tmp_path / "lint-news.toml").write_text('packs = ["packs"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    proc = run_cli("check", "a.txt", cwd=tmp_path, env={"LINT_NEWS_NO_CACHE": "1"})
    assert proc.returncode == 2
    assert "house.toml:11: rule H001" in proc.stderr and message in proc.stderr
    assert "Traceback" not in proc.stderr


def test_permission_denied_message_even_when_running_as_root(tmp_path, monkeypatch):
    from lint_news.errors import InputError
    from lint_news import sources

    p = tmp_path / "secret.txt"
    p.write_text(GOOD, encoding="utf-8")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(sources, "open", refuse, raising=False)
    with pytest.raises(InputError, match="secret.txt: permission denied"):
        sources.read_source(str(p))
