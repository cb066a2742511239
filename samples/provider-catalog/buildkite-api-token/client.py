client = Client(api_key="bkua_c40b0c7de92256cf2a026c61adf396d32083ac66")
