import responses

from billing.client import list_charges

FAKE_KEY = "sk_test_placeholder"


@responses.activate
def test_list_charges(monkeypatch):
    monkeypatch.setenv("STRIPE_SECRET_KEY", FAKE_KEY)
    responses.add(
        responses.GET,
        "https://api.stripe.com/v1/charges",
        json={"data": [{"id": "ch_1"}]},
    )
    charges = list_charges("cus_123")
    assert charges[0]["id"] == "ch_1"
    assert responses.calls[0].request.headers["Authorization"] == f"Bearer {FAKE_KEY}"


def test_local_server(live_server):
    url = "http://localhost:8000/healthz"
    assert live_server.get(url).status_code == 200
