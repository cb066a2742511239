curl -s -H "Authorization: Bearer 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" "$API_URL/v1/me"
