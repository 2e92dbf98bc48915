"""Every rule carries examples; each flagged example is flagged by that rule, each clean one
is not (proselint's convention). A rule without examples fails the build."""
from __future__ import annotations

import pytest

from lint_news.registry import Registry
from lint_news.rule import run_examples

RULES = list(Registry.load(plugins=False))


def test_registry_is_not_empty():
    assert len(RULES) >= 10


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_has_examples_and_docs(rule):
    assert rule.examples_flagged, f"{rule.code} has no examples_flagged"
    assert rule.examples_clean, f"{rule.code} has no examples_clean"
    assert rule.name and rule.family and rule.message
    assert rule.summary


@pytest.fixture
def server_for(request, languagetool_server):
    """Rules that need a server (LanguageTool) run their examples against the stand-in."""
    from lint_news.checks import languagetool

    languagetool.configure(languagetool_server)
    yield
    languagetool.configure(None)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_flagged_examples_are_flagged(rule, request):
    if getattr(rule, "needs_server", False):
        request.getfixturevalue("server_for")
    for text in rule.examples_flagged:
        codes = [f.code for f in run_examples(rule, text)]
        assert rule.code in codes, f"{rule.code} did not flag: {text!r}"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_clean_examples_are_not_flagged(rule, request):
    if getattr(rule, "needs_server", False):
        request.getfixturevalue("server_for")
    for text in rule.examples_clean:
        found = [(f.code, text[f.start:f.end]) for f in run_examples(rule, text)]
        assert not found, f"{rule.code} flagged clean text {text!r}: {found}"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_findings_stay_inside_the_text(rule):
    for text in rule.examples_flagged:
        for f in run_examples(rule, text):
            assert 0 <= f.start <= f.end <= len(text)
            if f.fix:
                for e in f.fix.edits:
                    assert 0 <= e.start <= e.end <= len(text)
