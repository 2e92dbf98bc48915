"""Running the selected rules over documents, one file at a time or on all cores."""
from __future__ import annotations

import fnmatch
import os
import re
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from .document import Document
from .errors import InputError, LintNewsError
from .finding import Finding
from .rule import Rule
from .sources import Source, display_path, read_source

_WORDS_RE = re.compile(r"[^\W_]+")
# Below this many files a process pool costs more than it saves.
PARALLEL_THRESHOLD = 24


@dataclass
class Diagnostic:
    """A finding placed in its file: what reports print."""

    filename: str
    finding: Finding
    row: int
    column: int
    end_row: int
    end_column: int
    edit_positions: tuple[tuple[int, int, int, int], ...] = ()

    @property
    def code(self) -> str:
        return self.finding.code

    @property
    def message(self) -> str:
        return self.finding.message


@dataclass
class FileReport:
    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    error: str | None = None
    words: int = 0
    scores: dict[str, float] = field(default_factory=dict)
    # Filled in by the fixer: the findings whose fixes were applied.
    fixed: list[Finding] = field(default_factory=list)
    diff: str = ""
    output_text: str | None = None


@dataclass
class LintContext:
    rules: list[Rule]
    accept: tuple[str, ...] = ()
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    want_scores: bool = False
    gates: bool = True
    # The user's own people files (gazetteer format), for the name rules.
    extra_names: tuple[str, ...] = ()
    # A callable that takes (source, doc, diagnostics, report) and applies fixes.
    fixer: Callable | None = None

    def rules_for(self, path: str) -> list[Rule]:
        ignored = [code for pattern, codes in self.per_file_ignores.items()
                   if _glob_match(path, pattern) for code in codes]
        if not ignored:
            return self.rules
        return [r for r in self.rules
                if not any(r.code.startswith(c.upper()) or c.upper() == "ALL" for c in ignored)]


def _glob_match(path: str, pattern: str) -> bool:
    norm = path.replace(os.sep, "/")
    return (fnmatch.fnmatch(norm, pattern) or fnmatch.fnmatch(os.path.basename(norm), pattern)
            or fnmatch.fnmatch(norm, "*/" + pattern))


def make_document(source: Source) -> Document:
    from .formats import prose_view

    view = prose_view(source.text, source.format)
    return Document(view, source.path, source=source.text, fmt=source.format)


# A file larger than this is linted in pieces split at blank lines: rules see an article-sized
# document, memory stays flat, and document-wide analyses (names, evidence) stay linear.
CHUNK_CHARS = 100_000


def check_document(doc: Document, rules: Iterable[Rule], accept: Iterable[str] = (),
                   gates: bool = True) -> list[Finding]:
    """All findings of ``rules`` on ``doc``, filtered by suppressions and the accept list.

    With ``gates``, rules marked ``evidence_gate`` run only on documents that show other
    signs of rewriting."""
    return check_and_score(doc, rules, accept, gates, scores=False)[0]


def check_and_score(doc: Document, rules: Iterable[Rule], accept: Iterable[str] = (),
                    gates: bool = True, scores: bool = True) -> tuple[list[Finding], dict]:
    """Findings (as ``check_document``) and, if asked, the document scores, in one pass over
    the document (or over its pieces, for a very large file)."""
    from .scoring import document_features, scores_from
    from .suppress import apply_suppressions

    rules = list(rules)
    family_of = {rule.code: rule.family for rule in rules}
    features: dict[str, float] = {}
    if len(doc.text) > CHUNK_CHARS:
        findings = []
        for offset, part in split_document(doc):
            for f in _run_rules(part, rules, gates):
                findings.append(_shifted(f, offset))
            if scores:
                for k, v in document_features(part).items():
                    features[k] = features.get(k, 0.0) + v
    else:
        findings = _run_rules(doc, rules, gates)
        if scores:
            features = document_features(doc)
    findings = filter_accepted(doc, findings, accept)
    findings = apply_suppressions(doc, findings)
    suppressions = doc.cache.get("suppressions")
    if suppressions is None:
        from .suppress import parse_suppressions

        suppressions = parse_suppressions(doc)
    for rule in rules:
        if getattr(rule, "after_suppressions", False) and suppressions:
            findings.extend(rule.check_suppressions(doc, suppressions))
    findings = resolve_overlaps(findings, family_of)
    findings.sort(key=lambda f: (f.start, f.end, f.code))
    return findings, (scores_from(features) if scores else {})


