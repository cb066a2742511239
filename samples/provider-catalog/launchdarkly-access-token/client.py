client = ldclient.Config(api_key="api-08711336-3a17-46f5-b454-a9cd8cbe2efb")
