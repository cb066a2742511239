drone_token = "tnMYZbAl6jiFDQRVyXSi0SoXGj3GGuld"
