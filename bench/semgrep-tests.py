#!/usr/bin/env python3
"""Recall and false alarms of authlint on semgrep-rules' own test files for hardcoded secrets.

Usage: bench/semgrep-tests.py BINARY SEMGREP_RULES_CHECKOUT [--misses]

semgrep-rules annotates its rule tests inline: the line after `ruleid: RULE` must be reported,
the line after `ok: RULE` must not. For the rules below (literal secrets handed to JWT, HMAC,
session, passport, config and connection APIs), an annotated line counts as found when
authlint reports a hardcoded-credential finding on it or on the two lines after it (semgrep
marks a statement's first line). Nothing from the checkout is copied into this repository.
"""
import json, os, re, shutil, subprocess, sys, tempfile

RULES = {
    "hardcoded-jwt-secret", "ruby-jwt-hardcoded-secret", "hardcoded-passport-secret", "jwt-scala-hardcode",
    "jwt-python-hardcoded-secret", "express-session-hardcoded-secret", "java-jwt-hardcoded-secret",
    "hardcoded-jwt-key", "hardcoded-hmac-key", "express-jwt-hardcoded-secret", "hardcoded-token",
    "scala-jwt-hardcoded-secret", "avoid_hardcoded_config_SECRET_KEY", "hardcoded-secret-rsa-passphrase",
    "build-gradle-password-hardcoded", "hardcoded-http-auth-in-controller", "hardcoded-password-default-argument",
    "detected-username-and-password-in-uri", "hashids-with-flask-secret", "hashids-with-django-secret",
}
ANNOTATION = re.compile(r"\b(ruleid|ok|todoruleid|todook):\s*([\w.,-]+)")


def annotated(path):
    """[(kind, line)] for annotations of RULES in one file; line is 1-based, the annotated line."""
    out = []
    try:
        lines = open(path, encoding="utf-8", errors="replace").read().split("\n")
    except OSError:
        return out
    for i, text in enumerate(lines):
        m = ANNOTATION.search(text)
        if not m or m.group(1).startswith("todo"):
            continue
        ids = {x.split(".")[-1] for x in m.group(2).split(",")}
        if not ids & RULES:
            continue
        # The annotation sits on its own comment line (the next code line is meant) or at a line's end.
        code = text[: m.start()].strip().rstrip("#/").strip()
        target = i + 1 if code and not code.startswith(("#", "//", "/*", "<!--", "--")) else i + 2
        while target <= len(lines) and ANNOTATION.search(lines[target - 1]):
            target += 1
        out.append(("pos" if m.group(1) == "ruleid" else "neg", target))
    return out


def main():
    binary, checkout = os.path.abspath(sys.argv[1]), sys.argv[2]
    misses = "--misses" in sys.argv
    cases = {}
    for root, dirs, files in os.walk(checkout):
        dirs[:] = [d for d in dirs if d != ".git"]
        for name in files:
            if name.endswith((".yaml", ".yml")) and not name.endswith((".test.yaml", ".test.yml")):
                continue
            path = os.path.join(root, name)
            found = annotated(path)
            if found:
                cases[os.path.relpath(path, checkout)] = found
    work = tempfile.mkdtemp()
    try:
        for rel in cases:
            os.makedirs(os.path.dirname(os.path.join(work, rel)), exist_ok=True)
            shutil.copyfile(os.path.join(checkout, rel), os.path.join(work, rel))
        run = subprocess.run([binary, "scan", ".", "--format", "json", "--fail-on", "never", "--no-ignore"],
                             cwd=work, capture_output=True, text=True)
        report = json.loads(run.stdout)
    finally:
        shutil.rmtree(work)
    lines = {}
    for f in report["findings"]:
        if f["category"] == "hardcoded-credential":
            # A literal bound to a name first is reported where it is written, with the call
            # that uses it as a related location: semgrep annotates the call.
            for line in [f["line"]] + [r["line"] for r in f.get("related", []) if r.get("file", f["file"]) == f["file"]]:
                lines.setdefault(f["file"], set()).add(line)
    tally = {"pos": [0, 0], "neg": [0, 0]}
    for rel, found in sorted(cases.items()):
        hit = lines.get(rel, set())
        for kind, line in found:
            flagged = any(l in hit for l in (line, line + 1, line + 2))
            tally[kind][0] += 1
            tally[kind][1] += flagged
            if misses and ((kind == "pos") != flagged):
                print(f"  {'missed' if kind == 'pos' else 'flagged'} {rel}:{line}")
    (p, pf), (n, nf) = tally["pos"], tally["neg"]
    print(f"semgrep-rules hardcoded-secret tests: {len(cases)} files")
    print(f"recall:           {pf}/{p} = {pf / max(p, 1):.2f}")
    print(f"negatives flagged: {nf}/{n} = {nf / max(n, 1):.2f}")


main()
