"""TOML data files (rule packs, the gazetteer), parsed once and cached.

Parsing a large TOML file costs tens of milliseconds, more than the rest of a pre-commit
run. A file that loaded and validated is stored with marshal under the user cache directory
(``$LINT_NEWS_CACHE_DIR``, else ``$XDG_CACHE_HOME/lint-news``), keyed by path, size, mtime
and lint-news version; ``LINT_NEWS_NO_CACHE=1`` turns the cache off. A read-only or missing
cache directory only costs speed.
"""
from __future__ import annotations

import hashlib
import marshal
import os
import re
import tomllib
from pathlib import Path

from . import __version__
from .errors import PackError


def _cache_file(path: Path) -> Path | None:
    base = os.environ.get("LINT_NEWS_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"),
        "lint-news")
    if os.environ.get("LINT_NEWS_NO_CACHE"):
        return None
    digest = hashlib.sha1(str(path).encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return Path(base) / "packs" / f"{path.stem}-{digest}.marshal"


def _read_cached(path: Path, stat: os.stat_result) -> dict | None:
    cache = _cache_file(path)
    if cache is None:
        return None
    try:
        with open(cache, "rb") as fh:
            key, data = marshal.load(fh)
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return data if key == [stat.st_size, stat.st_mtime_ns, __version__] else None


def _write_cache(path: Path, stat: os.stat_result, data: dict) -> None:
    cache = _cache_file(path)
    if cache is None:
        return
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as fh:
            marshal.dump([[stat.st_size, stat.st_mtime_ns, __version__], data], fh)
        os.replace(tmp, cache)
    except (OSError, ValueError):
        pass  # a cache is an optimisation; a read-only home is not an error


def load_toml(path: Path) -> tuple[dict, bool, str]:
    """(data, came_from_cache, raw text or "" when cached). TOML errors name file and line."""
    try:
        stat = path.stat()
    except OSError as exc:
        raise PackError(str(path), None, f"cannot read: {exc.strerror}") from None
    data = _read_cached(path, stat)
    if data is not None:
        return data, True, ""
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PackError(str(path), None, f"cannot read: {exc}") from None
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        line = int(m.group(1)) if m else None
        msg = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise PackError(str(path), line, f"invalid TOML: {msg}") from None
    return data, False, raw


def remember(path: Path, data: dict) -> None:
    """Cache ``data`` for ``path`` once it has been validated."""
    try:
        _write_cache(path, path.stat(), data)
    except OSError:
        pass
