"""The ``lint-news`` command line (typer).

Exit codes follow ruff and ESLint: 0 nothing found, 1 findings, 2 usage or input error.
"""
from __future__ import annotations

import sys
from typing import Annotated, Optional

import typer

from .errors import LintNewsError, UsageError

app = typer.Typer(
    name="lint-news",
    help="A linter for spun and machine-translated news articles.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

CodeList = Annotated[Optional[list[str]], typer.Option(
    help="Rule codes or prefixes, comma-separated or repeated.", show_default=False)]


def _split(values: list[str] | None) -> list[str] | None:
    if values is None:
        return None
    return [v.strip().upper() for item in values for v in item.split(",") if v.strip()]


def _fail(message: str) -> "typer.Exit":
    sys.stderr.write(f"lint-news: error: {message}\n")
    return typer.Exit(2)


def _registry_and_settings(config: str | None, select, extend_select, ignore):
    from .config import load_settings
    from .registry import Registry

    settings = load_settings(config)
    if select is not None:
        settings.select = select
    if extend_select:
        settings.extend_select = [*settings.extend_select, *extend_select]
    if ignore:
        settings.ignore = [*settings.ignore, *ignore]
    registry = Registry.load(pack_dirs=[settings.resolve_path(p) for p in settings.packs])
    return registry, settings


@app.command()
def check(
    paths: Annotated[Optional[list[str]], typer.Argument(
        help="Files or directories to lint; '-' reads standard input.", show_default=False)] = None,
    output_format: Annotated[Optional[str], typer.Option(
        "--output-format", "-o",
        help="table (default on a terminal), concise (default when piped), json, sarif, github.",
        show_default=False)] = None,
    select: CodeList = None,
    extend_select: CodeList = None,
    ignore: CodeList = None,
    config: Annotated[Optional[str], typer.Option(
        help="A lint-news.toml or pyproject.toml to use instead of the nearest one.",
        show_default=False)] = None,
    statistics: Annotated[bool, typer.Option(help="Print the number of findings per rule.")] = False,
    exit_zero: Annotated[bool, typer.Option(help="Exit 0 even when there are findings.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only the summary.")] = False,
    fix: Annotated[bool, typer.Option("--fix", help="Apply safe fixes in place.")] = False,
    unsafe_fixes: Annotated[bool, typer.Option(
        "--unsafe-fixes", help="Also apply unsafe fixes (names, guesses, deletions of text).")] = False,
    diff: Annotated[bool, typer.Option(
        "--diff", help="Print a unified diff of the fixes instead of applying them; exit 1 if "
                       "there is something to fix.")] = False,
    show_fixes: Annotated[bool, typer.Option("--show-fixes", help="List the fixes applied.")] = False,
    interactive: Annotated[bool, typer.Option(
        "--interactive", "-i", help="With --fix: ask about each suggestion (y/n/e/a/q).")] = False,
    languagetool_url: Annotated[Optional[str], typer.Option(
        help="A LanguageTool server (e.g. http://localhost:8081) for rule LT001.",
        show_default=False)] = None,
    cross_check: Annotated[bool, typer.Option(
        "--cross-check", help="Treat the files as copies of one story and flag names the other "
                              "sources spell differently (rule N005).")] = False,
    strict: Annotated[Optional[bool], typer.Option(
        "--strict/--no-strict", show_default=False,
        help="Report evidence-gated rules (misspellings, wrong articles, fragments...) in "
             "every document, not only where other signs of rewriting show.")] = None,
    jobs: Annotated[Optional[int], typer.Option(
        "--jobs", "-j", help="Processes to use (default: all cores).", show_default=False)] = None,
) -> None:
    """Lint articles and report what a spinner, a translator or a scraper left in them."""
    from . import output
    from .errors import InputError
    from .runner import LintContext, run
    from .sources import discover

    try:
        registry, settings = _registry_and_settings(config, _split(select), _split(extend_select),
                                                    _split(ignore))
        rules = registry.select(settings.select, settings.extend_select, settings.ignore)
        fmt = (output_format or settings.output_format or output.default_format()).lower()
        if fmt not in output.FORMATS:
            raise UsageError(f"unknown output format {fmt!r} (choose from {', '.join(output.FORMATS)})")
    except LintNewsError as exc:
        raise _fail(str(exc))

    errors: list[str] = []
    files: list[str] = []
    _setup_languagetool(languagetool_url or settings.languagetool_url,
                        settings.languagetool_language, rules)
    for item in discover(paths or ["."], tuple(settings.include),
                         tuple(settings.exclude) + tuple(settings.extend_exclude)):
        if isinstance(item, InputError):
            errors.append(str(item))
        else:
            files.append(item)
    ctx = LintContext(rules, accept=tuple(settings.accept), per_file_ignores=settings.per_file_ignores,
                      extra_names=tuple(settings.resolve_path(n) for n in settings.names),
                      want_scores=(fmt in ("table", "concise") or quiet) and not (fix or diff),
                      gates=not (settings.strict if strict is None else strict))
    if interactive:
        if not fix:
            raise _fail("--interactive needs --fix")
        from .interactive import run_interactive

        raise typer.Exit(run_interactive(files, ctx, errors))
    if fix or diff:
        from .fixes import Fixer, FixOptions

        ctx.fixer = Fixer(FixOptions(unsafe=unsafe_fixes, write=not diff, diff=diff))
    reports = []
    try:
        for report in run(files, ctx, jobs):
            reports.append(report)
            if report.error:
                errors.append(report.error)
        if cross_check:
            from .runner import cross_check as run_cross_check

            run_cross_check(reports, files, rules, settings.accept)
    except LintNewsError as exc:
        raise _fail(str(exc))
    diags = [d for r in reports for d in r.diagnostics]
    if diff:
        raise typer.Exit(_report_diffs(reports, errors, show_fixes))
    stdin_fix = fix and any(r.output_text is not None for r in reports)
    out = sys.stderr if stdin_fix else sys.stdout
    if stdin_fix:
        fmt = "concise" if fmt == "table" else fmt
        for r in reports:
            if r.output_text is not None:
                sys.stdout.write(r.output_text)
        sys.stdout.flush()
    if not quiet:
        writer = output.WRITERS[fmt]
        writer(diags, out, rules=registry.rules.values(), color=output.use_color(out))
    if statistics:
        output.statistics(diags, registry.rules, out)
    if fix and (show_fixes or fmt in ("table", "concise")):
        for line in output.fixed_lines(reports, detailed=show_fixes):
            out.write(line + "\n")
    if fmt in ("table", "concise") or quiet:
        out.write(output.summary_line(reports, diags) + "\n")
        for line in output.score_lines(reports):
            out.write(line + "\n")
    out.flush()
    for message in errors:
        sys.stderr.write(f"lint-news: error: {message}\n")
    if errors:
        raise typer.Exit(2)
    raise typer.Exit(1 if diags and not exit_zero else 0)


def _setup_languagetool(url: str | None, language: str, rules) -> None:
    if not url or not any(r.code.startswith("LT") for r in rules):
        return
    from .checks import languagetool

    languagetool.configure(url, language)
    problem = languagetool.probe()
    if problem:
        sys.stderr.write(f"lint-news: warning: {problem}\n")


def _report_diffs(reports, errors: list[str], show_fixes: bool) -> int:
    from . import output

    for r in reports:
        if r.diff:
            sys.stdout.write(r.diff)
    for line in output.fixed_lines(reports, detailed=show_fixes, would=True):
        sys.stderr.write(line + "\n")
    for message in errors:
        sys.stderr.write(f"lint-news: error: {message}\n")
    if errors:
        return 2
    return 1 if any(r.diff for r in reports) else 0


@app.command()
def score(
    paths: Annotated[Optional[list[str]], typer.Argument(
        help="Files or directories to score; '-' reads standard input.", show_default=False)] = None,
    output_format: Annotated[str, typer.Option("--output-format", "-o",
                                               help="table or json.")] = "table",
    config: Annotated[Optional[str], typer.Option(help="Configuration file.", show_default=False)] = None,
    sort: Annotated[bool, typer.Option(help="Sort by score, highest first.")] = False,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", show_default=False,
                                                help="Processes to use (default: all cores).")] = None,
) -> None:
    """Score how spun and how machine-translated each document looks (0 clean .. 1 sure)."""
    from . import output
    from .errors import InputError
    from .runner import LintContext, run
    from .sources import discover

    try:
        registry, settings = _registry_and_settings(config, None, None, None)
        if output_format not in ("table", "json"):
            raise UsageError(f"unknown output format {output_format!r} for score (table or json)")
    except LintNewsError as exc:
        raise _fail(str(exc))
    errors, files = [], []
    for item in discover(paths or ["."], tuple(settings.include),
                         tuple(settings.exclude) + tuple(settings.extend_exclude)):
        (errors if isinstance(item, InputError) else files).append(str(item) if isinstance(item, InputError) else item)
    ctx = LintContext([], want_scores=True)
    reports = []
    for report in run(files, ctx, jobs):
        if report.error:
            errors.append(report.error)
        else:
            reports.append(report)
    if sort:
        reports.sort(key=lambda r: -max(r.scores.values(), default=0.0))
    output.write_scores(reports, sys.stdout, output_format, color=output.use_color(sys.stdout))
    for message in errors:
        sys.stderr.write(f"lint-news: error: {message}\n")
    raise typer.Exit(2 if errors else 0)


