import os

# A directive left behind after the credential it silenced moved to the environment.
API_KEY = os.environ["REPORTFLOW_API_KEY"]  # authlint:ignore hardcoded-secret -- moved to env

RETRIES = 3
