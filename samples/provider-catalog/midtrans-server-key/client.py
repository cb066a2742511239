client = midtransclient.CoreApi(api_key="SB-Mid-server-gV4vaeKNahKq4RL2h-r90Q3t")
