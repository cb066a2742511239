#!/usr/bin/env bash
# The scanner under ThreadSanitizer: bench/tsan.sh [LARGER-TREE] (see bench/sanitize.sh).
exec "$(dirname "$0")/sanitize.sh" thread "$@"
