// Session and token setup for the dashboard backend.
const express = require('express');
const session = require('express-session');
const jwt = require('jsonwebtoken');

const app = express();

// Signed with a literal: anyone with the source can mint dashboard tokens.
const DASHBOARD_SIGNING_KEY = 'reeflow-dash-2024';

app.use(session({
  secret: process.env.SESSION_SECRET,
  resave: false,
  saveUninitialized: false,
}));

function issueToken(user) {
  return jwt.sign({ sub: user.id, scope: 'reports:read' }, DASHBOARD_SIGNING_KEY, { expiresIn: '15m' });
}

function verifyToken(token) {
  return jwt.verify(token, process.env.DASHBOARD_PUBLIC_KEY, { algorithms: ['RS256'] });
}

module.exports = { app, issueToken, verifyToken };
