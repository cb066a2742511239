client = NotionClient(api_key="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")
