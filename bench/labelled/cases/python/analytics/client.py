import logging
import os

import requests

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("analytics")

API_KEY = os.environ.get("ANALYTICS_API_KEY", "xxxx-xxxx-xxxx")
BASE = "https://api.segment-like.io/v1"


def track(user_id, event, props=None):
    payload = {"userId": user_id, "event": event, "properties": props or {}}
    r = requests.post(f"{BASE}/track", json=payload, auth=(API_KEY, ""), timeout=5)
    log.info("tracked %s for %s -> %s", event, user_id, r.status_code)
    return r.ok
