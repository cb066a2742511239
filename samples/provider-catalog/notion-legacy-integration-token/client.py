client = notion_client.Client(api_key="secret_kPQcdVjL3G4yBKpkpjO5QsYpaa3GFoaIRnsHRFXL4wn")
