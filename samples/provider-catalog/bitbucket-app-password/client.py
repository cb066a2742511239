client = Client(api_key="ATBBCOHdueDabyTVyzEjKGF4yrJEDD68471F")
