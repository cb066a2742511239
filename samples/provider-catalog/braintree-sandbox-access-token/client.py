client = Client(api_key="access_token$sandbox$0g9n2p8gbwk6bqxg$8c861bf17671b65bcfd07772e4ac4f81")
