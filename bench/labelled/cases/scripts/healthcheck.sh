#!/bin/sh
# Container health check: the app listens on localhost only.
set -e

URL="http://localhost:8080/healthz"
TIMEOUT=3

if curl -fsS --max-time "$TIMEOUT" "$URL" > /dev/null; then
  exit 0
fi

echo "health check failed for $URL" >&2
exit 1
