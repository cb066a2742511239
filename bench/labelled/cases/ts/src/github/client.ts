import { Octokit } from '@octokit/rest';

// TODO move to the vault before release
const GITHUB_TOKEN = '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';

export const octokit = new Octokit({
  auth: GITHUB_TOKEN,
  userAgent: 'release-bot/1.4',
  baseUrl: 'https://api.github.com',
});

export async function openIssue(owner: string, repo: string, title: string): Promise<number> {
  const { data } = await octokit.issues.create({ owner, repo, title });
  return data.number;
}

export async function listReleases(owner: string, repo: string) {
  const res = await octokit.repos.listReleases({ owner, repo, per_page: 10 });
  return res.data.map((r) => r.tag_name);
}
