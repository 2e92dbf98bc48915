"""The rule interface: metadata, documentation, examples and a ``check`` method.

A rule's documentation follows ruff's sections (What it does / Why is this bad? / Example /
Fix safety). Python rules write them in their class docstring; pack rules in TOML keys.
``lint-news explain CODE`` prints them and the test suite runs every rule's examples.
"""
from __future__ import annotations

import re
from typing import ClassVar, Iterable, Iterator

from .document import Document
from .finding import Applicability, Finding, Fix

SECTIONS = ("What it does", "Why is this bad?", "Example", "Fix safety", "References")
_SECTION_RE = re.compile(r"^##\s+(.+?)\s*$", re.M)


def parse_doc_sections(doc: str) -> dict[str, str]:
    """Split a Markdown-ish docstring into its ``## Section`` parts."""
    import textwrap

    doc = textwrap.dedent(doc or "").strip()
    parts: dict[str, str] = {}
    matches = list(_SECTION_RE.finditer(doc))
    if matches and matches[0].start() > 0:
        parts["Summary"] = doc[:matches[0].start()].strip()
    elif not matches:
        parts["Summary"] = doc
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(doc)
        parts[m.group(1)] = doc[m.end():end].strip()
    return parts


class Rule:
    """Base class. Subclasses set the class attributes and implement ``check``."""

    code: ClassVar[str] = ""
    name: ClassVar[str] = ""
    family: ClassVar[str] = ""
    message: ClassVar[str] = ""
    default: ClassVar[bool] = True
    # None: the rule never offers a fix. Otherwise the applicability of the fixes it offers.
    fix_applicability: ClassVar[Applicability | None] = None
    examples_flagged: ClassVar[tuple[str, ...]] = ()
    examples_clean: ClassVar[tuple[str, ...]] = ()
    origin: ClassVar[str] = "builtin"
    # A gated rule reports only in documents that show other signs of rewriting (see
    # scoring.rewriting_evidence): its findings alone are too common in edited copy.
    evidence_gate: ClassVar[bool] = False
    # A cross-document rule compares several documents (``check_many``); it runs with
    # ``--cross-check`` and its examples hold documents separated by a line "---".
    cross_document: ClassVar[bool] = False

    # ---- documentation --------------------------------------------------------------------
    @property
    def docs(self) -> dict[str, str]:
        return parse_doc_sections(type(self).__doc__ or "")

    @property
    def summary(self) -> str:
        return self.docs.get("Summary", "").split("\n\n")[0].replace("\n", " ") or self.message

    @property
    def fixable(self) -> bool:
        return self.fix_applicability is not None

    # ---- running --------------------------------------------------------------------------
    def check(self, doc: Document) -> Iterable[Finding]:
        raise NotImplementedError

    def check_many(self, named: list[tuple[str, Document]]) -> list[tuple[int, Finding]]:
        """Findings across documents, as (index of the document, finding)."""
        return []

    def finding(self, start: int, end: int, message: str | None = None,
                suggestion: str | None = None, fix: Fix | None = None,
                confidence: float = 0.5, **data) -> Finding:
        return Finding(self.code, message or self.message, start, end, suggestion, fix,
                       confidence, data)

    def replacement(self, doc: Document, start: int, end: int, content: str,
                    message: str | None = None, confidence: float = 0.5,
                    applicability: Applicability | None = None) -> Finding:
        """A finding whose suggestion is ``content`` and whose fix puts it in place."""
        applicability = applicability or self.fix_applicability or Applicability.DISPLAY
        fix = Fix.replace(start, end, content, applicability)
        return self.finding(start, end, message, suggestion=content, fix=fix,
                            confidence=confidence)

    def __repr__(self) -> str:
        return f"<{self.code} {self.name}>"


def run_examples(rule: Rule, text: str) -> list[Finding]:
    """Findings of ``rule`` alone on ``text`` (used by the examples test and `explain`),
    with its evidence gate applied as in a real run."""
    from .runner import check_document

    if rule.cross_document:
        docs = [(f"doc{k}.txt", Document(part)) for k, part in enumerate(text.split("\n---\n"))]
        return [f for _, f in rule.check_many(docs)]
    if getattr(rule, "after_suppressions", False):
        # judged against what the default rules find
        from .registry import Registry

        rules = [r for r in Registry.load(plugins=False) if r.default and r.code != rule.code]
        return [f for f in check_document(Document(text), [*rules, rule]) if f.code == rule.code]
    return check_document(Document(text), [rule])


def iter_rule_classes(namespace: dict) -> Iterator[type[Rule]]:
    """Rule subclasses defined in a module namespace that carry a code."""
    for obj in namespace.values():
        if isinstance(obj, type) and issubclass(obj, Rule) and obj.code:
            yield obj
