client = Client(api_key="uSlcSrp52tpUToExrzMaDjI53M/9XIj3ht7xUKsus/+ACRJZHFJh")
