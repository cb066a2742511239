client = LangSmithClient(api_key="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")
