client = HubSpot(api_key="pat-na2-c81b72f0-454e-4766-a0a0-101b0ae98436")
