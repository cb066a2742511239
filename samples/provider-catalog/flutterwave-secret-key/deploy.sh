curl -sS -H "Authorization: Bearer FLWSECK_TEST-cca06a5fbb2a8420281ac5dac99aa3e8-X" "https://api.flutterwave.com/v3/transactions"
