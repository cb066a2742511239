client = Client(api_key="da2-rok26f1fc3uklc0smfxrweqfem")
