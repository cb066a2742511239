"""Old batch job kept for reference. Several things here are exactly what the guides warn about."""
import logging

import requests

log = logging.getLogger(__name__)

LEGACY_BASE = "http://api.re-port-flow.com/v1"
APP_KEY = "rf_5d41402abc4b2a76b9719d911017c592"


def run_batch(design_id):
    headers = {"appkey": APP_KEY, "Content-Type": "application/json"}
    log.info("sending with appkey=%s", APP_KEY)
    return requests.post(f"{LEGACY_BASE}/file/sync/single", headers=headers, json={"designId": design_id})
