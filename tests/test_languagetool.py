"""LanguageTool as an optional backend, against a local server speaking its /v2/check API."""
from __future__ import annotations

import json

from conftest import cli_json, run_cli


def test_matches_become_findings_with_suggestions(tmp_path, languagetool_server):
    p = tmp_path / "a.txt"
    p.write_text("Fans cheered 🎉 and he go to the office every days.\n", encoding="utf-8")
    findings, proc = cli_json("--languagetool-url", languagetool_server, "--select", "LT", str(p))
    assert [(f["code"], f["suggestion"]) for f in findings] == [("LT001", "He goes"), ("LT001", "every day")]
    # the emoji is two UTF-16 units for LanguageTool, one column for us
    text = p.read_text(encoding="utf-8")
    assert findings[0]["location"]["column"] == text.index("he go") + 1
    assert "HE_VERB_AGR" in findings[0]["message"]
    assert findings[0]["fix"]["applicability"] == "unsafe"


def test_no_server_configured_changes_nothing(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("He go to the office every days.\n", encoding="utf-8")
    findings, proc = cli_json(str(p))
    assert not [f for f in findings if f["code"].startswith("LT")]
    assert "LanguageTool" not in proc.stderr


def test_unreachable_server_warns_once_and_other_rules_run(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("The State Division stated it. He go to work.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("He go to work every days.\n", encoding="utf-8")
    proc = run_cli("check", "--output-format", "json", "--languagetool-url",
                   "http://127.0.0.1:9", str(p), str(tmp_path / "b.txt"))
    findings = json.loads(proc.stdout)
    assert {f["code"] for f in findings} == {"S101"}
    assert proc.stderr.count("unreachable") == 1
    assert proc.returncode == 1


def test_server_speaking_something_else_than_http_warns_without_traceback(tmp_path):
    import socket
    import threading

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen()

    def answer_garbage():
        for _ in range(4):
            try:
                conn, _addr = sock.accept()
            except OSError:
                return
            with conn:
                conn.recv(4096)
                conn.sendall(b"SSH-2.0-OpenSSH_9.6\r\n")

    threading.Thread(target=answer_garbage, daemon=True).start()
    p = tmp_path / "a.txt"
    p.write_text("The State Division stated it. He go to work.\n", encoding="utf-8")
    try:
        proc = run_cli("check", "--output-format", "json", "--languagetool-url",
                       f"http://127.0.0.1:{sock.getsockname()[1]}", str(p))
    finally:
        sock.close()
    assert "Traceback" not in proc.stderr
    assert proc.stderr.count("unreachable") == 1
    assert {f["code"] for f in json.loads(proc.stdout)} == {"S101"}
