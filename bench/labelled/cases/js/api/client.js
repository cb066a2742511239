const axios = require('axios');

const api = axios.create({
  baseURL: process.env.API_BASE_URL || 'https://api.example.com',
  timeout: 10000,
  headers: {
    Authorization: `Bearer ${process.env.API_TOKEN}`,
    'Content-Type': 'application/json',
  },
});

api.interceptors.response.use(
  (res) => res,
  (err) => {
    console.error('API request failed', err.config.url, err.response && err.response.status);
    return Promise.reject(err);
  }
);

async function getUser(id) {
  const { data } = await api.get(`/users/${id}`);
  return data;
}

module.exports = { api, getUser };
