// How the guide's advice looks when followed: credentials from the environment, HTTPS only,
// one auth method per request, nothing secret in the logs.
const API_KEY_ID = process.env.REEFLOW_API_KEY_ID;
const API_KEY_SECRET = process.env.REEFLOW_API_KEY_SECRET;

function authHeader() {
  const credentials = Buffer.from(`${API_KEY_ID}:${API_KEY_SECRET}`).toString('base64');
  return `Basic ${credentials}`;
}

export async function listConnections(logger) {
  const response = await fetch('https://api.reeflow.com/connections', {
    headers: { Authorization: authHeader() },
  });
  logger.info('listed connections', { status: response.status });
  return response.json();
}
