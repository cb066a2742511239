client = Client(api_key="cisJZ2hDVqU6BACzd32VYKMSdKzx9Zsvf0VdZMnbfHAzSeVid4LW")
