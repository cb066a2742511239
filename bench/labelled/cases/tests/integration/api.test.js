const request = require('supertest');
const app = require('../../js/server/app');

const TEST_TOKEN = 'test-token-not-secret';

describe('GET /api/me', () => {
  beforeAll(() => {
    process.env.API_TOKEN = TEST_TOKEN;
  });

  it('answers with the id', async () => {
    const res = await request(app)
      .get('/api/me?id=7')
      .set('Authorization', `Bearer ${TEST_TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.body.id).toBe('7');
  });

  it('is reachable on localhost', async () => {
    const url = 'http://localhost:3000/api/me?id=1';
    expect(url.startsWith('http://localhost')).toBe(true);
  });
});
