client = Client(api_key="LTAIdzdAGoVc0xWZqnx3DJrf")
