"""Key material a service was started with (sample: each literal below is a finding)."""
import base64

import pyodbc

JWT_SIGNING_PEM = base64.b64decode("LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCk1DNENBUUF3QlFZREsyVndCQ0lFSUg2eEFOVmVjKy9nYzk1a1pEbDRyd2taUVcrWUdlMll1S0FRWWlyZm0yNXAKLS0tLS1FTkQgUFJJVkFURSBLRVktLS0tLQo=")
DEVICE_KEY_DER = bytes.fromhex("302e020100300506032b6570042204203e32449c72f4dd9b56c6295281719659c1ea9457849613db11e94b3fbae14943")
ED25519_PRIVATE_KEY = "1cf38f3c7f9c7d79485e27c67dceb89013ba0e4585ea6fa4fc0a7a65891b9c9f"

REPORTS_DB = "Data Source=tcp:acme.database.windows.net,1433;Initial Catalog=orders;User ID=orders_app;Password=jHZpzEK.kAgmQ;Encrypt=True"


def connect():
    return pyodbc.connect(REPORTS_DB)
