"""Writing reports: table (rich), concise, json (ruff's shape), sarif 2.1.0, github annotations.

Rich is imported only when a table is printed: start-up time is what a pre-commit hook feels.
"""
from __future__ import annotations

import json
import os
import sys
from collections import Counter
from typing import Callable, TextIO

from . import __version__
from .runner import Diagnostic, FileReport

FORMATS = ("table", "concise", "json", "sarif", "github")
REPO_URL = "https://example.invalid/lint-news"


def _fix_json(d: Diagnostic) -> dict | None:
    fix = d.finding.fix
    if fix is None:
        return None
    return {
        "message": fix.message,
        "applicability": fix.applicability.value,
        "edits": [{"content": e.content,
                   "location": {"row": p[0], "column": p[1]},
                   "end_location": {"row": p[2], "column": p[3]}}
                  for e, p in zip(fix.edits, d.edit_positions)],
    }


def diagnostic_json(d: Diagnostic) -> dict:
    return {
        "filename": d.filename,
        "code": d.code,
        "message": d.message,
        "location": {"row": d.row, "column": d.column},
        "end_location": {"row": d.end_row, "column": d.end_column},
        "fix": _fix_json(d),
        "suggestion": d.finding.suggestion,
        "severity": "warning",
        "url": None,
        **({"data": {k: v for k, v in d.finding.data.items() if k != "span"}}
           if set(d.finding.data) - {"span"} else {}),
    }


def write_json(diags: list[Diagnostic], out: TextIO, **_) -> None:
    json.dump([diagnostic_json(d) for d in diags], out, ensure_ascii=False, indent=2)
    out.write("\n")


def write_concise(diags: list[Diagnostic], out: TextIO, **_) -> None:
    for d in diags:
        out.write(f"{d.filename}:{d.row}:{d.column}: {d.code} {d.message}\n")


def _gh_escape(value: str, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def write_github(diags: list[Diagnostic], out: TextIO, **_) -> None:
    for d in diags:
        props = (f"file={_gh_escape(d.filename, True)},line={d.row},col={d.column},"
                 f"endLine={d.end_row},endColumn={d.end_column},title={_gh_escape(d.code, True)}")
        out.write(f"::warning {props}::{_gh_escape(f'{d.code} {d.message}')}\n")


def write_sarif(diags: list[Diagnostic], out: TextIO, rules=None, **_) -> None:
    used = sorted({d.code for d in diags})
    by_code = {r.code: r for r in (rules or [])}
    rule_entries = []
    for code in used:
        r = by_code.get(code)
        entry = {"id": code, "name": getattr(r, "name", code),
                 "shortDescription": {"text": getattr(r, "summary", code) or code},
                 "defaultConfiguration": {"level": "warning"}}
        if r is not None:
            docs = r.docs
            entry["fullDescription"] = {"text": docs.get("What it does", r.summary)}
            entry["help"] = {"text": "\n\n".join(f"{k}: {v}" for k, v in docs.items() if k != "Summary")}
        rule_entries.append(entry)
    index = {code: i for i, code in enumerate(used)}
    results = []
    for d in diags:
        result = {
            "ruleId": d.code,
            "ruleIndex": index[d.code],
            "level": "warning",
            "message": {"text": d.message},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": d.filename.replace(os.sep, "/")},
                "region": {"startLine": d.row, "startColumn": d.column,
                           "endLine": d.end_row, "endColumn": d.end_column}}}],
        }
        fix = d.finding.fix
        if fix is not None:
            result["fixes"] = [{
                "description": {"text": fix.message},
                "artifactChanges": [{
                    "artifactLocation": {"uri": d.filename.replace(os.sep, "/")},
                    "replacements": [{
                        "deletedRegion": {"startLine": p[0], "startColumn": p[1],
                                          "endLine": p[2], "endColumn": p[3]},
                        "insertedContent": {"text": e.content}}
                        for e, p in zip(fix.edits, d.edit_positions)]}]}]
        results.append(result)
    sarif = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "lint-news", "version": __version__,
                                "informationUri": REPO_URL, "rules": rule_entries}},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
    json.dump(sarif, out, ensure_ascii=False, indent=2)
    out.write("\n")


