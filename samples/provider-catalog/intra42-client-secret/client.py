client = IntraClient(api_key="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")
