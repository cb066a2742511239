#!/bin/bash
set -euxo pipefail
echo "Using token $REEFLOW_API_TOKEN"
echo "$REGISTRY_TOKEN" | docker login --password-stdin registry.example.com
curl -sv -H "Authorization: Bearer $REEFLOW_API_TOKEN" https://api.reeflow.com/connections
