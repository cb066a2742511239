curl -s -H "Authorization: Bearer tk-us-R9Rallj5Gg89zUOmJNXMBSqj6R4D9lHqrNGmsoufYSobhjhb" "$API_URL/v1/me"
