import base64
import os

import requests

LEGACY = "https://legacy-erp.acme.io/api"


def basic_header(user, password):
    raw = f"{user}:{password}".encode()
    return "Basic " + base64.b64encode(raw).decode()


def fetch_stock(sku):
    headers = {
        "Authorization": basic_header(os.environ["ERP_USER"], os.environ["ERP_PASSWORD"]),
        "Accept": "application/json",
    }
    return requests.get(f"{LEGACY}/stock/{sku}", headers=headers, timeout=10).json()


def fetch_prices():
    user, password = os.environ["ERP_USER"], os.environ["ERP_PASSWORD"]
    headers = {"Authorization": f"Basic {user}:{password}"}
    return requests.get(f"{LEGACY}/prices", headers=headers, timeout=10).json()
