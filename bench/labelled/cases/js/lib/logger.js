const winston = require('winston');

const logger = winston.createLogger({
  level: process.env.LOG_LEVEL || 'info',
  format: winston.format.json(),
  transports: [new winston.transports.Console()],
});

function mask(value) {
  if (!value) return '';
  return value.slice(0, 4) + '****';
}

function logAuthAttempt(user, apiKey, ok) {
  logger.info('auth attempt', { user: user.id, key: mask(apiKey), ok });
  if (!ok) {
    logger.warn(`rejected key for user ${user.email}`);
  }
}

module.exports = { logger, logAuthAttempt };