def write_table(diags: list[Diagnostic], out: TextIO, color: bool | None = None, **_) -> None:
    if not diags:
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(file=out, no_color=not color, highlight=False,
                      force_terminal=color, soft_wrap=False)
    table = Table(show_lines=False, header_style="bold", expand=False, box=None, pad_edge=False)
    table.add_column("file", style="cyan", overflow="fold")
    table.add_column("line:col", justify="right", no_wrap=True)
    table.add_column("code", style="bold red", no_wrap=True)
    table.add_column("message", overflow="fold", ratio=3)
    table.add_column("suggestion", style="green", overflow="fold", ratio=1)
    for d in diags:
        table.add_row(Text(d.filename), f"{d.row}:{d.column}", d.code, Text(d.message),
                      Text(d.finding.suggestion or ""))
    console.print(table)


WRITERS: dict[str, Callable] = {
    "table": write_table, "concise": write_concise, "json": write_json,
    "sarif": write_sarif, "github": write_github,
}


def use_color(stream: TextIO) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty()


def default_format(stream: TextIO = sys.stdout) -> str:
    return "table" if hasattr(stream, "isatty") and stream.isatty() else "concise"


def statistics(diags: list[Diagnostic], rules_by_code: dict, out: TextIO) -> None:
    counts = Counter(d.code for d in diags)
    fixable = Counter(d.code for d in diags if d.finding.fix is not None)
    for code, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        rule = rules_by_code.get(code)
        mark = "[*]" if fixable[code] else "   "
        out.write(f"{n:5}\t{code}\t{mark} {getattr(rule, 'name', '')}\n")


def summary_line(reports: list[FileReport], diags: list[Diagnostic]) -> str:
    n = len(diags)
    files = sum(1 for r in reports if r.error is None)
    safe = sum(1 for d in diags if d.finding.fix is not None
               and d.finding.fix.applicability.value == "safe")
    unsafe = sum(1 for d in diags if d.finding.fix is not None
                 and d.finding.fix.applicability.value == "unsafe")
    if not n:
        return f"All checks passed ({files} file{'s' if files != 1 else ''})."
    parts = [f"Found {n} finding{'s' if n != 1 else ''} in {files} file{'s' if files != 1 else ''}."]
    if safe:
        parts.append(f"[*] {safe} fixable with `--fix`")
    if unsafe:
        parts.append(f"{unsafe} more with `--unsafe-fixes`")
    return " ".join(parts)


def score_rows(reports: list[FileReport]) -> list[dict]:
    return [{"filename": r.path, "words": r.words, **r.scores} for r in reports if r.error is None]


def score_lines(reports: list[FileReport], threshold: float = 0.3, limit: int = 10) -> list[str]:
    """Summary lines under a report: the files whose document scores stand out."""
    rows = [r for r in reports if r.error is None and max(r.scores.values(), default=0) >= threshold]
    rows.sort(key=lambda r: -max(r.scores.values()))
    lines = [f"Scores: {r.path}: " + ", ".join(f"{k.replace('_score', '')} {v:.2f}"
                                                for k, v in r.scores.items())
             for r in rows[:limit]]
    if len(rows) > limit:
        lines.append(f"Scores: {len(rows) - limit} more files score {threshold:.1f} or more "
                     f"(see `lint-news score --sort`)")
    return lines


def write_scores(reports: list[FileReport], out: TextIO, fmt: str, color: bool = False) -> None:
    rows = score_rows(reports)
    if fmt == "json":
        json.dump(rows, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(box=None, header_style="bold", pad_edge=False)
    keys = ["filename", "words"] + sorted({k for r in rows for k in r} - {"filename", "words"})
    for k in keys:
        table.add_column(k, justify="left" if k == "filename" else "right", overflow="fold")
    for r in rows:
        table.add_row(*(f"{r[k]:.3f}" if isinstance(r.get(k), float) else str(r.get(k, ""))
                        for k in keys))
    Console(file=out, no_color=not color, highlight=False).print(table)


def fixed_lines(reports: list[FileReport], detailed: bool = False, would: bool = False) -> list[str]:
    """"Fixed 12 findings." and, in detail, per file and rule (ruff's --show-fixes)."""
    total = sum(len(r.fixed) for r in reports)
    if not total:
        return []
    verb = "Would fix" if would else "Fixed"
    lines = [f"{verb} {total} finding{'s' if total != 1 else ''}:" if detailed
             else f"{verb} {total} finding{'s' if total != 1 else ''}."]
    if detailed:
        for r in reports:
            if not r.fixed:
                continue
            lines.append(f"- {r.path}:")
            for code, n in sorted(Counter(f.code for f in r.fixed).items()):
                lines.append(f"    {n} × {code}")
    return lines
