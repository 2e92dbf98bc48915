"""Rule packs are data, and the data is tested (codespell's habit): well-formed, no duplicate
entries, every entry with a provenance note, no fix that is itself flagged; a broken pack is
an error that names the file and the line."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import cli_json, run_cli
from lint_news.document import Document
from lint_news.errors import PackError
from lint_news.packs import builtin_pack_dir, load_pack
from lint_news.phrases import PhraseRule

PACKS = sorted(builtin_pack_dir().glob("*.toml"))
MINIMAL_RULE = '''
[pack]
family = "house"

[[rule]]
code = "H001"
name = "house-style"
kind = "phrase"
message = "House style: write {fix!r}, not {found!r}"
safety = "safe"
examples_flagged = ["We met with the Chairman."]
examples_clean = ["We met with the chair."]
entries = [
  { find = "chairman", fix = "chair", note = "house style guide 2024" },
]
'''


@pytest.mark.parametrize("path", PACKS, ids=lambda p: p.name)
def test_pack_loads_and_entries_have_notes(path):
    rules = load_pack(path)
    assert rules, f"{path.name} defines no rules"
    for rule in rules:
        for entry in rule.entries:
            assert entry.get("note"), f"{path.name} {rule.code}: entry without note: {entry}"


@pytest.mark.parametrize("path", PACKS, ids=lambda p: p.name)
def test_pack_has_no_duplicate_entries(path):
    seen = {}
    for rule in load_pack(path):
        for entry in rule.entries:
            key = tuple(sorted((k, str(v)) for k, v in entry.items() if k != "note"))
            assert key not in seen, f"{path.name}: duplicate entry {entry} (also in {seen[key]})"
            seen[key] = rule.code


def _fixes(entry: dict) -> list[str]:
    fix = entry.get("fix")
    return [] if fix is None else [fix] if isinstance(fix, str) else list(fix)


def _phrase_rules():
    from lint_news.registry import Registry

    return [r for r in Registry.load(plugins=False) if isinstance(r, PhraseRule)]


def test_no_fix_is_itself_flagged():
    """Applying an entry's fix must not produce text that a phrase rule flags (no loops)."""
    rules = _phrase_rules()
    problems = []
    for rule in rules:
        for entry, raw in zip(rule.compiled, rule.entries):
            for fix in _fixes(raw):
                if "$" in fix:
                    continue
                doc = Document(f"They said {fix} was the issue.")
                for other in rules:
                    for m in other.find_matches(doc):
                        if not m.entry.gated:
                            problems.append(f"{rule.code} {raw['find']!r} -> {fix!r} is flagged by "
                                            f"{other.code} {other.entries[m.entry.index]['find']!r}")
    assert not problems, "\n".join(problems[:20])


def test_codes_are_unique_across_packs():
    from lint_news.registry import Registry

    Registry.load(plugins=False)  # raises on a duplicate code


def _write(tmp_path: Path, text: str, name: str = "house.toml") -> Path:
    d = tmp_path / "packs"
    d.mkdir(exist_ok=True)
    p = d / name
    p.write_text(text, encoding="utf-8")
    return p


def test_user_pack_directory_from_config(tmp_path):
    _write(tmp_path, MINIMAL_RULE)
    (tmp_path / "lint-news.toml").write_text('packs = ["packs"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("The Chairman spoke first.\n", encoding="utf-8")
    findings, proc = cli_json("a.txt", cwd=tmp_path, env={"LINT_NEWS_NO_CACHE": "1"})
    house = [f for f in findings if f["code"] == "H001"]
    assert house and house[0]["fix"]["edits"][0]["content"] == "Chair"
    assert house[0]["location"] == {"row": 1, "column": 5}


def test_toml_syntax_error_names_file_and_line(tmp_path):
    broken = MINIMAL_RULE.replace('name = "house-style"', 'name = "house-style')
    _write(tmp_path, broken)
    (tmp_path / "lint-news.toml").write_text('packs = ["packs"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("Text.\n", encoding="utf-8")
    proc = run_cli("check", "a.txt", cwd=tmp_path, env={"LINT_NEWS_NO_CACHE": "1"})
    assert proc.returncode == 2
    line = MINIMAL_RULE.splitlines().index('name = "house-style"') + 1
    assert f"house.toml:{line}: invalid TOML" in proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize("bad, needle, message", [
    ('{ find = "chairman", fix = "chair" }', "chairman", "lacks note"),
    ('{ find = "chairman", fix = "chair", note = "x", colour = "red" }', "chairman", "unknown key(s) colour"),
    ('{ find = "{titles} x", fix = "chair", note = "x" }', "{titles}", "unknown word set {titles}"),
    ('{ find = "chairman", fix = "$3", note = "x" }', "$3", "fix refers to $3"),
])
def test_invalid_entries_name_file_and_line(tmp_path, bad, needle, message):
    text = MINIMAL_RULE.replace('{ find = "chairman", fix = "chair", note = "house style guide 2024" }', bad)
    path = _write(tmp_path, text)
    with pytest.raises(PackError) as exc:
        load_pack(path)
    line = next(i for i, l in enumerate(text.splitlines(), 1) if needle in l)
    assert str(exc.value).startswith(f"{path}:{line}: ")
    assert message in str(exc.value)


def test_invalid_regex_in_line_pack(tmp_path):
    text = MINIMAL_RULE.replace('kind = "phrase"', 'kind = "line"').replace(
        '{ find = "chairman", fix = "chair", note = "house style guide 2024" }',
        '{ pattern = "(unclosed", note = "x" }')
    path = _write(tmp_path, text)
    with pytest.raises(PackError, match=r"house.toml:\d+: rule H001: entry '\(unclosed': invalid regular expression"):
        load_pack(path)


def test_unknown_kind_and_bad_code(tmp_path):
    with pytest.raises(PackError, match="unknown kind 'spellcheck'"):
        load_pack(_write(tmp_path, MINIMAL_RULE.replace('kind = "phrase"', 'kind = "spellcheck"')))
    with pytest.raises(PackError, match="must be 1-3 capital letters and 3 digits"):
        load_pack(_write(tmp_path, MINIMAL_RULE.replace('"H001"', '"house1"')))


def test_every_replacement_is_made_of_known_words():
    """codespell's check: a correction must be a real word (or a capitalised name)."""
    import re

    from lint_news.lexicon import lexicon

    lex = lexicon()
    unknown = []
    for rule in _phrase_rules():
        for entry in rule.entries:
            for word in [w for fix in _fixes(entry)
                         for w in re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", re.sub(r"\$\d+", "", fix))]:
                if word[:1].isupper():
                    continue  # names and initialisms
                for part in re.split(r"['’-]", word):
                    if len(part) > 1 and not lex.known(part):
                        unknown.append((rule.code, entry["find"], entry["fix"], part))
    assert not unknown, unknown[:20]
