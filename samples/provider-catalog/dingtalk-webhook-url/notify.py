WEBHOOK = "https://oapi.dingtalk.com/robot/send?access_token=5afc195d6b07e66b562b2319e1485beb0c1af89a0155baa866c0931b27529e5d"
