requests.post("https://hooks.zapier.com/hooks/catch/98306405/ysq4n1/", json=payload)
