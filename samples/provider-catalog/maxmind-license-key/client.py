client = GeoIPClient(api_key="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")
