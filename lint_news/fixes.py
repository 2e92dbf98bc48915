"""Applying fixes: choose non-conflicting edits, apply them, lint again until nothing changes,
and write the file back without ever costing the user their file.

* Overlapping or touching fixes never both apply: the more confident one wins, the other is
  left for the next pass (and reported if passes run out).
* Fixing runs to a fixed point, at most ``MAX_PASSES`` times.
* Writes are atomic: a temporary file beside the original, flushed and fsynced, given the
  original's mode, then renamed over it. Encoding, BOM and line endings are kept (edits
  never touch a line ending they do not delete with its line). A file that changed on disk
  while it was being linted is not overwritten.
"""
from __future__ import annotations

import difflib
import hashlib
import os
import tempfile
from dataclasses import dataclass, field
from typing import Callable, Iterable

from .document import Document
from .errors import LintNewsError
from .finding import Applicability, Edit, Finding
from .sources import Source

MAX_PASSES = 5


@dataclass
class FixOptions:
    unsafe: bool = False  # also apply unsafe fixes
    write: bool = True  # False: compute only (--diff)
    diff: bool = False  # produce a unified diff


@dataclass
class FixResult:
    text: str
    applied: list[Finding] = field(default_factory=list)
    skipped: list[Finding] = field(default_factory=list)  # conflicts left after the last pass
    passes: int = 0


def applicable(finding: Finding, unsafe: bool) -> bool:
    fix = finding.fix
    if fix is None or fix.applicability is Applicability.DISPLAY:
        return False
    return fix.applicability is Applicability.SAFE or unsafe


def _conflicts(edit: Edit, taken: list[tuple[int, int]]) -> bool:
    """Overlapping or touching an edit already chosen (two inserts at one point conflict)."""
    return any(edit.start <= e and s <= edit.end for s, e in taken)


def choose(findings: Iterable[Finding], unsafe: bool) -> tuple[list[Finding], list[Finding]]:
    """(chosen, left over): non-conflicting fixes, the most confident first."""
    candidates = [f for f in findings if applicable(f, unsafe)]
    candidates.sort(key=lambda f: (-f.confidence, f.start, f.code))
    chosen, left = [], []
    taken: list[tuple[int, int]] = []
    for f in candidates:
        if any(_conflicts(e, taken) for e in f.fix.edits):
            left.append(f)
            continue
        chosen.append(f)
        taken.extend((e.start, e.end) for e in f.fix.edits)
    return chosen, left


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    parts = []
    pos = 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        if e.start < pos:
            raise LintNewsError("internal error: overlapping edits")
        parts.append(text[pos:e.start])
        parts.append(e.content)
        pos = e.end
    parts.append(text[pos:])
    return "".join(parts)


def fix_text(text: str, lint: Callable[[str], list[Finding]], unsafe: bool) -> FixResult:
    """Apply fixes to ``text`` until no applicable fix is left (or ``MAX_PASSES``).

    ``lint`` maps a text to its findings (offsets into that text)."""
    result = FixResult(text)
    for n in range(1, MAX_PASSES + 1):
        findings = lint(result.text)
        chosen, left = choose(findings, unsafe)
        if not chosen:
            result.skipped = left
            break
        result.text = apply_edits(result.text, [e for f in chosen for e in f.fix.edits])
        result.applied.extend(chosen)
        result.passes = n
        result.skipped = left
    return result


def unified_diff(path: str, before: str, after: str) -> str:
    a = before.splitlines(keepends=True)
    b = after.splitlines(keepends=True)
    return "".join(difflib.unified_diff(a, b, fromfile=f"a/{path}", tofile=f"b/{path}"))


def _fingerprint(path: str) -> tuple[int, int, str]:
    st = os.stat(path)
    with open(path, "rb") as fh:
        digest = hashlib.sha256(fh.read()).hexdigest()
    return st.st_size, st.st_mtime_ns, digest


def write_atomically(source: Source, text: str) -> None:
    """Replace ``source.path`` with ``text`` (same encoding and BOM), or raise LintNewsError
    leaving the original untouched."""
    path = source.path
    try:
        size, mtime, digest = _fingerprint(path)
    except OSError as exc:
        raise LintNewsError(f"{path}: cannot re-read before writing: {exc.strerror}") from None
    if (source.size, source.mtime_ns) != (size, mtime) or (
            source.digest is not None and digest != source.digest):
        raise LintNewsError(f"{path}: changed on disk while it was being linted; not overwritten")
    if not os.access(path, os.W_OK) or not os.stat(path).st_mode & 0o222:
        raise LintNewsError(f"{path}: file is read-only; not fixed")
    try:
        data = source.encode(text)
    except UnicodeEncodeError as exc:
        raise LintNewsError(f"{path}: fixed text cannot be encoded as {source.encoding}: {exc}") from None
    directory = os.path.dirname(os.path.abspath(path))
    mode = os.stat(path).st_mode & 0o7777
    fd, tmp = None, None
    try:
        fd, tmp = tempfile.mkstemp(prefix=".lint-news-", suffix=".tmp", dir=directory)
        with os.fdopen(fd, "wb") as fh:
            fd = None
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        if _fingerprint(path)[2] != digest:
            raise LintNewsError(f"{path}: changed on disk while it was being fixed; not overwritten")
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise LintNewsError(f"{path}: could not write the fixed file ({exc.strerror or exc}); "
                            f"the original is unchanged") from None
    finally:
        if fd is not None:
            os.close(fd)
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)


def document_for(source: Source, text: str) -> Document:
    from .runner import make_document

    return make_document(Source(source.path, text, source.encoding, source.bom))


class Fixer:
    """The per-file fix step of a run (``LintContext.fixer``)."""

    def __init__(self, options: FixOptions) -> None:
        self.options = options

    def __call__(self, source: Source, doc: Document, report, ctx) -> None:
        from .runner import check_document, place

        rules = ctx.rules_for(report.path)
        first = [d.finding for d in report.diagnostics]

        def derived(text: str) -> Document:
            from .scoring import carry_evidence

            new = document_for(source, text)
            carry_evidence(doc, new)
            return new

        def lint(text: str) -> list[Finding]:
            if text is source.text:
                return first
            return check_document(derived(text), rules, ctx.accept, ctx.gates)

        result = fix_text(source.text, lint, self.options.unsafe)
        report.fixed = list(result.applied)
        if source.is_stdin and not self.options.diff:
            report.output_text = result.text
        if result.text == source.text:
            return
        if self.options.diff:
            report.diff = unified_diff(report.path, source.text, result.text)
            return
        if not source.is_stdin:
            try:
                write_atomically(source, result.text)
            except LintNewsError as exc:
                report.error = str(exc)
                report.fixed = []
                return
        final = derived(result.text)
        report.diagnostics = [place(final, report.path, f)
                              for f in check_document(final, rules, ctx.accept, ctx.gates)]
