import boto3

BUCKET = "acme-invoices-prod"


def client():
    return boto3.client(
        "s3",
        region_name="eu-west-1",
        aws_access_key_id="AKIAPECDWIIM2GVXNMJ3",
        aws_secret_access_key="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",
    )


def upload_invoice(path, key):
    s3 = client()
    s3.upload_file(path, BUCKET, key, ExtraArgs={"ServerSideEncryption": "AES256"})
    return f"https://{BUCKET}.s3.amazonaws.com/{key}"
