#!/usr/bin/env bash
# Nightly Reeflow export.
set -euo pipefail

# Unsafe: Basic credentials over plain HTTP.
curl -sS http://api.reeflow.com/connections \
  -u "${REEFLOW_KEY_ID}:${REEFLOW_KEY_SECRET}" \
  -o connections.json

# Unsafe: certificate checks off.
curl --insecure -sS https://api.reeflow.com/health
wget --no-check-certificate -q https://downloads.acme-corp.io/schema.json

# Safe: HTTPS with verification; ssh -k is not a curl flag.
curl -sS https://api.reeflow.com/connections -u "${REEFLOW_KEY_ID}:${REEFLOW_KEY_SECRET}"
ssh -k deploy@bastion.acme-corp.io true
