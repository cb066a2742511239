client = Client(api_key="access_token$production$6di5fxqcrxiuo9jr$cc772e13a4a73f42311e1a0823e0587c")
