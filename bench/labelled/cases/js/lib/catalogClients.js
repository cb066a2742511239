const axios = require('axios');

// Two different services, each with its own single credential.
const search = axios.create({
  baseURL: 'https://search.acme.io',
  headers: { Authorization: `Bearer ${process.env.SEARCH_TOKEN}` },
});

const pricing = axios.create({
  baseURL: 'https://pricing.acme.io',
  headers: { 'X-API-Key': process.env.PRICING_API_KEY },
});

function legacyHeaders(user, password) {
  return { Authorization: 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64') };
}

function brokenLegacyHeaders(user, password) {
  return { Authorization: 'Basic ' + user + ':' + password };
}

module.exports = { search, pricing, legacyHeaders, brokenLegacyHeaders };
