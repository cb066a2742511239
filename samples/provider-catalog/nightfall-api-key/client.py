client = Nightfall(api_key="NF-z49U11ZERVCuZ4eZQaUjU3bZIObtVmrX")
