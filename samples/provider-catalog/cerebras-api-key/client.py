client = Client(api_key="csk-pmhae5kz2au0biwogmoyrbp1xtvqq9xtccug8p60rt08s5r9")
