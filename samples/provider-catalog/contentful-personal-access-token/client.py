client = Client(api_key="CFPAT-X3QsOu6aPRo1jTgGUpK_Fkia7U83-RmzVYvde4dqtqN")
