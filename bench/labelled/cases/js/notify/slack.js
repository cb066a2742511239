const fetch = require('node-fetch');

const WEBHOOK_URL = process.env.SLACK_WEBHOOK_URL
  || 'https://hooks.slack.com/services/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';

async function notify(text) {
  const res = await fetch(WEBHOOK_URL, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ text }),
  });
  if (!res.ok) {
    console.warn('slack notification failed with status', res.status);
  }
}

module.exports = { notify };
