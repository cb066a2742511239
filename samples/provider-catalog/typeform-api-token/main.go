req.Header.Set("Authorization", "Bearer tfp_k7Wk9wsrgtbNjBLDuctL2q4Ou11YP65U6xEdriDjE8cs_DnvAw3Jz1IWkO6")
