#!/usr/bin/env bash
# Export last week's dashboards from Report Flow.
set -euo pipefail

: "${RF_TOKEN:?}" "${RF_APPKEY:?}"
SINCE="$(date -d '7 days ago' +%F)"

curl -fsS \
  -H "Authorization: Bearer ${RF_TOKEN}" \
  -H "appkey: ${RF_APPKEY}" \
  "https://api.reportflow.io/v3/exports?since=${SINCE}" \
  -o "export-${SINCE}.json"

echo "wrote export-${SINCE}.json"
