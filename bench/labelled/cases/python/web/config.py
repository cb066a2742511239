import os


class Config:
    SECRET_KEY = os.environ.get("FLASK_SECRET_KEY")
    SQLALCHEMY_DATABASE_URI = os.environ.get(
        "DATABASE_URL", "postgresql://localhost/webapp_dev"
    )
    SQLALCHEMY_TRACK_MODIFICATIONS = False
    MAIL_SERVER = "smtp.mailgun.org"
    MAIL_PORT = 587
    MAIL_USE_TLS = True
    MAIL_USERNAME = os.environ.get("MAIL_USERNAME")
    MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD")
    API_TOKEN_HEADER = "X-Api-Token"


class DevelopmentConfig(Config):
    DEBUG = True
    SECRET_KEY = "changeme"
    FRONTEND_URL = "http://localhost:3000"


class ProductionConfig(Config):
    DEBUG = False
    FRONTEND_URL = "https://app.example.com"
