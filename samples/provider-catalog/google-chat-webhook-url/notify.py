WEBHOOK = "https://chat.googleapis.com/v1/spaces/AAAAk3Wq9Zc/messages?key=AIzaSyDdI0hCZtE6vySjMm-WEfRq3CPzqKqqsHI&token=QuiBFjjJtOLfmskYwJn695Web6oEZDcYA-PAhfocETM%3D"
