vercel_token = "fbLjIew4aXfREPvL7DQbDmjT"
