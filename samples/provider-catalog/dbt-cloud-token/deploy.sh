curl -sS -H "Authorization: Bearer dbtc_9jRdJIg_wWj7GuHlNYODBQ2MGddLZPSxAys_zOYfRf79WqnMjBaNq2" "https://cloud.getdbt.com/api/v2/accounts/"
