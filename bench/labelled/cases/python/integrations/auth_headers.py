import os

AUTH_HEADER = "Authorization"
API_KEY_HEADER = "X-API-Key"


def headers_for(service):
    """Each partner accepts exactly one of the two mechanisms."""
    headers = {"Accept": "application/json"}
    token = os.environ.get(f"{service.upper()}_TOKEN")
    if token:
        headers[AUTH_HEADER] = f"Bearer {token}"
    else:
        headers[API_KEY_HEADER] = os.environ[f"{service.upper()}_API_KEY"]
    return headers


def describe(headers):
    names = ", ".join(sorted(headers))
    print(f"sending headers: {names}")
