#!/usr/bin/env bash
# --staged benchmark: a repository with 10,000 tracked files and 20 staged changes; authlint
# scan --staged next to `git diff --cached --name-only` (the floor: git listing the same files).
# Usage: bench/staged.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-10}"
# Static Swift runtime: how the CLI ships (one file, ~2 ms less start-up than dynamic linking).
swift build -c release --static-swift-stdlib --scratch-path .build-static 2>&1 | grep -v "mktemp" | tail -n 1
bin="$(swift build -c release --static-swift-stdlib --scratch-path .build-static --show-bin-path)/authlint"
repo="bench/.corpus/staged-repo"
if [ ! -f "$repo/.done" ]; then
  rm -rf "$repo"; mkdir -p "$repo"
  git -C "$repo" init -q
  python3 - "$repo" <<'PY'
import os, sys
root = sys.argv[1]
for i in range(10000):
    d = os.path.join(root, f"pkg{i // 100:03d}")
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, f"module{i % 100:02d}.js"), "w") as f:
        f.write(f"// module {i}\nexport function f{i}(x) {{\n  const url = process.env.API_URL;\n  return fetch(url, {{ headers: {{ appkey: process.env.APP_KEY }} }});\n}}\n" * 5)
PY
  git -C "$repo" add -A && git -C "$repo" -c user.email=b@b -c user.name=b commit -qm base
  touch "$repo/.done"
fi
git -C "$repo" reset -q --hard
for i in $(seq 0 19); do echo "const extra$i = 'value';" >> "$repo/pkg0$(printf %02d $i)/module00.js"; done
git -C "$repo" add -A
bytes=$(git -C "$repo" diff --cached --name-only | (cd "$repo" && xargs cat) | wc -c)
python3 bench/measure.py --runs "$runs" --bytes "$bytes" --reference git \
  "git=git -C $repo diff --cached --name-only" \
  "authlint=cd $repo && $bin scan --staged --fail-on never"
