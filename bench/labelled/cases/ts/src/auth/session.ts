import { Request, Response, NextFunction } from 'express';
import pino from 'pino';

const log = pino({ redact: ['req.headers.authorization', 'req.headers.cookie'] });

export const SESSION_COOKIE = 'sid';
export const AUTH_HEADER = 'authorization';

export function requireSession(req: Request, res: Response, next: NextFunction) {
  const header = req.header(AUTH_HEADER);
  if (!header?.startsWith('Bearer ')) {
    log.warn({ path: req.path }, 'missing bearer token');
    res.status(401).end();
    return;
  }
  const token = header.slice('Bearer '.length);
  log.info({ path: req.path, tokenLength: token.length }, 'session check');
  next();
}
