"""Rules about the linting itself: suppression comments that suppress nothing."""
from __future__ import annotations

from typing import Iterator

from ..document import Document
from ..finding import Applicability, Edit, Finding, Fix
from ..rule import Rule


class UnusedSuppression(Rule):
    """A suppression comment that suppresses nothing (ruff's RUF100).

    ## What it does
    Flags a ``<!-- lint-news: disable=... -->``, ``ignore-next-line`` or ``disable-file``
    comment under which no finding of the named rules was silenced.

    ## Why is this bad?
    Stale suppressions hide future findings of the same kind and clutter the article's
    source; they pile up when the text they were written for is edited.

    ## Example
    <!-- lint-news: ignore-next-line=S101 -->
    The State Department said on Monday that talks would resume.

    ## Fix safety
    Safe: the comment is removed.
    """

    code = "X001"
    name = "unused-suppression"
    family = "meta"
    message = "Suppression comment suppresses nothing: {found!r}"
    fix_applicability = Applicability.SAFE
    after_suppressions = True
    examples_flagged = ("<!-- lint-news: ignore-next-line=S101 -->\n"
                        "The State Department said on Monday that talks would resume.\n",)
    examples_clean = ("<!-- lint-news: ignore-next-line=S101 -->\n"
                      "The State Division said on Monday that talks would resume.\n",)

    def check(self, doc: Document) -> Iterator[Finding]:
        return iter(())  # runs after the other rules: see check_suppressions

    def check_suppressions(self, doc: Document, suppressions) -> Iterator[Finding]:
        for sup in suppressions:
            if sup.used:
                continue
            found = doc.source[sup.start:sup.end]
            end = sup.end
            if doc.source[end:end + 1] == "\n":
                end += 1
            fix = Fix("Remove the comment", (Edit(sup.start, end, ""),), Applicability.SAFE)
            yield self.finding(sup.start, sup.end, self.message.format(found=found),
                               suggestion="(remove the comment)", fix=fix, confidence=0.9)
