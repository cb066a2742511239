client = Client(api_key="p8e-Hy1x9dAnahNXsE12rnWRWy6uKWTS32SP")
