import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../../helpers/test-app.js';

describe('GET/POST /api/v1/markers and GET /api/v1/preferences', () => {
  let t: TestApp;
  let hana: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    hana = await t.createUser('hana');
  });
  afterAll(() => t.close());

  const get = (query: string, token = hana.token) => t.request({ method: 'GET', url: `/api/v1/markers${query}`, token });

  it('returns nothing before any marker is saved', async () => {
    const res = await get('?timeline[]=home&timeline[]=notifications');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({});
  });

  it('saves markers and increments the version only when the position moves', async () => {
    const first = await t.request({ method: 'POST', url: '/api/v1/markers', token: hana.token, payload: { home: { last_read_id: '100' } } });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ home: { last_read_id: '100', version: 0, updated_at: expect.any(String) } });
    const second = await t.request({
      method: 'POST',
      url: '/api/v1/markers',
      token: hana.token,
      payload: 'home%5Blast_read_id%5D=105&notifications%5Blast_read_id%5D=7',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(second.json()).toMatchObject({ home: { last_read_id: '105', version: 1 }, notifications: { last_read_id: '7', version: 0 } });
    const same = await t.request({ method: 'POST', url: '/api/v1/markers', token: hana.token, payload: { home: { last_read_id: 105 } } });
    expect(same.json().home.version).toBe(1);
    const both = await get('?timeline[]=home&timeline[]=notifications&timeline[]=bogus');
    expect(Object.keys(both.json()).sort()).toEqual(['home', 'notifications']);
    const one = await get('?timeline=notifications');
    expect(Object.keys(one.json())).toEqual(['notifications']);
  });

  it('keeps markers per account', async () => {
    const ivan = await t.createUser('ivan');
    expect((await get('?timeline[]=home', ivan.token)).json()).toEqual({});
  });

  it('validates ids and requires a user with the right scopes', async () => {
    const bad = await t.request({ method: 'POST', url: '/api/v1/markers', token: hana.token, payload: { home: { last_read_id: 'abc' } } });
    expect(bad.statusCode).toBe(422);
    expect((await t.request({ method: 'GET', url: '/api/v1/markers' })).statusCode).toBe(401);
    const readOnly = await t.createUser('reader', { scopes: ['read'] });
    const res = await t.request({ method: 'POST', url: '/api/v1/markers', token: readOnly.token, payload: { home: { last_read_id: '1' } } });
    expect(res.statusCode).toBe(403);
  });

  it('returns the default preferences', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/preferences', token: hana.token });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      'posting:default:visibility': 'public',
      'posting:default:sensitive': false,
      'posting:default:language': null,
      'reading:expand:media': 'default',
      'reading:expand:spoilers': false,
    });
    expect((await t.request({ method: 'GET', url: '/api/v1/preferences' })).statusCode).toBe(401);
  });
});
