// Seed example (Reeflow "Basic Authentication" guide): a GET request with Basic auth.
// The guide's own sample hardcodes the key id and secret; authlint must flag them.
const API_KEY_ID = 'key_abc123xyz';
const API_KEY_SECRET = 'a1b2c3d4e5f6789abcdef0123456789abcdef0123456789abcdef0123456789abc';
const credentials = Buffer.from(`${API_KEY_ID}:${API_KEY_SECRET}`).toString('base64');
const response = await fetch('https://api.reeflow.com/connections', {
  method: 'GET',
  headers: {
    Authorization: `Basic ${credentials}`,
  },
});
if (!response.ok) {
  throw new Error(`Request failed: ${response.status} ${response.statusText}`);
}
const connections = await response.json();
console.log(connections);
