"""Rule packs: declarative rules in TOML files.

A pack is a TOML file with a ``[pack]`` table (family, description, provenance), an optional
``[sets]`` table of named word lists, and ``[[rule]]`` tables. Each rule names a *kind* — the
check type the engine runs (``phrase``, ``line``, ...) — and carries its code, message,
documentation, examples and entries. Kinds are Python classes registered with
``@pack_kind``; a pack instantiates them with data, never with code.

Parsing TOML costs tens of milliseconds for a large pack, so a validated pack is cached
(see ``datacache``).
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Callable, ClassVar

from .datacache import load_toml, remember
from .errors import PackError
from .finding import Applicability
from .rule import Rule

KINDS: dict[str, type["PackRule"]] = {}
CODE_RE = re.compile(r"^[A-Z]{1,3}[0-9]{3}$")
RULE_KEYS_REQUIRED = ("code", "name", "kind", "message", "examples_flagged", "examples_clean")
RULE_KEYS_OPTIONAL = ("default", "safety", "summary", "what", "why", "example", "fix_safety",
                      "references", "entries", "options")


def pack_kind(name: str) -> Callable[[type["PackRule"]], type["PackRule"]]:
    def register(cls: type[PackRule]) -> type[PackRule]:
        cls.kind = name
        KINDS[name] = cls
        return cls
    return register


def builtin_pack_dir() -> Path:
    """``lint_news/packs`` in an installed wheel, ``rules/`` in a source checkout."""
    here = Path(__file__).resolve().parent
    installed = here / "packs"
    return installed if installed.is_dir() else here.parent / "rules"


class PackRule(Rule):
    """A rule defined by a pack entry. ``kind`` subclasses implement ``check``."""

    kind: ClassVar[str] = ""
    entry_keys: ClassVar[tuple[str, ...]] = ()  # keys an entry may have besides `note`
    entry_required: ClassVar[tuple[str, ...]] = ()

    def __init__(self, spec: dict[str, Any], pack: "Pack") -> None:
        self.spec = spec
        self.pack = pack
        self.code = spec["code"]
        self.name = spec["name"]
        self.family = pack.family
        self.message = spec["message"]
        self.default = bool(spec.get("default", True))
        safety = spec.get("safety")
        self.fix_applicability = Applicability(safety) if safety else None
        self.examples_flagged = tuple(spec["examples_flagged"])
        self.examples_clean = tuple(spec["examples_clean"])
        self.origin = pack.origin
        self.entries: list[dict[str, Any]] = list(spec.get("entries", []))
        self.options: dict[str, Any] = dict(spec.get("options", {}))

    @property
    def docs(self) -> dict[str, str]:
        s = self.spec
        docs = {"Summary": s.get("summary", self.message),
                "What it does": s.get("what", ""),
                "Why is this bad?": s.get("why", ""),
                "Example": s.get("example", ""),
                "Fix safety": s.get("fix_safety", ""),
                "References": s.get("references", f"Rule pack {self.pack.path.name}: "
                                    f"{self.pack.provenance}")}
        return {k: v for k, v in docs.items() if v}

    # A kind validates its own entries (e.g. compiles regexes) and says what is wrong.
    def validate_entry(self, entry: dict[str, Any]) -> str | None:
        return None

    def register(self) -> None:
        """Called once the rule has loaded without error (kinds that index their rules
        across packs add it to their index here)."""


class Pack:
    def __init__(self, path: Path, data: dict[str, Any], origin: str) -> None:
        meta = data.get("pack", {})
        self.path = path
        self.family = meta.get("family", path.stem)
        self.description = meta.get("description", "")
        self.provenance = meta.get("provenance", "")
        self.sets: dict[str, list[str]] = data.get("sets", {})
        self.origin = origin
        self.raw = data


def _line_of(raw: str, *needles: str) -> int | None:
    """First line of the TOML source that contains all ``needles`` (for error messages); a
    needle is also looked for as TOML writes it (backslashes doubled) and by its start."""
    lines = raw.splitlines()
    variants = [[n, n.replace("\\", "\\\\"), n.replace("\\", "\\\\")[:24]] for n in needles]
    for i, line in enumerate(lines, 1):
        if all(any(v and v in line for v in vs) for vs in variants):
            return i
    for vs in variants:  # fall back to the first needle alone
        for i, line in enumerate(lines, 1):
            if any(v and v in line for v in vs):
                return i
    return None


def load_pack(path: Path, origin: str = "builtin") -> list[PackRule]:
    from . import phrases  # noqa: F401  (the generic kinds register themselves on import)
    from .registry import builtin_modules

    builtin_modules()  # and so do the kinds of the rule families
    data, validated, raw = load_toml(path)
    pack = Pack(path, data, origin)
    rules = []
    for spec in data.get("rule", []):
        rules.append(_make_rule(spec, pack, raw, validated))
    if not validated:
        if not rules:
            raise PackError(str(path), None, "rule pack defines no [[rule]]")
        remember(path, data)
    return rules


def _make_rule(spec: dict, pack: Pack, raw: str, validated: bool) -> PackRule:
    def fail(message: str, *needles: str) -> PackError:
        return PackError(str(pack.path), _line_of(raw, *needles) if raw else None, message)

    code = spec.get("code", "?")
    if not validated:
        for key in RULE_KEYS_REQUIRED:
            if key not in spec:
                return_needles = (f'"{code}"',) if "code" in spec else ("[[rule]]",)
                raise fail(f"rule {code}: missing key {key!r}", *return_needles)
        unknown = set(spec) - set(RULE_KEYS_REQUIRED) - set(RULE_KEYS_OPTIONAL)
        if unknown:
            raise fail(f"rule {code}: unknown key(s) {', '.join(sorted(unknown))}",
                       sorted(unknown)[0])
        if not CODE_RE.match(code):
            raise fail(f"rule code {code!r} must be 1-3 capital letters and 3 digits", f'"{code}"')
        if spec["kind"] not in KINDS:
            raise fail(f"rule {code}: unknown kind {spec['kind']!r} "
                       f"(known: {', '.join(sorted(KINDS))})", f'"{spec["kind"]}"')
        if spec.get("safety") not in (None, "safe", "unsafe", "display-only"):
            raise fail(f"rule {code}: safety must be safe, unsafe or display-only",
                       "safety", f'"{spec["safety"]}"')
    rule = KINDS[spec["kind"]](spec, pack)
    if not validated:
        allowed = set(rule.entry_keys) | {"note"}
        for entry in rule.entries:
            first = next((v for v in entry.values() if isinstance(v, str)), "")
            if not isinstance(entry, dict):
                raise fail(f"rule {code}: an entry must be a table", f'"{code}"')
            missing = [k for k in (*rule.entry_required, "note") if not entry.get(k)]
            if missing:
                raise fail(f"rule {code}: entry {first!r} lacks {', '.join(missing)}", first)
            extra = set(entry) - allowed
            if extra:
                raise fail(f"rule {code}: entry {first!r} has unknown key(s) "
                           f"{', '.join(sorted(extra))}", first)
            problem = rule.validate_entry(entry)
            if problem:
                raise fail(f"rule {code}: entry {first!r}: {problem}", first)
    rule.register()
    return rule


def load_pack_dir(directory: Path, origin: str = "builtin") -> list[PackRule]:
    if not directory.is_dir():
        raise PackError(str(directory), None, "rule pack directory does not exist")
    rules: list[PackRule] = []
    for path in sorted(directory.glob("*.toml")):
        rules.extend(load_pack(path, origin))
    return rules
