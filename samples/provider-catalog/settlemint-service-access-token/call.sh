curl -s -H "Authorization: Bearer sm_sat_wDCODj1WoMYKHWCZ" "$API_URL/v1/me"
