plaid_secret = "27d505243edee062ec1f9a51ff8d11"
