req.Header.Set("Authorization", "Bearer shippo_live_55f7241371b4e17e1c7048eeac116670b099d733")
