client = Client(api_key="aio_FfRhvum7i9sKq3cxJtbbFw4xoAQn")
