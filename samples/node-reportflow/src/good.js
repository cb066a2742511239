// ✅ Good: Use environment variables (Report Flow seed example)
const APP_KEY = process.env.REPORT_FLOW_APP_KEY;

const headers = {
  'appkey': process.env.REPORT_FLOW_APP_KEY,
  'Content-Type': 'application/json'
};

export async function generatePdf(designId, parameters) {
  const res = await fetch('https://api.re-port-flow.com/v1/file/sync/single', {
    method: 'POST',
    headers,
    body: JSON.stringify({ designId, parameters }),
  });
  if (res.status === 412) throw new Error('appkey header missing');
  return res.arrayBuffer();
}

export { APP_KEY };
