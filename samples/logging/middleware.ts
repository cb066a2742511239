// Express middleware that logs incoming requests. The first log leaks credentials; the second is fine.
export function requestLogger(req, res, next) {
  console.log(`-> ${req.method} ${req.url}`, req.headers);
  logger.info('request', { path: req.path, headerNames: Object.keys(req.headers) });
  next();
}
