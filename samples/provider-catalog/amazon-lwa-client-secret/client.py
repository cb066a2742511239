client = Client(api_key="amzn1.oa2-cs.v1.e6794e9df16932a435d02e3336db5373ee5cacdfbd5dc5872d036682abbf31fa")
