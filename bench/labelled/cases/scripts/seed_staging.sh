#!/usr/bin/env bash
set -euo pipefail

export ADMIN_API_TOKEN="c9IJbctXC5rzLjfnNF0w55ljJEgUl3MjcFtLyM11"
STAGING="http://staging-admin.acme-retail.com"

for f in fixtures/*.json; do
  echo "seeding $(basename "$f")"
  curl -sS -X POST \
    -H "Authorization: Bearer ${ADMIN_API_TOKEN}" \
    -H "Content-Type: application/json" \
    --data @"$f" \
    "${STAGING}/api/seed"
done
