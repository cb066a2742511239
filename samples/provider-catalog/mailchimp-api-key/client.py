client = MailchimpMarketing(api_key="58c4fc8455e84a07b01ac142aec8c38e-us15")
