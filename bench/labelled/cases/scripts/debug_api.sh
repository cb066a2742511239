#!/bin/sh
# Reproduce the 401 the support ticket mentions.
set -e

TOKEN="$(cat ~/.config/acme/token)"

curl -v \
  -H "Authorization: Bearer ${TOKEN}" \
  -H "Accept: application/json" \
  https://api.acme.io/v1/me

echo "exit code $?"
