#!/usr/bin/env bash
# Recall on published example credentials (another scanner's rule tests, kept outside this
# repository in ../shared/recall, MIT): per-family recall and negatives flagged.
# Usage: bench/recall.sh [BINARY] [--misses]   (default binary: .build/release/authlint)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
scorer="${AUTHLINT_RECALL:-$here/../../shared/recall/score.sh}"
binary="${1:-$here/../.build/release/authlint}"
shift || true
[ -x "$scorer" ] || { echo "no scorer at $scorer (set AUTHLINT_RECALL)" >&2; exit 2; }
exec "$scorer" "$binary" "$@"
