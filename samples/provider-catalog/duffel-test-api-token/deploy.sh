curl -sS -H "Authorization: Bearer duffel_test_fpXWB3FNJJMJA6vqNiKfecTxgaFgzXfmE77sOY6JS3V" "https://api.duffel.com/air/offer_requests"
