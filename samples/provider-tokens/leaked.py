client = anthropic.Anthropic(api_key="sk-ant-api03-W2rI_33HSflBCaVLpx6fhgPVk79SpPJ8zmIcmo-4ujFZIejxS7ydJZh3qxaOMsVgkA6h6Al6jygMvXJ0LQ-7EmhaTSVjmAA")

jira = JIRA(server, basic_auth=("ops@acme.io", "ATATT3xFfGF0qtLFlT1bkju-GN73dVcX1zLPgEYRt7BXbbpeKSJSfLq43Fhdr7oDguESMKCpkNET23TMNT_WMas3dOXPxFRFr6f65FeE7mjU8Cu9U7Hgy3KWqoBdrR0kep6YG-rMGCmZ89KA-c1-Sfk6OxKh4oKO3P1pJlX7T1AAfM5rwAqid5S=5E384FF7"))

session = boto3.Session(
    aws_access_key_id="AKIAD7H6XBCZHJLPAJHI",
    region_name="eu-west-1",
)

url = "https://acmedata.blob.core.windows.net/exports/report.csv?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2031-01-01T00:00:00Z&spr=https&sig=xQ6FdrSeSqUdjRPmk%2BckF%2BilfcJlfYMAzI8EFwIKLyg%3D"

client.run("NjA1MTgwNTQwMzE4MjE3NTc4OQ.SwZ74t.ngUi5kAgPEniCKIQmK7MpnoIGQ2lw1hZwBYg8N")

requests.post("https://discord.com/api/webhooks/5539390758435884449/Z24wlj45mIKW0Jyf25eR_e3xRCisu-p0RJeY-bDyK7jRFKAEEuKnUcwEhcO_FTogwqwE", json={"content": msg})

headers = {"Authorization": "Bearer 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"}

gh = Github("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")

gh = Github("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")

gh = Github("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")

gh = Github("ghs_ZldNJMa8Dy9LgkkW02nn8lcEBRFIIb19dy1Y")

gh = Github("ghu_BXsGnqyZdPUJQZpZCuQ3or4aqJb8tj1QD1bI")

gl = gitlab.Gitlab("https://gitlab.com", private_token="glpat-83I1R10gPLPyuEiV4izK")

genai.configure(api_key="AIzaC871JWOw0PFKr_HPaiaHaJC0JhXOeOC7l9A")

headers = {"Authorization": "Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI1OTExODUyMjAiLCJpYXQiOjE2NjI4MTg0OTMsImV4cCI6MTg4MDAxNzYxMX0.BCYEiCBKsDiryZ67g5LA2eKoAbNL_TfJ1fbn8Ba30lU"}

login(token="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")

headers = {"Authorization": "lin_api_JlNDDrfACDAoSmB7l9Mpb4meOrPb5Fq57wiXUpE0"}

requests.post(url, auth=("api", "key-76d28dd37042f4b8624c13ce8c2f0ae4"), data=payload)

headers = {"API-Key": "NRAK-GPRRM28OE5C99EXDDIKVLJX5BV4"}

client = OpenAI(api_key="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")

sg = SendGridAPIClient("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")

sentry_sdk.init(dsn="https://736e5bea03ba43fb803f344bb6d2f473:dc3b3788b9ccfb4a3a9d82da1e9bdf37@o412233.ingest.sentry.io/5520811")

session = shopify.Session(shop_url, "2024-01", "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")

client = WebClient(token="xoxb-925007833556-6523003971861-kEWyYGSb8YiomQg6lHxtg0Yc")

requests.post("https://hooks.slack.com/services/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", json={"text": msg})

client = Client(access_token="EAAA7TF3KmoqDyFFve59nyKBYYoh9tKx8qYtVXamsqELPjXQdWMqXkIZ_mE0z6Dc", environment="production")

stripe.api_key = "sk_live_7ZKUQ4zGIrDSKVa43X1003XH"

stripe.api_key = "sk_test_HDkJcdaZQZOjRtWDhjEMqa0NnSDAS6bKOCRDBONnHJtVsROYYhaZ6twNQr6XlL2RI89ZzI0Pf5ffismYtjcGyJ3EPIqJd3B8t5C"

app = ApplicationBuilder().token("2174037898:AAEVHYJEFEoUMWghPii3dnwfzf-rznum3S9").build()

client = Client("SKd5ec7b11e34e25191bd0594ce6002638", api_secret, account_sid)

account_sid = "AC313f64090364d4095421d604f2083098"
auth_token = "970fc241d1b73d1dc065e7aafa4b7d80"
client = Client(account_sid, auth_token)

from twilio.rest import Client as TwilioClient
twilio = TwilioClient("AC6f1d3c5b7a9e2d4f6a8c0e1b3d5f7a9c", "7b2e9d4f1a6c3e8b5d0f2a7c4e9b1d6f")
