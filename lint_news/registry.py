"""One place that knows every rule: built-in families, rule packs and plugins.

* built-in rule families are the modules of ``lint_news.checks`` (each defines ``Rule``
  subclasses with a code);
* rule packs are TOML files in the packs directory shipped with the package, plus any
  directories the user names in the configuration;
* third-party rules come through the entry-point group ``lint_news.rules``; an entry point
  may name a ``Rule`` subclass, an instance, a module, or a callable returning rules.

Selection follows ruff: ``select`` replaces the default set, ``extend-select`` adds to it,
``ignore`` removes; codes or prefixes, the most specific prefix wins, ``ALL`` means all.
"""
from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Iterable

from .errors import UsageError
from .rule import Rule, iter_rule_classes

ENTRY_POINT_GROUP = "lint_news.rules"


def _instances(obj: object, origin: str) -> list[Rule]:
    if isinstance(obj, ModuleType):
        found = [cls() for cls in iter_rule_classes(vars(obj))]
    elif isinstance(obj, type) and issubclass(obj, Rule):
        found = [obj()]
    elif isinstance(obj, Rule):
        found = [obj]
    elif callable(obj):
        return _instances(list(obj()), origin)
    elif isinstance(obj, (list, tuple)):
        found = [r for item in obj for r in _instances(item, origin)]
    else:
        raise UsageError(f"plugin {origin}: {obj!r} is not a lint-news rule")
    for rule in found:
        if rule.origin == "builtin" and origin != "builtin":
            rule.origin = origin  # instance attribute, shadows the class default
    return found


def builtin_modules() -> list[ModuleType]:
    """The rule-family modules of ``lint_news.checks`` (importing them registers pack kinds)."""
    from . import checks

    return [importlib.import_module(f"{checks.__name__}.{info.name}")
            for info in sorted(pkgutil.iter_modules(checks.__path__), key=lambda i: i.name)
            if not info.name.startswith("_")]


def builtin_rules() -> list[Rule]:
    return [rule for module in builtin_modules() for rule in _instances(module, "builtin")]


def plugin_rules() -> list[Rule]:
    from importlib.metadata import entry_points

    rules: list[Rule] = []
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        try:
            obj = ep.load()
        except Exception as exc:  # a broken plugin must not take the linter down
            raise UsageError(f"plugin {ep.name} ({ep.value}) failed to load: {exc}") from None
        rules.extend(_instances(obj, f"plugin:{ep.name}"))
    return rules


@dataclass
class Registry:
    rules: dict[str, Rule]

    @classmethod
    def load(cls, pack_dirs: Iterable[Path] = (), plugins: bool = True) -> "Registry":
        from .packs import builtin_pack_dir, load_pack_dir

        found: list[Rule] = builtin_rules()
        found.extend(load_pack_dir(builtin_pack_dir()))
        for d in pack_dirs:
            found.extend(load_pack_dir(Path(d), origin=f"pack:{d}"))
        if plugins:
            found.extend(plugin_rules())
        rules: dict[str, Rule] = {}
        for rule in found:
            if rule.code in rules:
                other = rules[rule.code]
                raise UsageError(f"rule code {rule.code} is defined twice "
                                 f"({other.origin} {other.name}, {rule.origin} {rule.name})")
            rules[rule.code] = rule
        return cls(dict(sorted(rules.items())))

    def __iter__(self):
        return iter(self.rules.values())

    def get(self, code: str) -> Rule | None:
        return self.rules.get(code.upper())

    def check_codes(self, prefixes: Iterable[str], option: str) -> None:
        for p in prefixes:
            if p.upper() != "ALL" and not any(c.startswith(p.upper()) for c in self.rules):
                raise UsageError(f"{option}: unknown rule code or prefix {p!r} "
                                 f"(see `lint-news rules`)")

    def select(self, select: list[str] | None = None, extend_select: Iterable[str] = (),
               ignore: Iterable[str] = ()) -> list[Rule]:
        select = None if select is None else list(select)
        extend_select, ignore = list(extend_select), list(ignore)
        self.check_codes(select or [], "select")
        self.check_codes(extend_select, "extend-select")
        self.check_codes(ignore, "ignore")
        chosen = []
        for code, rule in self.rules.items():
            if is_enabled(code, rule.default, select, extend_select, ignore):
                chosen.append(rule)
        return chosen


def _specificity(code: str, prefix: str) -> int:
    p = prefix.upper()
    if p == "ALL":
        return 0
    return len(p) if code.startswith(p) else -1


def is_enabled(code: str, default: bool, select: list[str] | None,
               extend_select: list[str], ignore: list[str]) -> bool:
    """The most specific matching prefix decides; on a tie, ignore wins."""
    best_on = max((_specificity(code, p) for p in (select or []) + extend_select), default=-1)
    best_off = max((_specificity(code, p) for p in ignore), default=-1)
    if best_off >= 0 and best_off >= best_on:
        return False
    if best_on >= 0:
        return True
    return select is None and default
