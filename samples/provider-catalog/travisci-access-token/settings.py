travis_api_token = "6eYydlmNhV2sJFMKLNdxpf"