def filter_accepted(doc: Document, findings: list[Finding], accept: Iterable[str]) -> list[Finding]:
    """Drop findings that touch a name or phrase the newsroom accepts (case-insensitive)."""
    accept_l = [a.lower() for a in accept if a.strip()]
    if not accept_l or not findings:
        return findings
    low = doc.text.lower()
    spans = [(m.start(), m.end()) for a in accept_l for m in re.finditer(re.escape(a), low)]
    if not spans:
        return findings
    return [f for f in findings if not any(f.start < e and s < max(f.end, f.start + 1)
                                           for s, e in spans)]


def _run_rules(doc: Document, rules: list[Rule], gates: bool) -> list[Finding]:
    from .scoring import EVIDENCE_MIN, rewriting_evidence

    findings: list[Finding] = []
    for rule in rules:
        if gates and rule.evidence_gate and rewriting_evidence(doc) < EVIDENCE_MIN:
            continue
        try:
            findings.extend(rule.check(doc))
        except LintNewsError:
            raise
        except Exception as exc:  # one faulty rule must not cost the user the other findings
            raise LintNewsError(f"{doc.path}: internal error in rule {rule.code} "
                                f"({type(exc).__name__}: {exc}); please report it") from exc
    return findings


def split_document(doc: Document, size: int = CHUNK_CHARS):
    """(offset, sub-document) pieces of about ``size`` characters, cut after a blank line
    where there is one (else after a line break, else anywhere)."""
    text, source = doc.text, doc.source
    start = 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            cut = max(text.rfind("\n\n", start, end), text.rfind("\r\n\r\n", start, end))
            if cut <= start:
                cut = text.rfind("\n", start, end)
            end = cut + 1 if cut > start else end
        part = Document(text[start:end], doc.path, source=source[start:end], fmt=doc.format)
        part.cache.update({k: v for k, v in doc.cache.items() if k.startswith(("carried-", "extra-"))})
        yield start, part
        start = end


def _shifted(f: Finding, offset: int) -> Finding:
    """Move a finding of a piece to its place in the whole document (in place: a large file
    has tens of thousands of findings)."""
    if offset == 0:
        return f
    from .finding import Edit, Fix

    f.start += offset
    f.end += offset
    if f.fix is not None:
        f.fix = Fix(f.fix.message, tuple(Edit(e.start + offset, e.end + offset, e.content)
                                         for e in f.fix.edits), f.fix.applicability)
    if "span" in f.data:
        f.data["span"] = (f.data["span"][0] + offset, f.data["span"][1] + offset)
    return f


def resolve_overlaps(findings: list[Finding], family_of: dict[str, str]) -> list[Finding]:
    """Within one rule family, of overlapping findings keep the longest (then the most
    confident): "not less than 5" rather than "not less than" as well. Findings of different
    families may overlap: each says something else."""
    import bisect

    def extent(f: Finding) -> tuple[int, int]:
        # a finding may mark less than the text it matched (the changed words of a phrase)
        s, e = f.data.get("span", (f.start, f.end)) if f.data else (f.start, f.end)
        return s, max(e, s + 1)

    ranked = sorted(findings, key=lambda f: (-(extent(f)[1] - extent(f)[0]), -f.confidence,
                                             f.start, f.code))
    kept: list[Finding] = []
    # per family, the kept spans as two sorted lists (starts, ends); kept spans never overlap
    taken: dict[str, tuple[list[int], list[int]]] = {}
    for f in ranked:
        starts, ends = taken.setdefault(family_of.get(f.code, f.code), ([], []))
        s, e = extent(f)
        k = bisect.bisect_left(starts, s)
        if (k < len(starts) and starts[k] < e) or (k > 0 and ends[k - 1] > s):
            continue
        starts.insert(k, s)
        ends.insert(k, e)
        kept.append(f)
    return kept


