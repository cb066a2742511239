client = Client(api_key="amzn.mws.3ea2395c-aee1-771e-1c18-8356a57062ef")
