"""TOML data files (rule packs, the gazetteer), parsed once and cached.

Parsing a large TOML file costs tens of milliseconds, more than the rest of a pre-commit
run. A file that loaded and validated is stored with marshal under the user cache directory
(``$LINT_NEWS_CACHE_DIR``, else ``$XDG_CACHE_HOME/lint-news``), keyed by path, size, mtime
and lint-news version; ``LINT_NEWS_NO_CACHE=1`` turns the cache off. A read-only or missing
cache directory only costs speed. Structures built from the data (the phrase index, the
gazetteer's indexes) are cached the same way, keyed by the files they were built from.
"""
from __future__ import annotations

import hashlib
import marshal
import os
import pickle
import re
import tomllib
from pathlib import Path

from . import __version__
from .errors import PackError


def cache_dir() -> Path | None:
    if os.environ.get("LINT_NEWS_NO_CACHE"):
        return None
    base = os.environ.get("LINT_NEWS_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"),
        "lint-news")
    return Path(base)


def _entry_path(name: str) -> Path | None:
    base = cache_dir()
    return None if base is None else base / name


def cache_get(name: str, key: object, use_pickle: bool = False):
    """The data stored under ``name`` if it was stored with this ``key``, else None."""
    path = _entry_path(name)
    if path is None:
        return None
    try:
        with open(path, "rb") as fh:
            stored_key, data = (pickle.load(fh) if use_pickle else marshal.load(fh))
    except Exception:  # a missing, stale or corrupt cache entry is only a miss
        return None
    return data if stored_key == [key, __version__] else None


def cache_put(name: str, key: object, data, use_pickle: bool = False) -> None:
    path = _entry_path(name)
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as fh:
            if use_pickle:
                pickle.dump([[key, __version__], data], fh, protocol=pickle.HIGHEST_PROTOCOL)
            else:
                marshal.dump([[key, __version__], data], fh)
        os.replace(tmp, path)
    except (OSError, ValueError, pickle.PicklingError):
        pass  # a cache is an optimisation; a read-only home is not an error


def file_key(path: Path) -> list:
    st = path.stat()
    return [str(path), st.st_size, st.st_mtime_ns]


def _name_for(path: Path, kind: str) -> str:
    digest = hashlib.sha1(str(path).encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return f"{kind}/{path.stem}-{digest}.marshal"


def load_toml(path: Path) -> tuple[dict, bool, str]:
    """(data, came_from_cache, raw text or "" when cached). TOML errors name file and line."""
    try:
        key = file_key(path)
    except OSError as exc:
        raise PackError(str(path), None, f"cannot read: {exc.strerror}") from None
    data = cache_get(_name_for(path, "packs"), key)
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
        cache_put(_name_for(path, "packs"), file_key(path), data)
    except OSError:
        pass


def load_data(path: Path) -> dict:
    """A TOML data file read as it is (no per-entry checks), cached like the packs."""
    data, cached, _ = load_toml(path)
    if not cached:
        remember(path, data)
    return data
