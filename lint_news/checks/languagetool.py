"""LanguageTool as an optional grammar backend, through its HTTP API (``POST /v2/check``).

Nothing happens unless a server is configured (``--languagetool-url`` or
``languagetool-url`` in the configuration). The command line probes the server once before
linting; if it cannot be reached, it prints one warning and the other rules run as usual.
Only the standard library is used (the ``language-tool-python`` client is GPL-licensed and
contacts the server when it is constructed; the HTTP API is all we need).

LanguageTool counts offsets in UTF-16 code units (it is written in Java); they are converted
to code points here, so findings after an emoji land where they should.
"""
from __future__ import annotations

import json
import sys
from typing import Iterator

from ..document import Document
from ..finding import Applicability, Finding
from ..rule import Rule

_STATE = {"url": None, "language": "en-US", "failed": False, "timeout": 15.0}


def configure(url: str | None, language: str = "en-US", timeout: float = 15.0) -> None:
    _STATE.update(url=url.rstrip("/") if url else None, language=language, failed=False,
                  timeout=timeout)


def _fetch(path: str, timeout: float, form: dict[str, str] | None = None) -> bytes:
    """The body of the server's answer to GET (or POST ``form`` to) ``path``. Every failure,
    a server that does not speak HTTP included, is an ``OSError`` or a ``ValueError``."""
    # imported here: urllib.request costs ~20 ms at start-up and is needed only with a server
    import http.client
    import urllib.parse
    import urllib.request

    data = urllib.parse.urlencode(form).encode("utf-8") if form is not None else None
    req = urllib.request.Request(f"{_STATE['url']}{path}", data=data,
                                 headers={"Content-Type": "application/x-www-form-urlencoded",
                                          "Accept": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.read()
    except http.client.HTTPException as exc:
        raise OSError(f"not an HTTP answer: {exc!r}") from exc


def probe() -> str | None:
    """None if the configured server answers, else a one-line reason."""
    url = _STATE["url"]
    if not url:
        return None
    try:
        _fetch("/v2/languages", timeout=5)
        return None
    except (OSError, ValueError) as exc:  # urllib's URLError is an OSError
        _STATE["failed"] = True
        return f"LanguageTool server {url} unreachable ({getattr(exc, 'reason', exc)}); rule LT001 skipped"


def check_text(text: str) -> list[dict]:
    body = _fetch("/v2/check", _STATE["timeout"], {"text": text, "language": _STATE["language"]})
    payload = json.loads(body.decode("utf-8"))
    if not isinstance(payload, dict) or not isinstance(payload.get("matches", []), list):
        raise ValueError("the answer is not a LanguageTool /v2/check response")
    return payload.get("matches", [])


def utf16_to_codepoints(text: str):
    """A function mapping UTF-16 code-unit offsets of ``text`` to code-point offsets."""
    if all(ord(c) < 0x10000 for c in text):
        return lambda n: n
    table = []
    for i, c in enumerate(text):
        table.append(i)
        if ord(c) >= 0x10000:
            table.append(i)  # the second half of a surrogate pair
    table.append(len(text))
    return lambda n: table[min(max(n, 0), len(table) - 1)]


class LanguageToolMatch(Rule):
    """A grammar or spelling problem reported by a LanguageTool server.

    ## What it does
    Sends the document's prose to the LanguageTool server named by ``--languagetool-url``
    (or ``languagetool-url`` in the configuration) and reports its matches, with
    LanguageTool's rule id in the message and its first replacement as the suggestion.
    Without a configured server the rule does nothing.

    ## Why is this bad?
    LanguageTool knows thousands of grammar patterns that complement lint-news's own
    fingerprints of spinning and translation.

    ## Example
    He go to the office every days.

    ## Fix safety
    Unsafe: LanguageTool's first suggestion is applied only with --unsafe-fixes.
    """

    code = "LT001"
    name = "languagetool"
    family = "languagetool"
    message = "{message} (LanguageTool {rule})"
    fix_applicability = Applicability.UNSAFE
    # Flagged examples run against the local LanguageTool stand-in of the test suite.
    examples_flagged = ("He go to the office every days.",)
    examples_clean = ("He goes to the office every day.",)
    needs_server = True

    def check(self, doc: Document) -> Iterator[Finding]:
        if not _STATE["url"] or _STATE["failed"] or not doc.text.strip():
            return
        try:
            matches = check_text(doc.text)
        except (OSError, ValueError) as exc:
            _STATE["failed"] = True
            sys.stderr.write(f"lint-news: warning: LanguageTool request failed ({exc}); "
                             f"rule LT001 skipped from here on\n")
            return
        to_cp = utf16_to_codepoints(doc.text)
        for m in matches:
            try:
                start = to_cp(int(m["offset"]))
                end = to_cp(int(m["offset"]) + int(m["length"]))
            except (KeyError, TypeError, ValueError):
                continue
            if not 0 <= start <= end <= len(doc.text):
                continue
            rule = m.get("rule", {}) or {}
            message = self.message.format(message=m.get("message", "").strip(),
                                          rule=rule.get("id", "?"))
            replacements = [r.get("value") for r in m.get("replacements", []) if r.get("value") is not None]
            data = {"rule": rule.get("id"), "category": (rule.get("category") or {}).get("id")}
            if replacements:
                f = self.replacement(doc, start, end, replacements[0], message, confidence=0.4)
                f.data = data
            else:
                f = self.finding(start, end, message, confidence=0.4, **data)
            yield f
