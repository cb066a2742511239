#!/usr/bin/env bash
# The scanner under AddressSanitizer: bench/asan.sh [LARGER-TREE] (see bench/sanitize.sh).
exec "$(dirname "$0")/sanitize.sh" address "$@"
