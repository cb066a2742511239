client = ldclient.Config(api_key="sdk-35c4bdc3-4d84-4f18-8f90-eb923c8f16fa")
