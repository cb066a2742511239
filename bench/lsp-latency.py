#!/usr/bin/env python3
"""Editor latency of authlint (stdlib only).

1. `authlint lsp`: opens a generated 5,000-line JavaScript file with some credentials, sends 50
   incremental didChange edits one at a time and times each from sending the edit to receiving
   the publishDiagnostics for that document version. Target: median under 30 ms.
2. `authlint scan --stdin-filename x.js` on a 200-line file: process start to exit, 20 runs.
   Target: median under 20 ms.

Usage: bench/lsp-latency.py [BINARY]   (default .build/release/authlint; build with
`swift build -c release`)
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

EDITS = 50
LINES = 5000
TIMEOUT = 10.0


def generate_js(lines):
    """Ordinary code with a hardcoded key every 500 lines (ten findings in 5,000 lines)."""
    out = []
    for i in range(lines):
        if i % 500 == 250:
            out.append(f"const APP_KEY = 'a8f3c9e1b7d24f6a9c0e5b3d7f{i:06d}';")
        elif i % 7 == 0:
            out.append(f"function handler{i}(req, res) {{ return res.json({{ id: {i}, ok: true }}); }}")
        elif i % 7 == 3:
            out.append(f"  logger.info('request %s done', req.id); // step {i}")
        else:
            out.append(f"  const value{i} = compute(value{i - 1}, '{i}', process.env.HOME);")
    return "\n".join(out) + "\n"


class Server:
    def __init__(self, binary, cwd):
        self.process = subprocess.Popen([binary, "lsp"], cwd=cwd, stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.fd = self.process.stdout.fileno()
        self.buffer = b""
        self.next_id = 1

    def send(self, message):
        body = json.dumps(message).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def request(self, method, params):
        request_id = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": request_id, "method": method, "params": params})
        while True:
            message = self.receive()
            if message.get("id") == request_id and "method" not in message:
                return message

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def receive(self):
        deadline = time.monotonic() + TIMEOUT
        while True:
            end = self.buffer.find(b"\r\n\r\n")
            if end >= 0:
                length = int(self.buffer[:end].split(b":")[1])
                if len(self.buffer) >= end + 4 + length:
                    body = self.buffer[end + 4:end + 4 + length]
                    self.buffer = self.buffer[end + 4 + length:]
                    return json.loads(body)
            if time.monotonic() > deadline:
                raise TimeoutError("no message from the server")
            chunk = os.read(self.fd, 1 << 20)
            if not chunk:
                raise EOFError("server closed its output")
            self.buffer += chunk

    def diagnostics(self, uri, version):
        while True:
            message = self.receive()
            params = message.get("params") or {}
            if message.get("method") == "textDocument/publishDiagnostics" and params.get("uri") == uri \
                    and params.get("version") == version:
                return params["diagnostics"]

    def stop(self):
        self.request("shutdown", None)
        self.notify("exit", None)
        return self.process.wait(timeout=TIMEOUT)


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def bench_lsp(binary, workdir):
    path = os.path.join(workdir, "big.js")
    text = generate_js(LINES)
    uri = "file://" + path
    server = Server(binary, workdir)
    server.request("initialize", {"processId": os.getpid(), "rootUri": "file://" + workdir, "capabilities": {}})
    server.notify("initialized", {})
    started = time.perf_counter()
    server.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "javascript", "version": 1, "text": text}})
    opened = server.diagnostics(uri, 1)
    open_ms = (time.perf_counter() - started) * 1000

    lines = text.split("\n")
    timings = []
    counts = []
    for n in range(EDITS):
        version = n + 2
        line = (n * 97 + 11) % LINES
        old = lines[line]
        # Every fifth edit adds a credential, the others rewrite a line of ordinary code.
        new = f"const APP_KEY = 'b7e2d4f6a8c0e1f3a5b7c9d1e3f5{n:04d}';" if n % 5 == 0 else f"  const edited{n} = {n};"
        lines[line] = new
        change = {"range": {"start": {"line": line, "character": 0},
                            "end": {"line": line, "character": len(old.encode("utf-16-le")) // 2}},
                  "text": new}
        started = time.perf_counter()
        server.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]})
        diagnostics = server.diagnostics(uri, version)
        timings.append((time.perf_counter() - started) * 1000)
        counts.append(len(diagnostics))
    status = server.stop()
    return open_ms, len(opened), timings, counts, status


def bench_stdin_scan(binary, workdir, runs=20):
    text = generate_js(200).encode()
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        result = subprocess.run([binary, "scan", "--stdin-filename", "x.js", "--fail-on", "never"], cwd=workdir,
                                input=text, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        timings.append((time.perf_counter() - started) * 1000)
        if result.returncode != 0:
            raise RuntimeError(f"scan exited with {result.returncode}")
    return timings


def main():
    binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".build/release/authlint")
    if not os.access(binary, os.X_OK):
        sys.exit(f"no executable at {binary}; run `swift build -c release` first")
    with tempfile.TemporaryDirectory(prefix="authlint-lsp-bench-") as workdir:
        open_ms, open_findings, timings, counts, status = bench_lsp(binary, workdir)
        scan = bench_stdin_scan(binary, workdir)
    median, p90 = statistics.median(timings), percentile(timings, 0.9)
    print(f"lsp: didOpen of {LINES:,} lines -> diagnostics ({open_findings} findings): {open_ms:.1f} ms")
    print(f"lsp: {EDITS} incremental didChange -> publishDiagnostics: median {median:.1f} ms, p90 {p90:.1f} ms, "
          f"max {max(timings):.1f} ms (findings per publish {min(counts)}-{max(counts)}) "
          f"[target median < 30 ms: {'ok' if median < 30 else 'MISSED'}]")
    print(f"lsp: exit code after shutdown+exit: {status}")
    scan_median = statistics.median(scan)
    print(f"scan --stdin-filename x.js, 200 lines, start to exit: median {scan_median:.1f} ms, "
          f"p90 {percentile(scan, 0.9):.1f} ms over {len(scan)} runs [target < 20 ms: {'ok' if scan_median < 20 else 'MISSED'}]")


if __name__ == "__main__":
    main()
