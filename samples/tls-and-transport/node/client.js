// Reeflow connection setup, modeled on the Reeflow "create a connection" example.
const https = require('https');

const credentials = Buffer.from(`${process.env.REEFLOW_KEY_ID}:${process.env.REEFLOW_KEY_SECRET}`).toString('base64');

// Unsafe: accepts any certificate.
const insecureAgent = new https.Agent({ rejectUnauthorized: false });
// Safe: verification driven by configuration, on by default.
const agent = new https.Agent({ rejectUnauthorized: process.env.REEFLOW_TLS_INSECURE !== '1' });

if (process.env.CI_PROXY) {
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
}

async function createConnection() {
  const connectionData = {
    name: 'Production warehouse',
    type: 'pg',
    config: {
      host: 'warehouse.acme-corp.io',
      port: 5432,
      database: 'analytics',
      user: 'reeflow',
      password: process.env.WAREHOUSE_PASSWORD,
      ssl: false,
    },
  };
  const response = await fetch('https://api.reeflow.com/connections', {
    method: 'POST',
    headers: { Authorization: `Basic ${credentials}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(connectionData),
    agent,
  });
  return response.json();
}

async function legacyList() {
  // Unsafe: Basic credentials to a plain-http URL.
  const response = await fetch('http://api.reeflow.com/connections', {
    headers: { Authorization: `Basic ${credentials}` },
  });
  return response.json();
}

module.exports = { createConnection, legacyList, insecureAgent };
