#!/usr/bin/env python3
"""Writes samples/provider-catalog/: one small file per provider rule that no other sample
covers, holding the rule's first fire example, so the samples scan (SamplesTests, through the
real binary: walk, ignore files, every output path) shows every rule end to end.
Run from the project root after adding rules, then regenerate samples/expected.json:
  python3 bench/sample-catalog.py && AUTHLINT_UPDATE_EXPECTED=1 swift test --filter SamplesTests"""
import glob, json, os, shutil

root = "samples/provider-catalog"
expected = json.load(open("samples/expected.json"))["findings"]
covered = {f["rule"] for f in expected if not f["file"].startswith("samples/provider-catalog/")}
shutil.rmtree(root, ignore_errors=True)
written = 0
for path in sorted(p for p in glob.glob("rules/*.json") if p != "rules/schema.json"):
    rule = json.load(open(path))
    if rule["id"] in covered or rule.get("engine") != "pattern":
        continue
    example = rule["examples"]["fire"][0]
    target = os.path.join(root, rule["id"], example["file"])
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "w") as f:
        f.write(example["code"] + ("" if example["code"].endswith("\n") else "\n"))
    written += 1
print(f"{written} rules written to {root}")
