razorpay_key_secret = "fcsgYTKS6E5LaN8MdFtvshz0"
