client = MapboxClient(api_key="sk.eyJ1IjoiYWNtZS1tYXBzIiwiYSI6Iyl2skgWW4rqXZ8QOche29auPsz.uNWqcIuYrfcUXGnji7bq-H")
