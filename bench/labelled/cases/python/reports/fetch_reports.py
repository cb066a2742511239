import os

import requests

REPORT_HOST = "http://reports.acme-analytics.com/api/v2"


def fetch_daily(day):
    token = os.environ["REPORTS_TOKEN"]
    api_key = os.environ["REPORTS_API_KEY"]
    headers = {
        "Authorization": f"Bearer {token}",
        "X-API-Key": api_key,
        "Accept": "application/json",
    }
    r = requests.get(f"{REPORT_HOST}/daily/{day}", headers=headers, timeout=15)
    r.raise_for_status()
    return r.json()


def fetch_public_status():
    # status page is https and needs no credentials
    return requests.get("https://status.acme-analytics.com/api/status.json", timeout=5).json()
