import logging.config
import os

LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")

SENSITIVE_KEYS = {"authorization", "password", "api_key", "token", "secret"}


class RedactFilter(logging.Filter):
    def filter(self, record):
        if isinstance(record.args, dict):
            record.args = {
                k: ("[redacted]" if k.lower() in SENSITIVE_KEYS else v)
                for k, v in record.args.items()
            }
        return True


logging.config.dictConfig({
    "version": 1,
    "filters": {"redact": {"()": RedactFilter}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["redact"]}},
    "root": {"level": LOG_LEVEL, "handlers": ["console"]},
    "loggers": {"urllib3": {"level": "WARNING"}},
})

logging.getLogger(__name__).info("logging configured at %s", LOG_LEVEL)
