zoom_client_secret = "ePrfWIUytAXyx44mSxxI9vIQAKHHxIyJ"
