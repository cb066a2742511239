"""Enable verbose HTTP tracing when ORDERS_TRACE=1 is set."""
import http.client
import logging
import os

import requests


def enable_tracing():
    if os.environ.get("ORDERS_TRACE") != "1":
        return
    http.client.HTTPConnection.debuglevel = 1
    logging.basicConfig(level=logging.DEBUG)
    logging.getLogger("urllib3").setLevel(logging.DEBUG)


def get_order(order_id):
    enable_tracing()
    return requests.get(
        f"https://orders.example.com/api/orders/{order_id}",
        headers={"Authorization": "Bearer " + os.environ["ORDERS_TOKEN"]},
        timeout=10,
    ).json()
