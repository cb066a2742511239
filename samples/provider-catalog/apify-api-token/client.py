client = Client(api_key="apify_api_baC1DRbWnPE7wqI3HCbfJZQZmD1B8vXMKOgt")
