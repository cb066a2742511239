#!/usr/bin/env python3
"""Issue 18's detection families: which rules answer each, and how many of their examples show it.

    python3 bench/families.py [RULES_DIR]      (default: rules/ beside this script's parent)

For every family the issue names (logged-credential, insecure-transport, hardcoded-credential,
mixed-auth-headers, file roles) this prints each construct of the issue's list, the rule(s) that
report it, and the rule examples (fire / pass) whose code shows the construct, found by a regular
expression over the example code. A construct with 0 fire examples is not demonstrated by any
rule example (it may still be detected; the count says only what the examples show). Then one
line per rule of the family's category with its total fire / pass examples. Standard library only.
"""

import glob
import json
import os
import re
import sys

# (family, construct as the issue words it, rule ids, regex over an example's code)
CONSTRUCTS = [
    ("logged-credential", "whole header collection or request object logged", ["credential-in-log"],
     r"headers|Headers|getallheaders|allHTTPHeaderFields|headerFields"),
    ("logged-credential", "interpolated or concatenated credential variable in a log call", ["credential-in-log"],
     r"(\$\{|\\\(|\{[a-zA-Z_]|\" \+ |' \+ |' \. |%s|\{\})"),
    ("logged-credential", "name the file sends as a credential (sink, auth scheme) logged", ["credential-in-log"],
     r"SetBasicAuth|jwt\.sign|Bearer ' \.|\"Bearer \$"),
    ("logged-credential", "HTTP client logging level that dumps headers (OkHttp HEADERS/BODY)",
     ["http-debug-logging", "http-wire-logging"], r"Level\.(HEADERS|BODY)|HttpLoggingInterceptor|debuglevel|DEBUG"),
    ("logged-credential", "curl -v / --trace with a credential header", ["http-debug-logging"],
     r"curl[^\n]*(-v\b|--verbose|--trace)"),
    ("logged-credential", "not: names of settings, error branches", ["credential-in-log"],
     r"ignored_credentials|'Code' in|has\(\"error\"\)"),
    ("insecure-transport", "plain-HTTP repository or registry in build and package files",
     ["insecure-http-url", "package-manager-tls-disabled"], r"<repository>|<url>|maven|registry|index-url|source "),
    ("insecure-transport", "URL constructors and request calls with http://",
     ["insecure-http-url", "credentials-over-http"], r"(Uri|URL|url|get|post|fetch)\(\s*[\"']http://"),
    ("insecure-transport", "curl / wget with a templated http:// host", ["insecure-http-url", "credentials-over-http"],
     r"(curl|wget)[^\n]*http://\$"),
    ("insecure-transport", "Markdown code blocks", ["insecure-http-url", "credentials-over-http"], r"```"),
    ("insecure-transport", "TLS verification switched off (opt-in modes at warning)",
     ["tls-verification-disabled", "trust-all-certificates", "ssl-disabled-connection"],
     r"verify|Verify|CERT_NONE|rejectUnauthorized|InsecureSkipVerify|check_hostname|assert_hostname"),
    ("hardcoded-credential", "header lines inside strings (appkey, -H)", ["hardcoded-appkey", "hardcoded-secret"],
     r"-H |appkey: |: Bearer "),
    ("hardcoded-credential", "connection strings with a password", ["connection-string-password"],
     r"Password=|password=|jdbc:|odbc"),
    ("hardcoded-credential", "key_…:secret pairs and Basic credentials", ["hardcoded-basic-auth"], r"key_|Basic "),
    ("hardcoded-credential", "sink-aware literals (JWT, HMAC, session, DB, setBasicAuth)",
     ["hardcoded-secret-at-sink"], r"jwt|hmac|HMAC|session|connect|BasicAuth|secret"),
    ("mixed-auth-headers", "header dictionary and block literals with two mechanisms", ["mixed-auth-headers"],
     r"\{|headers"),
    ("mixed-auth-headers", "curl inside CI YAML run: blocks", ["mixed-auth-headers"], r"run:"),
    ("mixed-auth-headers", "malformed or unencoded Basic credentials", ["malformed-basic-auth"], r"Basic"),
]

FAMILY_CATEGORIES = ["logged-credential", "insecure-transport", "hardcoded-credential", "mixed-auth-headers"]


def load(rules_dir):
    rules = {}
    for path in sorted(glob.glob(os.path.join(rules_dir, "*.json"))):
        if os.path.basename(path) == "schema.json":
            continue
        with open(path, encoding="utf-8") as f:
            rule = json.load(f)
        rules[rule["id"]] = rule
    return rules


def examples(rule, kind):
    return [e.get("code", "") for e in rule.get("examples", {}).get(kind, [])]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    rules_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "rules")
    rules = load(rules_dir)
    for family in FAMILY_CATEGORIES:
        print(f"## {family}")
        for fam, construct, ids, pattern in CONSTRUCTS:
            if fam != family:
                continue
            regex = re.compile(pattern)
            missing = [i for i in ids if i not in rules]
            fire = sum(bool(regex.search(c)) for i in ids if i in rules for c in examples(rules[i], "fire"))
            passing = sum(bool(regex.search(c)) for i in ids if i in rules for c in examples(rules[i], "pass"))
            note = f"  (missing rule: {', '.join(missing)})" if missing else ""
            print(f"  {construct}: {', '.join(ids)}: {fire} fire / {passing} pass examples{note}")
        in_category = [r for r in rules.values() if r.get("category") == family]
        fire = sum(len(examples(r, "fire")) for r in in_category)
        passing = sum(len(examples(r, "pass")) for r in in_category)
        print(f"  all {len(in_category)} {family} rules: {fire} fire / {passing} pass examples")
        if len(in_category) <= 12:
            for r in sorted(in_category, key=lambda r: r["id"]):
                print(f"    {r['id']}: {len(examples(r, 'fire'))} fire / {len(examples(r, 'pass'))} pass")
        print()
    print("## file roles")
    capped = sorted(r["id"] for r in rules.values() if r.get("severityIn"))
    print(f"  rules with their own per-role severity caps (severityIn): {len(capped)}")
    print("  every other rule: one severity lower in test, fixture and documentation files (lowerSeverityIn);")
    print("  roles: test (paths, test-support modules, installed testing distributions), fixture, documentation")
    print("  (docs, examples, demo, a package module's __main__ block), generated, vendored (incl. _vendor)")


if __name__ == "__main__":
    main()
