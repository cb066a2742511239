curl -s -H "Authorization: Bearer rubygems_a1fdbf2de10ca4a85c549a0c4459a05c24a686fab6152b46" "$API_URL/v1/me"
