client = OctopusClient(api_key="API-UKN8BH62ZYAW7JG1X7QSEBBESSD")
