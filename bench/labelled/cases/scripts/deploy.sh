#!/usr/bin/env bash
set -euo pipefail

: "${GITHUB_TOKEN:?GITHUB_TOKEN must be set}"
REPO="acme/storefront"
TAG="${1:?usage: deploy.sh TAG}"

echo "creating release ${TAG} for ${REPO}"
curl -fsS -X POST \
  -H "Authorization: token ${GITHUB_TOKEN}" \
  -H "Accept: application/vnd.github+json" \
  "https://api.github.com/repos/${REPO}/releases" \
  -d "{\"tag_name\": \"${TAG}\"}"

echo "fetching artifact from the build cache"
curl -fsSk -o dist.tgz "https://cache.build.acme.io/artifacts/${TAG}.tgz"
tar -xzf dist.tgz -C /srv/storefront
echo "done"
