// Seed example (Reeflow guide): create a connection. Same hardcoded key pair, plus a database
// config with a literal password and TLS switched off.
const API_KEY_ID = 'key_abc123xyz';
const API_KEY_SECRET = 'a1b2c3d4e5f6789abcdef0123456789abcdef0123456789abcdef0123456789abc';
const connectionData = {
  name: 'My Database',
  type: 'pg',
  config: {
    host: 'localhost',
    port: 5432,
    database: 'mydb',
    user: 'myuser',
    password: 'mypassword',
    ssl: false,
  },
};
const credentials = Buffer.from(`${API_KEY_ID}:${API_KEY_SECRET}`).toString('base64');
const response = await fetch('https://api.reeflow.com/connections', {
  method: 'POST',
  headers: {
    Authorization: `Basic ${credentials}`,
    'Content-Type': 'application/json',
  },
  body: JSON.stringify(connectionData),
});
if (!response.ok) {
  throw new Error(`Request failed: ${response.status} ${response.statusText}`);
}
const newConnection = await response.json();
console.log('Created:', newConnection);
