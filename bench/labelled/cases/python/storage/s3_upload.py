import boto3

BUCKET = "acme-invoices-prod"


def client():
    return boto3.client(
        "s3",
        region_name="eu-west-1",
        aws_access_key_id="AKIA6NUFZZ7FSHRVTXT7",
        aws_secret_access_key="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",
    )


def upload_invoice(path, key):
    s3 = client()
    s3.upload_file(path, BUCKET, key, ExtraArgs={"ServerSideEncryption": "AES256"})
    return f"https://{BUCKET}.s3.amazonaws.com/{key}"
