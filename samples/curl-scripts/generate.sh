#!/usr/bin/env bash
# Seed example (Report Flow "Sample Code / cURL"): placeholder key, HTTPS.
set -euo pipefail
curl -X POST https://api.re-port-flow.com/v1/file/sync/single \
  -H "appkey: your-application-key" \
  -H "Content-Type: application/json" \
  -d '{"designId": "42"}'
