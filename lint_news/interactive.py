"""``lint-news check --fix --interactive``: each suggestion shown in context, the way
``codespell -i`` asks: [y]es, [n]o, [e]dit, [a]ll remaining in this file, [q]uit."""
from __future__ import annotations

import sys

from .errors import LintNewsError
from .finding import Edit
from .fixes import apply_edits, write_atomically
from .runner import LintContext, check_document, make_document
from .sources import display_path, read_source

PROMPT = "Apply? [y]es [n]o [e]dit [a]ll in this file [q]uit: "


def _ask(prompt: str) -> str | None:
    sys.stderr.write(prompt)
    sys.stderr.flush()
    line = sys.stdin.readline()
    return None if not line else line.rstrip("\n")


def _context(doc, start: int, end: int) -> str:
    row = doc.line_index(start)
    ls, le = doc.lines[row]
    end = min(end, le)
    return f"    {doc.text[max(ls, start - 60):start]}>>{doc.text[start:end]}<<{doc.text[end:min(le, end + 60)]}"


def run_interactive(files: list[str], ctx: LintContext, errors: list[str]) -> int:
    for path in files:
        if path == "-":
            errors.append("-: --interactive cannot read the article from standard input")
            continue
        name = display_path(path)
        try:
            source = read_source(path)
            doc = make_document(source)
            findings = check_document(doc, ctx.rules_for(name), ctx.accept, ctx.gates)
        except LintNewsError as exc:
            errors.append(str(exc))
            continue
        accepted: list[Edit] = []
        take_all = False
        quit_now = False
        for f in findings:
            if f.fix is None:
                continue
            if any(e.start <= a.end and a.start <= e.end for e in f.fix.edits for a in accepted):
                continue  # overlaps an edit already accepted
            row, col = doc.position(f.start)
            replacement = f.fix.edits[0].content if len(f.fix.edits) == 1 else f.suggestion
            sys.stderr.write(f"{name}:{row}:{col}: {f.code} {f.message}\n{_context(doc, f.start, f.end)}\n"
                             f"    -> {replacement!r} ({f.fix.applicability.value})\n")
            answer = "y" if take_all else _ask(PROMPT)
            if answer is None or answer.lower().startswith("q"):
                quit_now = True
                break
            answer = answer.lower()[:1]
            if answer == "a":
                take_all, answer = True, "y"
            if answer == "y":
                accepted.extend(f.fix.edits)
            elif answer == "e":
                text = _ask("Replace with: ")
                if text is not None and len(f.fix.edits) == 1:
                    e = f.fix.edits[0]
                    accepted.append(Edit(e.start, e.end, text))
        if accepted:
            try:
                write_atomically(source, apply_edits(source.text, accepted))
                sys.stderr.write(f"{name}: {len(accepted)} change(s) written\n")
            except LintNewsError as exc:
                errors.append(str(exc))
        if quit_now:
            break
    for message in errors:
        sys.stderr.write(f"lint-news: error: {message}\n")
    return 2 if errors else 0
