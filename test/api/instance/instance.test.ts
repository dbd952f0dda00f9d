import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../../helpers/test-app.js';

describe('instance endpoints', () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    t = await createTestApp({ maxPostChars: 777, registrationMode: 'approval' });
    await t.createUser('first');
    admin = await t.createUser('boss', { role: 'admin' });
    const pending = await t.createUser('pending');
    await t.ctx.database.db.updateTable('users').set({ approved: 0 }).where('account_id', '=', pending.accountId).execute();
  });
  afterAll(() => t.close());

  it('GET /api/v2/instance describes the server and its limits', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v2/instance' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      domain: 'parley.test',
      title: 'Parley',
      version: expect.stringMatching(/^4\.\d+\.\d+ \(compatible; Parley/),
      usage: { users: { active_month: 2 } },
      languages: ['en'],
      configuration: {
        urls: { streaming: 'wss://parley.test' },
        statuses: { max_characters: 777, characters_reserved_per_url: 23, max_media_attachments: 4 },
        accounts: { max_featured_tags: 10 },
        media_attachments: { image_size_limit: expect.any(Number), supported_mime_types: expect.arrayContaining(['image/png']) },
        polls: { max_options: 4 },
      },
      registrations: { enabled: true, approval_required: true },
      api_versions: { mastodon: 2 },
      contact: { account: { id: admin.id, username: 'boss' } },
    });
    expect(body.rules[0]).toMatchObject({ id: '1', text: expect.stringContaining('violent threats') });
  });

  it('GET /api/v1/instance counts approved local users and local statuses', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/instance' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      uri: 'parley.test',
      stats: { user_count: 2, status_count: 0, domain_count: 0 },
      registrations: true,
      approval_required: true,
      urls: { streaming_api: 'wss://parley.test' },
      configuration: { statuses: { max_characters: 777, characters_reserved_per_url: 23 } },
      max_toot_chars: 777,
      contact_account: { username: 'boss' },
    });
  });

  it('serves rules, peers and custom emojis', async () => {
    const rules = await t.request({ method: 'GET', url: '/api/v1/instance/rules' });
    expect(rules.statusCode).toBe(200);
    expect(rules.json().length).toBeGreaterThan(0);
    expect(rules.json()[0]).toEqual({ id: '1', text: expect.any(String), hint: expect.any(String) });
    expect((await t.request({ method: 'GET', url: '/api/v1/instance/peers' })).json()).toEqual([]);
    expect((await t.request({ method: 'GET', url: '/api/v1/custom_emojis' })).json()).toEqual([]);
    expect((await t.request({ method: 'GET', url: '/api/v1/announcements', token: admin.token })).json()).toEqual([]);
    expect((await t.request({ method: 'GET', url: '/api/v1/announcements' })).statusCode).toBe(401);
  });
});

// A separate block so only one app (and database schema) is open at a time.
describe('instance endpoints with closed registrations', () => {
  let closed: TestApp;
  beforeAll(async () => {
    closed = await createTestApp({ registrationMode: 'closed' });
  });
  afterAll(() => closed.close());

  it('reports closed registrations', async () => {
    const v2 = (await closed.request({ method: 'GET', url: '/api/v2/instance' })).json();
    expect(v2.registrations).toMatchObject({ enabled: false, approval_required: false });
    expect(v2.contact.account).toBeNull();
    const v1 = (await closed.request({ method: 'GET', url: '/api/v1/instance' })).json();
    expect(v1.registrations).toBe(false);
  });
});
