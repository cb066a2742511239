req.Header.Set("Authorization", "Bearer sb_secret_jPjwyup4xjPizOzPDaxMQI_4qBmeXit")
