// Legacy helper kept for the migration scripts.
const API_KEY_ID = process.env.REEFLOW_API_KEY_ID;
const API_KEY_SECRET = process.env.REEFLOW_API_KEY_SECRET;

// Bad: the id:secret pair is not base64-encoded; Reeflow answers 401 Invalid Basic auth format.
export function legacyHeaders() {
  return {
    Authorization: `Basic ${API_KEY_ID}:${API_KEY_SECRET}`,
    'Content-Type': 'application/json',
  };
}

// Good: encoded as the guide shows.
export function headers() {
  const credentials = Buffer.from(`${API_KEY_ID}:${API_KEY_SECRET}`).toString('base64');
  return { Authorization: `Basic ${credentials}`, 'Content-Type': 'application/json' };
}
