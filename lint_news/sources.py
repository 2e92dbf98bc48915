"""Finding the files to lint and reading them without surprises.

Each problem with an input is an ``InputError`` with one line of explanation; the caller
reports it and goes on with the other files. What was read is kept (encoding, BOM) so that
``--fix`` can write the file back byte for byte where nothing changed.
"""
from __future__ import annotations

import codecs
import fnmatch
import hashlib
import os
import re
import sys
from dataclasses import dataclass
from typing import Iterator

from .errors import InputError

DEFAULT_INCLUDE = ("*.txt", "*.md", "*.markdown", "*.html", "*.htm")
DEFAULT_EXCLUDE = (".git", ".hg", ".svn", ".tox", ".nox", ".venv", "venv", "node_modules",
                   "__pycache__", "build", "dist", "*.egg-info", ".mypy_cache", ".pytest_cache")
MAX_BYTES = 200 * 1024 * 1024  # a larger "article" is a mistake, not a document
MAX_LINE = 1_000_000  # characters: a longer line is a data dump, not prose
STDIN = "-"

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass
class Source:
    path: str  # as given or found; "-" for standard input
    text: str
    encoding: str = "utf-8"
    bom: bytes = b""
    mtime_ns: int | None = None
    size: int | None = None
    digest: str | None = None  # sha256 of the bytes read (to detect changes before writing)

    @property
    def is_stdin(self) -> bool:
        return self.path == STDIN

    @property
    def format(self) -> str:
        suffix = os.path.splitext(self.path)[1].lower()
        if suffix in (".md", ".markdown", ".mdown", ".mkd"):
            return "md"
        if suffix in (".html", ".htm", ".xhtml"):
            return "html"
        return "txt"

    def encode(self, text: str) -> bytes:
        return self.bom + text.encode(self.encoding)


def decode(data: bytes, path: str) -> tuple[str, str, bytes]:
    """(text, encoding, bom). Raises InputError for binary or undecodable data."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding), encoding, bom
            except UnicodeDecodeError as exc:
                raise InputError(path, f"invalid {encoding.upper()} at byte "
                                       f"{exc.start + len(bom)}") from None
    if b"\x00" in data[:8192]:
        raise InputError(path, "binary file (contains NUL bytes); not a text article")
    try:
        return data.decode("utf-8"), "utf-8", b""
    except UnicodeDecodeError as exc:
        raise InputError(path, f"invalid UTF-8 at byte {exc.start} "
                               f"(0x{data[exc.start]:02x}); save the file as UTF-8") from None


def check_lines(text: str, path: str) -> None:
    if len(text) <= MAX_LINE:
        return
    pos = 0
    for m in _LINE_END_RE.finditer(text):
        if m.start() - pos > MAX_LINE:
            break
        pos = m.end()
    else:
        if len(text) - pos <= MAX_LINE:
            return
    line = text.count("\n", 0, pos) + 1
    raise InputError(path, f"line {line} is longer than {MAX_LINE:,} characters; "
                           f"not an article (is it minified HTML or data?)")


_LINE_END_RE = re.compile(r"\r\n|\r|\n")


def read_source(path: str) -> Source:
    if path == STDIN:
        data = sys.stdin.buffer.read()
        text, encoding, bom = decode(data, "<stdin>")
        check_lines(text, "<stdin>")
        return Source(STDIN, text, encoding, bom)
    try:
        st = os.stat(path)
        if not os.path.isfile(path):
            raise InputError(path, "not a regular file")
        if st.st_size > MAX_BYTES:
            raise InputError(path, f"file too large ({st.st_size // (1024 * 1024)} MB; "
                                   f"the limit is {MAX_BYTES // (1024 * 1024)} MB)")
        with open(path, "rb") as fh:
            data = fh.read()
    except FileNotFoundError:
        raise InputError(path, "no such file or directory") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory") from None
    except OSError as exc:
        raise InputError(path, exc.strerror or str(exc)) from None
    text, encoding, bom = decode(data, path)
    check_lines(text, path)
    return Source(path, text, encoding, bom, st.st_mtime_ns, st.st_size,
                  hashlib.sha256(data).hexdigest())


def _matches(name: str, rel: str, patterns: tuple[str, ...]) -> bool:
    return any(fnmatch.fnmatch(name, p) or fnmatch.fnmatch(rel, p) for p in patterns)


def discover(paths: list[str], include: tuple[str, ...] = DEFAULT_INCLUDE,
             exclude: tuple[str, ...] = DEFAULT_EXCLUDE) -> Iterator[str | InputError]:
    """Yield the files to lint (or an InputError for an argument that yields none).

    Files named on the command line are linted whatever their suffix; directories are
    walked for files matching ``include``, skipping ``exclude`` and following no symlinked
    directory twice.
    """
    for arg in paths:
        if arg == STDIN:
            yield STDIN
            continue
        if not os.path.isdir(arg):
            if not os.path.lexists(arg):
                yield InputError(arg, "no such file or directory")
            elif not os.path.exists(arg):
                yield InputError(arg, "broken symbolic link or symlink loop")
            else:
                yield arg
            continue
        found = 0
        seen: set[tuple[int, int]] = set()
        for root, dirs, files in os.walk(arg, followlinks=True):
            try:
                st = os.stat(root)
            except OSError:
                continue
            if (st.st_dev, st.st_ino) in seen:
                dirs[:] = []
                continue
            seen.add((st.st_dev, st.st_ino))
            rel_root = os.path.relpath(root, arg)
            dirs[:] = sorted(d for d in dirs if not _matches(d, os.path.join(rel_root, d), exclude))
            for name in sorted(files):
                rel = os.path.normpath(os.path.join(rel_root, name))
                if _matches(name, rel, include) and not _matches(name, rel, exclude):
                    found += 1
                    yield os.path.join(root, name)
        if not found:
            yield InputError(arg, f"directory holds no files matching {', '.join(include)}")


def display_path(path: str) -> str:
    if path == STDIN:
        return STDIN
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return path
    return path if rel.startswith("..") else rel
