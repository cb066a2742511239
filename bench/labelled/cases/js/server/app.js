const express = require('express');
const winston = require('winston');

const logger = winston.createLogger({
  level: 'info',
  transports: [new winston.transports.Console()],
});

const app = express();
app.use(express.json());

app.use((req, res, next) => {
  logger.info(`${req.method} ${req.path} from ${req.ip}`);
  console.log('incoming headers', req.headers);
  next();
});

app.get('/api/me', (req, res) => {
  logger.info('profile lookup', { userId: req.query.id });
  res.json({ id: req.query.id });
});

app.listen(process.env.PORT || 3000, () => {
  logger.info('listening on http://localhost:3000');
});
