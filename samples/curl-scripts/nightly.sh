#!/usr/bin/env bash
# Nightly export. Uses the key from the environment, but over plain HTTP.
set -euo pipefail
curl -sS -X POST http://api.re-port-flow.com/v1/file/sync/single \
  -H "appkey: ${REPORT_FLOW_APP_KEY}" \
  -H "Content-Type: application/json" \
  -d @payload.json

# Inventory export: the API token is pasted into the header.
curl -sS -H "Authorization: Token 4f9c2e7a1b8d3f6e0a5c9b2d7e1f4a8c3b6d0e2f" \
  https://inventory.acme-logistics.io/api/v2/export > inventory.json
