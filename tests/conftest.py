from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SEEDS = sorted(FIXTURES.glob("0*.txt"))


def pytest_configure(config):
    # Keep the compiled-pack cache of the test run away from the user's own cache.
    import tempfile

    os.environ.setdefault("LINT_NEWS_CACHE_DIR", tempfile.mkdtemp(prefix="lint-news-cache-"))


def pytest_addoption(parser):
    parser.addoption("--update-snapshots", action="store_true",
                     help="rewrite the expected findings stored next to the fixtures")


@pytest.fixture
def update_snapshots(request) -> bool:
    return request.config.getoption("--update-snapshots")


def run_cli(*args: str, stdin: str | bytes | None = None, cwd: Path | None = None,
            env: dict | None = None) -> subprocess.CompletedProcess:
    """Run the real command line in a fresh interpreter (what users and pre-commit do)."""
    full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
    full_env.pop("FORCE_COLOR", None)
    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    proc = subprocess.run([sys.executable, "-m", "lint_news", *args], input=data,
                          capture_output=True, cwd=cwd or ROOT, env=full_env, timeout=300)
    proc.stdout = proc.stdout.decode("utf-8", "replace")
    proc.stderr = proc.stderr.decode("utf-8", "replace")
    return proc


def cli_json(*args: str, **kw) -> tuple[list[dict], subprocess.CompletedProcess]:
    proc = run_cli("check", "--output-format", "json", *args, **kw)
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout), proc


@pytest.fixture(scope="session")
def registry():
    from lint_news.registry import Registry

    return Registry.load()


# ---- a stand-in LanguageTool server: the documented /v2/check protocol ----------------------
import json as _json
import re as _re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

_LT_PATTERNS = [
    (r"(?i)\bhe go\b", "The pronoun 'He' must be used with a third-person verb: 'goes'.", ["He goes"],
     "HE_VERB_AGR", "GRAMMAR"),
    (r"\bevery days\b", "Use 'every day' (singular).", ["every day"], "EVERY_NNS", "GRAMMAR"),
    (r"\brecieve\b", "Possible spelling mistake found.", ["receive"], "MORFOLOGIK_RULE_EN_US", "TYPOS"),
]


def _utf16_len(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


class _LTHandler(BaseHTTPRequestHandler):
    requests: list = []

    def log_message(self, *args):  # keep test output quiet
        pass

    def _json(self, payload, status=200):
        body = _json.dumps(payload).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        if self.path.startswith("/v2/languages"):
            self._json([{"name": "English (US)", "code": "en", "longCode": "en-US"}])
        else:
            self._json({"error": "not found"}, 404)

    def do_POST(self):
        if not self.path.startswith("/v2/check"):
            return self._json({"error": "not found"}, 404)
        length = int(self.headers.get("Content-Length", 0))
        form = parse_qs(self.rfile.read(length).decode("utf-8"))
        text = form.get("text", [""])[0]
        _LTHandler.requests.append(form)
        matches = []
        for pattern, message, repl, rule_id, cat in _LT_PATTERNS:
            for m in _re.finditer(pattern, text):
                matches.append({
                    "message": message, "shortMessage": "",
                    "replacements": [{"value": r} for r in repl],
                    "offset": _utf16_len(text[:m.start()]), "length": _utf16_len(m.group()),
                    "context": {"text": text[max(0, m.start() - 20):m.end() + 20], "offset": 0,
                                "length": 0},
                    "rule": {"id": rule_id, "description": message, "issueType": "grammar",
                             "category": {"id": cat, "name": cat.title()}},
                })
        self._json({"software": {"name": "LanguageTool", "version": "6.4"},
                    "language": {"code": form.get("language", ["en-US"])[0]},
                    "matches": matches})


@pytest.fixture(scope="session")
def languagetool_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _LTHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
