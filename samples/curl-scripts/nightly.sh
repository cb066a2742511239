#!/usr/bin/env bash
# Nightly export. Uses the key from the environment, but over plain HTTP.
set -euo pipefail
curl -sS -X POST http://api.re-port-flow.com/v1/file/sync/single \
  -H "appkey: ${REPORT_FLOW_APP_KEY}" \
  -H "Content-Type: application/json" \
  -d @payload.json