def place(doc: Document, filename: str, finding: Finding) -> Diagnostic:
    row, col = doc.position(finding.start)
    erow, ecol = doc.position(finding.end)
    edits = ()
    if finding.fix:
        edits = tuple((*doc.position(e.start), *doc.position(e.end)) for e in finding.fix.edits)
    return Diagnostic(filename, finding, row, col, erow, ecol, edits)


def lint_text(text: str, rules: Iterable[Rule], path: str = "<string>", fmt: str = "txt",
              accept: Iterable[str] = ()) -> list[Finding]:
    source = Source(path, text)
    if fmt != "txt":
        source.path = path if path.endswith("." + fmt) else f"{path}.{fmt}"
    return check_document(make_document(source), rules, accept)


def process_file(path: str, ctx: LintContext) -> FileReport:
    name = display_path(path)
    report = FileReport(name)
    try:
        source = read_source(path)
        doc = make_document(source)
        if ctx.extra_names:
            doc.cache["extra-names"] = ctx.extra_names
        findings, scores = check_and_score(doc, ctx.rules_for(name), ctx.accept, ctx.gates,
                                           scores=ctx.want_scores)
    except LintNewsError as exc:
        report.error = str(exc) if not isinstance(exc, InputError) else f"{name}: {str(exc).split(': ', 1)[-1]}"
        return report
    report.diagnostics = [place(doc, name, f) for f in findings]
    report.words = (sum(1 for _ in _WORDS_RE.finditer(doc.text)) if len(doc.text) > CHUNK_CHARS
                    else doc.word_count)  # no list of two million words for a big file
    report.scores = scores
    if ctx.fixer is not None:
        ctx.fixer(source, doc, report, ctx)
    return report


_CTX: LintContext | None = None


def _process_in_worker(path: str) -> FileReport:
    assert _CTX is not None
    return process_file(path, _CTX)


def run(paths: list[str], ctx: LintContext, jobs: int | None = None) -> Iterator[FileReport]:
    """Reports in the order of ``paths``. Uses a process pool for many files."""
    global _CTX
    jobs = jobs if jobs is not None else (os.cpu_count() or 1)
    if jobs <= 1 or len(paths) < PARALLEL_THRESHOLD or "-" in paths:
        for p in paths:
            yield process_file(p, ctx)
        return
    import multiprocessing

    try:
        mp = multiprocessing.get_context("fork")
    except ValueError:  # platforms without fork: stay serial
        for p in paths:
            yield process_file(p, ctx)
        return
    _CTX = ctx  # inherited by the forked workers
    chunk = max(1, min(64, len(paths) // (jobs * 8)))
    with mp.Pool(jobs) as pool:
        yield from pool.imap(_process_in_worker, paths, chunksize=chunk)
    _CTX = None


def cross_check(reports: list[FileReport], paths: list[str], rules: list[Rule],
                accept: Iterable[str] = ()) -> None:
    """Run the cross-document rules over the files that linted, adding their findings to the
    reports (``--cross-check``)."""
    many = [r for r in rules if r.cross_document]
    if not many:
        return
    named, owners = [], []
    for report, path in zip(reports, paths):
        if report.error is not None:
            continue
        try:
            source = read_source(path)
        except LintNewsError:
            continue
        named.append((report.path, make_document(source)))
        owners.append(report)
    for rule in many:
        for k, finding in rule.check_many(named):
            doc = named[k][1]
            if filter_accepted(doc, [finding], accept):
                owners[k].diagnostics.append(place(doc, owners[k].path, finding))
    for report in owners:
        report.diagnostics.sort(key=lambda d: (d.row, d.column, d.code))
