client = HarnessClient(api_key="pat.G1brjU7KkAWGHRQIU-V__k.435fb469889807b0275fcf48.syrOOMAn6B1PnpkyD1pq")
