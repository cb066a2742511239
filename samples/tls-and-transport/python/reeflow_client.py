"""Reeflow client used by the nightly export."""
import os
import ssl
import urllib.request

import requests

API = "https://api.reeflow.com"
CA_BUNDLE = os.environ.get("REEFLOW_CA_BUNDLE", True)


def list_connections(credentials):
    # Safe: verification on, optionally against a private CA bundle.
    return requests.get(f"{API}/connections", headers={"Authorization": f"Basic {credentials}"}, verify=CA_BUNDLE)


def list_connections_insecure(credentials):
    # Unsafe: certificate checks switched off "because of the proxy".
    return requests.get(
        f"{API}/connections",
        headers={"Authorization": f"Basic {credentials}"},
        verify=False,
    )


def legacy_health():
    context = ssl._create_unverified_context()
    return urllib.request.urlopen("https://api.reeflow.com/health", context=context)


def legacy_sync(key_id, secret):
    # Unsafe: the key pair travels in clear text.
    return requests.post("http://api.reeflow.com/connections/sync", auth=(key_id, secret))
