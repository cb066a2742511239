"""Pushes Report Flow results to Reeflow connections."""
import os

import requests

REEFLOW_API = "https://api.reeflow.com/v1"


def push_results(payload):
    # Bad: Basic credentials via auth= AND an API key header in the same request.
    return requests.post(
        f"{REEFLOW_API}/connections/sync",
        json=payload,
        headers={"X-API-Key": os.environ["REEFLOW_API_KEY"], "Accept": "application/json"},
        auth=(os.environ["REEFLOW_KEY_ID"], os.environ["REEFLOW_KEY_SECRET"]),
        timeout=30,
    )


def report_flow_session():
    session = requests.Session()
    # Report Flow documents the header as lower-case `appkey`.
    session.headers.update({"AppKey": os.environ["REPORT_FLOW_APP_KEY"], "Accept": "application/json"})
    return session


def reeflow_session(use_api_key):
    # One method per request, chosen by a flag: fine.
    session = requests.Session()
    if use_api_key:
        session.headers["X-API-Key"] = os.environ["REEFLOW_API_KEY"]
    else:
        session.auth = (os.environ["REEFLOW_KEY_ID"], os.environ["REEFLOW_KEY_SECRET"])
    return session
