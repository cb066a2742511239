client = Client(api_key="4b1dbVuU11Kuo9ov87XhakmolqXSdxNMix5yEpjPPL")
