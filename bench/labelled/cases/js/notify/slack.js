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
