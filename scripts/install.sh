#!/usr/bin/env bash
# Builds authlint and installs the binary as PREFIX/bin/authlint.
#   scripts/install.sh [--prefix DIR] [--configuration release|debug] [--skip-build]
# PREFIX defaults to $HOME/.local. The binary carries its rule catalog, so it can be copied alone.
# A release build links the Swift runtime and Foundation statically (scratch path .build-static):
# a hook or an editor starts authlint per commit or per file, and loading eight shared Swift
# libraries costs ~7 ms per start, and a 200-line file on stdin takes ~10 ms static, ~20 shared
# (bench/startup.sh).
# The copy is atomic: a temporary file in PREFIX/bin, then a rename over the old binary, so a
# pre-commit hook running authlint meanwhile sees the old binary or the new one, never half of one.
# --skip-build installs what `swift build -c CONFIGURATION` already built: InstallScriptTests uses it
# because `swift test` holds SwiftPM's lock on .build, so a nested `swift build` would wait forever.
set -euo pipefail

usage() {
  echo "usage: scripts/install.sh [--prefix DIR] [--configuration release|debug] [--skip-build]" >&2
  exit 2
}

prefix="${HOME:?HOME is not set; pass --prefix DIR}/.local"
configuration=release
build=yes
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) [ $# -ge 2 ] || usage; prefix="$2"; shift 2 ;;
    --prefix=*) prefix="${1#--prefix=}"; shift ;;
    --configuration) [ $# -ge 2 ] || usage; configuration="$2"; shift 2 ;;
    --configuration=*) configuration="${1#--configuration=}"; shift ;;
    --skip-build) build=no; shift ;;
    -h | --help) echo "usage: scripts/install.sh [--prefix DIR] [--configuration release|debug] [--skip-build]"; exit 0 ;;
    *) echo "install.sh: unknown argument '$1'" >&2; usage ;;
  esac
done
case "$configuration" in
  release | debug) ;;
  *) echo "install.sh: --configuration must be release or debug, not '$configuration'" >&2; exit 2 ;;
esac
[ -n "$prefix" ] || { echo "install.sh: --prefix must not be empty" >&2; exit 2; }

cd "$(dirname "$0")/.."
if [ "$configuration" = release ]; then
  build_args=(-c release --static-swift-stdlib --scratch-path .build-static --product authlint)
  scratch=.build-static
else
  build_args=(-c debug --product authlint)
  scratch=.build
fi
if [ "$build" = yes ]; then
  command -v swift >/dev/null || { echo "install.sh: swift not found on PATH (install a Swift 6 toolchain)" >&2; exit 1; }
  echo "install.sh: swift build ${build_args[*]}"
  swift build "${build_args[@]}"
fi
# SwiftPM links SCRATCH/debug and SCRATCH/release to the platform's build directory.
built="$PWD/$scratch/$configuration/authlint"
[ -x "$built" ] || { echo "install.sh: no $built (run swift build ${build_args[*]} first)" >&2; exit 1; }

bin_dir="$prefix/bin"
mkdir -p "$bin_dir"
bin_dir="$(cd "$bin_dir" && pwd)"
target="$bin_dir/authlint"
staging="$(mktemp "$bin_dir/.authlint.install.XXXXXX")"
trap 'rm -f "$staging"' EXIT
cp "$built" "$staging"
chmod 755 "$staging"
mv -f "$staging" "$target"
trap - EXIT

echo "installed $target"
"$target" --version
case ":${PATH:-}:" in
  *":$bin_dir:"*) ;;
  *) echo "install.sh: warning: $bin_dir is not on PATH; add it, e.g. export PATH=\"$bin_dir:\$PATH\"" >&2 ;;
esac
