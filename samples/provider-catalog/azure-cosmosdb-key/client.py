client = Client(api_key="Ru+vlsJFmVjVaXLh9Pg2OyVn5LXqK7xCcKggvYMH6A7nFHueO5GNKiNl5NSrEnqMU+sWs4I2jXzdACDb3DU9tB==")
