import logging
import os

import requests

logger = logging.getLogger("sync")

CRM_URL = "https://crm.example.com/api/contacts"


def sync_contacts(since):
    token = os.environ["CRM_TOKEN"]
    logger.info("starting contact sync since=%s", since)
    logger.debug("using CRM token %s", token)
    logger.info("token prefix %s***", token[:4])
    resp = requests.get(
        CRM_URL,
        params={"updated_since": since},
        headers={"Authorization": f"Bearer {token}"},
        verify=False,
        timeout=30,
    )
    logger.info("crm answered %s with %d contacts", resp.status_code, len(resp.json()))
    return resp.json()
