"""Settings from ``[tool.lint-news]`` in the nearest ``pyproject.toml``, or ``lint-news.toml``.

The search starts in the current directory and walks up; ``--config PATH`` names a file
instead. Keys are ruff's where ruff has one (``select``, ``extend-select``, ``ignore``,
``per-file-ignores``, ``include``, ``exclude``, ``extend-exclude``); underscores are accepted
for dashes. Command-line options override the file.
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from .errors import UsageError
from .sources import DEFAULT_EXCLUDE, DEFAULT_INCLUDE

CONFIG_NAMES = ("lint-news.toml", ".lint-news.toml", "pyproject.toml")


@dataclass
class Settings:
    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    include: list[str] = field(default_factory=lambda: list(DEFAULT_INCLUDE))
    exclude: list[str] = field(default_factory=lambda: list(DEFAULT_EXCLUDE))
    extend_exclude: list[str] = field(default_factory=list)
    # Extra rule-pack directories (their TOML packs are loaded beside the built-in ones).
    packs: list[str] = field(default_factory=list)
    # Names and phrases that are right in this newsroom: never flagged.
    accept: list[str] = field(default_factory=list)
    # Extra name packs (TOML files in the format of rules/names.toml).
    names: list[str] = field(default_factory=list)
    # Report evidence-gated rules (misspellings, wrong articles...) in every document, not
    # only in documents that show other signs of rewriting.
    strict: bool = False
    languagetool_url: str | None = None
    languagetool_language: str = "en-US"
    output_format: str | None = None
    # Where the configuration came from (for --show-settings and relative paths).
    config_path: str | None = None

    def resolve_path(self, p: str) -> str:
        if self.config_path and not os.path.isabs(p):
            return os.path.join(os.path.dirname(self.config_path), p)
        return p


_LIST_KEYS = {"select", "extend_select", "ignore", "include", "exclude", "extend_exclude",
              "packs", "accept", "names"}
_STR_KEYS = {"languagetool_url", "languagetool_language", "output_format"}


def find_config(start: Path | None = None) -> Path | None:
    here = (start or Path.cwd()).resolve()
    for directory in (here, *here.parents):
        for name in CONFIG_NAMES:
            candidate = directory / name
            if candidate.is_file():
                if name == "pyproject.toml" and not _has_tool_table(candidate):
                    continue
                return candidate
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        return "lint-news" in tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False


def load_settings(config: str | None = None, start: Path | None = None) -> Settings:
    path = Path(config) if config else find_config(start)
    settings = Settings()
    if path is None:
        return settings
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UsageError(f"{path}: configuration file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: cannot read configuration: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{path}: invalid TOML: {exc}") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("lint-news", {})
    apply_table(settings, data, str(path))
    settings.config_path = str(path)
    return settings


def apply_table(settings: Settings, table: dict[str, Any], where: str) -> None:
    known = {f.name for f in fields(Settings)} - {"config_path"}
    for raw_key, value in table.items():
        key = raw_key.replace("-", "_")
        if key not in known:
            raise UsageError(f"{where}: unknown setting {raw_key!r}")
        if key in _LIST_KEYS:
            if not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
                raise UsageError(f"{where}: {raw_key} must be a list of strings")
        elif key in _STR_KEYS:
            if not isinstance(value, str):
                raise UsageError(f"{where}: {raw_key} must be a string")
        elif key == "strict":
            if not isinstance(value, bool):
                raise UsageError(f"{where}: {raw_key} must be true or false")
        elif key == "per_file_ignores":
            if not (isinstance(value, dict) and all(
                    isinstance(v, list) and all(isinstance(c, str) for c in v) for v in value.values())):
                raise UsageError(f"{where}: per-file-ignores must map globs to lists of codes")
        setattr(settings, key, value)
