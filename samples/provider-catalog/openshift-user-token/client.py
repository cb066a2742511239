client = OpenShiftClient(api_key="sha256~xp3jEE2FukqzXc8beY-kVNINJNgZ3lPrdSslKmhOlSu")
