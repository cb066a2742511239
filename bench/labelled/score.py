#!/usr/bin/env python3
"""Score an authlint binary against the hand-labelled set in bench/labelled.

usage: python3 bench/labelled/score.py BINARY [--details]

Scans bench/labelled/cases with `BINARY scan cases --no-ignore --format json
--fail-on never`, then matches findings to bench/labelled/labels.json.

Matching, per category:
  * a label is one problem; it sits on `line` and, when the same problem is
    equally well reported elsewhere (a plain-http URL constant and the line that
    attaches the credential to the request to it), on the lines in `also`;
  * a finding matches a label when file and category agree and its line is
    within +-1 of the label's line or of one of its `also` lines;
  * findings are first de-duplicated by (file, category, line), so two rules on
    one line count once;
  * true positive  = a label matched by at least one finding;
  * false negative = a label matched by no finding;
  * false positive = a (de-duplicated) finding that matches no label;
  * findings that match an already-matched label are neither (duplicates,
    reported in --details);
  * precision = matched findings / found findings, recall = TP / expected.
Only the four categories below are scored (e.g. 'suppression' notes are not).
Standard library only; always exits 0 because it is a measurement.
"""
import json
import os
import subprocess
import sys

CATEGORIES = ["hardcoded-credential", "insecure-transport", "logged-credential", "mixed-auth-headers"]
HERE = os.path.dirname(os.path.abspath(__file__))


def run_scan(binary):
    cmd = [os.path.abspath(binary) if os.path.exists(binary) else binary,
           "scan", "cases", "--no-ignore", "--format", "json", "--fail-on", "never"]
    proc = subprocess.run(cmd, cwd=HERE, capture_output=True, text=True)
    try:
        return json.loads(proc.stdout)["findings"]
    except (ValueError, KeyError):
        sys.stderr.write("could not read the scan's JSON (exit %d)\n%s\n" % (proc.returncode, proc.stderr[-2000:]))
        return []


def norm(path):
    path = path.replace("\\", "/")
    for prefix in ("./", "cases/"):
        if path.startswith(prefix):
            path = path[len(prefix):]
    return path


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    details = "--details" in argv
    if len(args) != 1:
        print(__doc__.strip().splitlines()[2])
        return 0
    with open(os.path.join(HERE, "labels.json")) as fh:
        data = json.load(fh)
    files = data["files"]
    labels = [dict(l, file=f) for f, ls in files.items() for l in ls]
    on_disk = set()
    for root, _, names in os.walk(os.path.join(HERE, "cases")):
        for n in names:
            on_disk.add(os.path.relpath(os.path.join(root, n), os.path.join(HERE, "cases")).replace(os.sep, "/"))
    for missing in sorted(on_disk - set(files)):
        sys.stderr.write("warning: %s has no entry in labels.json\n" % missing)
    for missing in sorted(set(files) - on_disk):
        sys.stderr.write("warning: labels.json names %s, which is not in cases/\n" % missing)

    raw = run_scan(args[0])
    seen = {}
    for f in raw:
        if f.get("category") not in CATEGORIES:
            continue
        key = (norm(f["file"]), f["category"], int(f["line"]))
        seen.setdefault(key, []).append(f.get("rule", "?"))
    findings = sorted(seen.items())

    # Assign findings to labels nearest-first, so a finding on a label's own
    # line is never crowded out by a neighbour one line away.
    def lines_of(l):
        return [l["line"]] + l.get("also", [])

    pairs = []
    for fi, ((file, cat, line), _rules) in enumerate(findings):
        for li, l in enumerate(labels):
            if l["file"] == file and l["category"] == cat:
                d = min(abs(line - x) for x in lines_of(l))
                if d <= 1:
                    pairs.append((d, fi, li))
    pairs.sort()
    matched_labels, assigned = set(), set()
    for d, fi, li in pairs:
        if fi in assigned or li in matched_labels:
            continue
        assigned.add(fi)
        matched_labels.add(li)
    near = {fi for _d, fi, _li in pairs}
    fps, dups = [], []
    matched_findings = {c: 0 for c in CATEGORIES}
    for fi, ((file, cat, line), rules) in enumerate(findings):
        if fi in assigned:
            matched_findings[cat] += 1
        elif fi in near:
            dups.append((file, line, cat, rules))
            matched_findings[cat] += 1
        else:
            fps.append((file, line, cat, rules))
    fns = [labels[i] for i in range(len(labels)) if i not in matched_labels]

    rows = []
    tot = dict(expected=0, found=0, tp=0, fp=0, fn=0, mf=0)
    for c in CATEGORIES:
        expected = sum(1 for l in labels if l["category"] == c)
        found = sum(1 for (f, cat, _), _r in findings if cat == c)
        tp = sum(1 for i in matched_labels if labels[i]["category"] == c)
        fp = sum(1 for x in fps if x[2] == c)
        fn = sum(1 for l in fns if l["category"] == c)
        rows.append((c, expected, found, tp, fp, fn, matched_findings[c]))
        for k, v in zip(("expected", "found", "tp", "fp", "fn", "mf"), (expected, found, tp, fp, fn, matched_findings[c])):
            tot[k] += v
    rows.append(("total", tot["expected"], tot["found"], tot["tp"], tot["fp"], tot["fn"], tot["mf"]))

    def pct(n, d):
        return "%5.1f%%" % (100.0 * n / d) if d else "   n/a"

    print("files: %d (%d with at least one expected finding), labels: %d, findings scored: %d"
          % (len(files), sum(1 for v in files.values() if v), len(labels), len(findings)))
    print("%-22s %8s %6s %4s %4s %4s %9s %7s" % ("category", "expected", "found", "TP", "FP", "FN", "precision", "recall"))
    for c, e, f, tp, fp, fn, mf in rows:
        print("%-22s %8d %6d %4d %4d %4d %9s %7s" % (c, e, f, tp, fp, fn, pct(mf, f), pct(tp, e)))

    if details:
        print("\nfalse positives (reported, not expected):")
        for file, line, cat, rules in fps:
            print("  FP %s:%d  %s  [%s]" % (file, line, cat, ", ".join(sorted(set(rules)))))
        print("\nfalse negatives (expected, not reported):")
        for l in sorted(fns, key=lambda l: (l["file"], l["line"])):
            note = (" - " + l["note"]) if l.get("note") else ""
            print("  FN %s:%d  %s%s" % (l["file"], l["line"], l["category"], note))
        if dups:
            print("\nduplicates (a second finding for an already-matched problem; not counted as FP):")
            for file, line, cat, rules in dups:
                print("  DUP %s:%d  %s  [%s]" % (file, line, cat, ", ".join(sorted(set(rules)))))
    return 0


if __name__ == "__main__":
    try:
        main(sys.argv)
    except Exception as exc:  # a measurement never fails the caller
        sys.stderr.write("score.py: %s\n" % exc)
    sys.exit(0)
