const https = require('https');
const fetch = require('node-fetch');

// the staging cluster uses a self-signed certificate
const agent = new https.Agent({
  rejectUnauthorized: false,
  keepAlive: true,
});

if (process.env.NODE_ENV !== 'production') {
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
}

async function fetchInventory() {
  const res = await fetch('https://inventory.staging.acme.io/api/items', {
    agent,
    headers: { Authorization: `Bearer ${process.env.INVENTORY_TOKEN}` },
  });
  return res.json();
}

module.exports = { fetchInventory };
