#!/usr/bin/env bash
set -euo pipefail

export ADMIN_API_TOKEN="fJt8lpHCDDpPp0fbcraFFxUr2bYlakejcrcuJHwt"
STAGING="http://staging-admin.acme-retail.com"

for f in fixtures/*.json; do
  echo "seeding $(basename "$f")"
  curl -sS -X POST \
    -H "Authorization: Bearer ${ADMIN_API_TOKEN}" \
    -H "Content-Type: application/json" \
    --data @"$f" \
    "${STAGING}/api/seed"
done
