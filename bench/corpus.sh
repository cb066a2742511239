#!/usr/bin/env bash
# Builds the benchmark corpus reproducibly under bench/.corpus (ignored by git):
#   swift/   checkouts (HEAD) of the Swift package mirrors this machine carries
#   python/  a copy of the Python site-packages
# Usage: bench/corpus.sh [COPIES]   (COPIES>=2 also makes x2/, COPIES>=4 also x4/ for the scaling table:
#   N hard-linked copies of base/ (cp -al: no extra disk, the same page cache), cp -r if links fail)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/.corpus"
mirrors="${AUTHLINT_MIRRORS:-/opt/swift-packages}"
site="${AUTHLINT_SITE_PACKAGES:-$(python3 -c 'import site; print(site.getsitepackages()[0])')}"
mkdir -p "$root/base/swift" "$root/base/python"
if [ ! -f "$root/base/.done" ]; then
  for repo in $(find "$mirrors" -maxdepth 2 -name '*.git' -type d | sort); do
    name="$(basename "$(dirname "$repo")")-$(basename "$repo" .git)"
    [ -d "$root/base/swift/$name" ] || git clone -q --depth 1 "file://$repo" "$root/base/swift/$name" 2>/dev/null \
      || git clone -q "$repo" "$root/base/swift/$name"
    rm -rf "$root/base/swift/$name/.git"
  done
  cp -r "$site/." "$root/base/python/"
  touch "$root/base/.done"
fi
copies="${1:-1}"
for n in 2 4; do
  [ "$copies" -ge "$n" ] || continue
  dir="$root/x$n"
  [ -f "$dir/.done" ] && continue
  rm -rf "$dir"; mkdir -p "$dir"
  for i in $(seq 1 "$n"); do cp -al "$root/base" "$dir/copy$i" 2>/dev/null || { rm -rf "$dir/copy$i"; cp -r "$root/base" "$dir/copy$i"; }; done
  touch "$dir/.done"
done
du -sm "$root/base" | awk '{print "corpus: " $1 " MiB in bench/.corpus/base"}'
