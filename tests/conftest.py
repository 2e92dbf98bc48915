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
