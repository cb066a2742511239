import axios from 'axios';

export interface ReportFlowOptions {
  token: string;
  appKey: string;
}

export function createClient(opts: ReportFlowOptions) {
  return axios.create({
    baseURL: 'https://api.reportflow.io/v3',
    headers: {
      Authorization: `Bearer ${opts.token}`,
      appkey: opts.appKey,
    },
  });
}

export async function listDashboards(opts: ReportFlowOptions) {
  const client = createClient(opts);
  const res = await client.get('/dashboards');
  return res.data.items;
}
