// A debugging helper that went too far: it logs the Authorization header and sends two
// credentials at once (Reeflow answers "400 Bad Request: Multiple credentials provided").
export async function fetchWithDebug(url, apiKey, credentials) {
  const headers = {
    Authorization: `Basic ${credentials}`,
    'X-API-Key': apiKey,
  };
  console.log('request headers', headers.Authorization);
  const res = await fetch('http://api.reeflow.com/connections', { headers });
  console.debug(`status ${res.status}`);
  return res;
}
