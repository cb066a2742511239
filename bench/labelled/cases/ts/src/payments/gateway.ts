const GATEWAY_URL = 'http://payments.acme-internal.com/v1/charges';

interface ChargeRequest {
  amountCents: number;
  currency: string;
  customerId: string;
}

export async function charge(req: ChargeRequest): Promise<string> {
  const res = await fetch(GATEWAY_URL, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${process.env.GATEWAY_TOKEN}`,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify(req),
  });
  if (!res.ok) {
    throw new Error(`gateway answered ${res.status}`);
  }
  const body = await res.json();
  return body.chargeId as string;
}
