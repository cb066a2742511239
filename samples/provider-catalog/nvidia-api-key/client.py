client = OpenAI(api_key="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")