@app.command("rules")
def list_rules(
    output_format: Annotated[str, typer.Option("--output-format", "-o",
                                               help="table or json.")] = "table",
    config: Annotated[Optional[str], typer.Option(help="Configuration file.", show_default=False)] = None,
) -> None:
    """List every rule: code, name, family, fixable, on by default."""
    import json

    try:
        registry, _ = _registry_and_settings(config, None, None, None)
    except LintNewsError as exc:
        raise _fail(str(exc))
    rows = [{"code": r.code, "name": r.name, "family": r.family,
             "fixable": r.fix_applicability.value if r.fix_applicability else "no",
             "default": "on" if r.default else "off", "origin": r.origin,
             "summary": r.summary} for r in registry]
    if output_format == "json":
        sys.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(box=None, header_style="bold", pad_edge=False)
    for col in ("code", "name", "family", "fixable", "default", "summary"):
        table.add_column(col, overflow="fold", no_wrap=col != "summary")
    for row in rows:
        table.add_row(*(row[c] for c in ("code", "name", "family", "fixable", "default", "summary")))
    from .output import use_color

    Console(no_color=not use_color(sys.stdout), highlight=False).print(table)


@app.command()
def explain(
    code: Annotated[str, typer.Argument(help="A rule code, e.g. B001.")],
    config: Annotated[Optional[str], typer.Option(help="Configuration file.", show_default=False)] = None,
) -> None:
    """Print a rule's documentation: what it catches, why, an example and its fix safety."""
    try:
        registry, _ = _registry_and_settings(config, None, None, None)
    except LintNewsError as exc:
        raise _fail(str(exc))
    rule = registry.get(code)
    if rule is None:
        raise _fail(f"unknown rule code {code!r} (see `lint-news rules`)")
    docs = rule.docs
    fixable = rule.fix_applicability.value if rule.fix_applicability else "not fixable"
    lines = [f"# {rule.code} {rule.name}", "",
             f"Family: {rule.family}. Fix: {fixable}. On by default: {'yes' if rule.default else 'no'}.",
             "", docs.get("Summary", rule.summary)]
    for section in ("What it does", "Why is this bad?", "Example", "Fix safety", "References"):
        if docs.get(section):
            lines += ["", f"## {section}", docs[section]]
    if rule.examples_flagged:
        lines += ["", "## Flagged", *(f"    {e.strip()}" for e in rule.examples_flagged[:3])]
    if rule.examples_clean:
        lines += ["", "## Not flagged", *(f"    {e.strip()}" for e in rule.examples_clean[:3])]
    sys.stdout.write("\n".join(lines) + "\n")


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("lint-news: interrupted\n")
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(1)


if __name__ == "__main__":
    main()
