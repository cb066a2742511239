freshdesk_api_key = "ABpHyNHhuupKLzphkIgy"
