client = Client(api_key="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")
