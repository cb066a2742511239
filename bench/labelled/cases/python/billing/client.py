"""Thin wrapper around the payments provider's REST API."""
import os
import logging

import requests

log = logging.getLogger(__name__)

API_BASE = "https://api.stripe.com/v1"
# Fallback used by the nightly reconciliation job when the env is not set.
LIVE_KEY = "sk_live_lSbzkYbo7nPEI4GePcS2w23g"


def _key():
    return os.environ.get("STRIPE_SECRET_KEY", LIVE_KEY)


def list_charges(customer_id, limit=20):
    resp = requests.get(
        f"{API_BASE}/charges",
        params={"customer": customer_id, "limit": limit},
        headers={"Authorization": f"Bearer {_key()}"},
        timeout=10,
        verify=True,
    )
    resp.raise_for_status()
    log.info("fetched %d charges for customer %s", len(resp.json()["data"]), customer_id)
    return resp.json()["data"]
