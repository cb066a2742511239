"""Report Flow client (seed example: the appkey read from the environment)."""
import os

import requests

BASE_URL = "https://api.re-port-flow.com/v1"

headers = {
    'appkey': os.environ['REPORT_FLOW_APP_KEY'],
    'Content-Type': 'application/json'
}


def design_parameters(design_id: str) -> dict:
    response = requests.get(f"{BASE_URL}/file/design/parameter/{design_id}", headers=headers, timeout=30)
    response.raise_for_status()
    return response.json()
