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
