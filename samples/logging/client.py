import logging
import os

import http.client
import requests

logger = logging.getLogger(__name__)
http.client.HTTPConnection.debuglevel = 1  # left on from a debugging session


def list_connections(base_url):
    key = os.environ["REEFLOW_API_KEY"]
    headers = {"Authorization": f"Basic {key}"}
    logger.debug("calling %s with %s", base_url, headers)
    logger.info("key configured: %s", key is not None)
    return requests.get(base_url, headers=headers, timeout=10)
