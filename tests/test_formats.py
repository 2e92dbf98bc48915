"""Markdown and HTML: only prose is linted, and findings point into the source file."""
from __future__ import annotations

import shutil

from conftest import FIXTURES, SEEDS, cli_json
from lint_news.formats import html_view, markdown_view

MD = FIXTURES / "formats" / "article.md"
HTML = FIXTURES / "formats" / "page.html"


def _texts(findings, path):
    lines = path.read_text(encoding="utf-8").split("\n")
    out = []
    for f in findings:
        row, col, end = f["location"]["row"], f["location"]["column"], f["end_location"]["column"]
        out.append((f["code"], lines[row - 1][col - 1:end - 1]))
    return out


def test_views_keep_every_offset():
    for path, view in ((MD, markdown_view), (HTML, html_view)):
        text = path.read_text(encoding="utf-8")
        assert len(view(text)) == len(text)


def test_markdown_skips_code_links_html_and_front_matter():
    findings, _ = cli_json(str(MD))
    found = _texts(findings, MD)
    assert ("S106", "prime") in found  # heading text is prose ("prime diplomat" -> "top")
    assert found.count(("S101", "Division")) == 2  # a paragraph, and a link's words
    lines = MD.read_text(encoding="utf-8").split("\n")
    flagged_rows = {f["location"]["row"] for f in findings}
    for row, line in enumerate(lines, 1):
        if any(k in line for k in ("```", "    The State", "<div", "title:", "`the State", "[ref]:", "https://")):
            assert row not in flagged_rows or line.startswith("[State Division page]"), line
    # the suppression comment silences S106 on the next line but not S001
    assert ("S001", "as a substitute,") in found
    assert ("S106", "nationwide safety adviser") not in found


def test_seeds_as_markdown_give_the_same_findings(tmp_path):
    for seed in SEEDS:
        md = tmp_path / (seed.stem + ".md")
        shutil.copy(seed, md)
        as_txt, _ = cli_json(str(seed))
        as_md, _ = cli_json(str(md))
        key = lambda f: (f["code"], f["location"]["row"], f["location"]["column"])
        assert sorted(map(key, as_txt)) == sorted(map(key, as_md)), seed.name


def test_html_lints_the_article_with_source_positions():
    findings, _ = cli_json(str(HTML))
    found = _texts(findings, HTML)
    assert ("S106", "prime") in found  # the <h1>, line 13
    assert ("S101", "Division") in found
    assert ("S002", "not less than 5") in found
    rows = {f["location"]["row"] for f in findings}
    assert rows <= {13, 14, 15, 16}  # nothing from <head>, <nav>, <header>, <aside>, <footer>
    h1 = next(f for f in findings if f["code"] == "S106")
    assert h1["location"] == {"row": 13, "column": 35}


def test_html_fix_edits_text_not_markup(tmp_path):
    page = tmp_path / "page.html"
    shutil.copy(HTML, page)
    from conftest import run_cli

    run_cli("check", "--fix", str(page))
    fixed = page.read_text(encoding="utf-8")
    assert "<h1>Blinken meets China&rsquo;s top diplomat</h1>" in fixed
    assert "The State Department stated" in fixed
    assert fixed.count("<p>") == fixed.count("</p>") == 3


def test_hostile_html_is_harmless():
    deep = "<div>" * 20000 + "The State Division stated." + "</div>" * 20000
    view = html_view("<html><body>" + deep + "</body></html>")
    assert "The State Division stated." in view
    xxe = '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><p>&e; text</p>'
    assert "root:" not in html_view(xxe)
