req.Header.Set("Authorization", "Bearer whsec_l4e8miW0IX8ffP3IGP8HNWUM1gwCl7dv")
