import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../../helpers/test-app.js';
import type { ContentScreener, ScreeningResult } from '../../../src/moderation/content-screener.js';

const ALLOW: ScreeningResult = { decision: 'allow', category: null, score: 0, lang: 'en', reasons: [] };

describe('verify_credentials and update_credentials', () => {
  let t: TestApp;
  let dana: TestUser;
  let original: ContentScreener;
  const screened: string[] = [];
  beforeAll(async () => {
    t = await createTestApp();
    original = t.ctx.screener;
    dana = await t.createUser('dana');
    await t.createUser('erin');
  });
  beforeEach(() => {
    screened.length = 0;
    // A screener that holds any text containing "HOLDME" and records what it saw.
    t.ctx.screener = {
      screen(text) {
        screened.push(text);
        if (text.includes('HOLDME')) return { decision: 'hold', category: 'violent_threat', score: 0.97, lang: 'en', reasons: ['threat: explicit intent'] };
        if (text.includes('REVIEWME')) return { decision: 'review', category: 'violent_threat', score: 0.6, lang: 'en', reasons: ['maybe'] };
        return ALLOW;
      },
    };
  });
  afterAll(async () => {
    t.ctx.screener = original;
    await t.close();
  });

  const patch = (payload: unknown, headers?: Record<string, string>, token = dana.token) =>
    t.request({ method: 'PATCH', url: '/api/v1/accounts/update_credentials', token, payload: payload as string, ...(headers ? { headers } : {}) });

  it('returns the CredentialAccount with source and role', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/accounts/verify_credentials', token: dana.token });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: dana.id,
      username: 'dana',
      acct: 'dana',
      url: 'https://parley.test/@dana',
      source: { privacy: 'public', sensitive: false, language: '', note: '', fields: [], follow_requests_count: 0 },
      role: { name: 'user' },
    });
  });

  it('answers 401 without a token and 403 without the scope', async () => {
    expect((await t.request({ method: 'GET', url: '/api/v1/accounts/verify_credentials' })).statusCode).toBe(401);
    const writeOnly = await t.createUser('writeonly', { scopes: ['write'] });
    expect((await t.request({ method: 'GET', url: '/api/v1/accounts/verify_credentials', token: writeOnly.token })).statusCode).toBe(403);
    const readOnly = await t.createUser('readonly', { scopes: ['read'] });
    expect((await patch({ display_name: 'x' }, undefined, readOnly.token)).statusCode).toBe(403);
  });

  it('updates the profile from JSON, rendering the bio as sanitised HTML with links and mentions', async () => {
    const res = await patch({
      display_name: 'Dana D.',
      note: 'Hi @erin, see https://example.org/x <script>alert(1)</script>\nsecond line #birds',
      locked: true,
      bot: 'true',
      discoverable: false,
      fields_attributes: [{ name: 'Site', value: 'https://dana.example' }, { name: '', value: '' }],
      source: { privacy: 'unlisted', sensitive: true, language: 'de' },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ display_name: 'Dana D.', locked: true, bot: true, discoverable: false });
    expect(body.note).toContain('<a href="https://example.org/x"');
    expect(body.note).toContain('href="https://parley.test/@erin"');
    expect(body.note).toContain('<br />');
    expect(body.note).not.toContain('<script>');
    expect(body.note).toContain('&lt;script&gt;');
    expect(body.fields).toEqual([{ name: 'Site', value: 'https://dana.example', verified_at: null }]);
    expect(body.source).toMatchObject({ privacy: 'unlisted', sensitive: true, language: 'de', note: expect.stringContaining('Hi @erin') });
    expect(screened).toEqual(expect.arrayContaining(['Dana D.', expect.stringContaining('Hi @erin')]));
    const prefs = await t.request({ method: 'GET', url: '/api/v1/preferences', token: dana.token });
    expect(prefs.json()).toEqual({
      'posting:default:visibility': 'unlisted',
      'posting:default:sensitive': true,
      'posting:default:language': 'de',
      'reading:expand:media': 'default',
      'reading:expand:spoilers': false,
    });
  });

  it('accepts form bodies with bracketed keys', async () => {
    const res = await patch(
      'display_name=Formed&fields_attributes%5B0%5D%5Bname%5D=Pronouns&fields_attributes%5B0%5D%5Bvalue%5D=she%2Fher&source%5Bprivacy%5D=private&locked=0',
      { 'content-type': 'application/x-www-form-urlencoded' },
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ display_name: 'Formed', locked: false, fields: [{ name: 'Pronouns', value: 'she/her' }], source: { privacy: 'private' } });
  });

  it('accepts multipart bodies and refuses avatar uploads with a clear 422', async () => {
    const boundary = '----parley';
    const part = (name: string, value: string, file?: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${file ? `; filename="${file}"\r\nContent-Type: image/png` : ''}\r\n\r\n${value}\r\n`;
    const ok = await patch(`${part('display_name', 'Multi')}${part('note', 'multipart bio')}--${boundary}--\r\n`, {
      'content-type': `multipart/form-data; boundary=${boundary}`,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ display_name: 'Multi', note: '<p>multipart bio</p>' });
    const upload = await patch(`${part('display_name', 'Pic')}${part('avatar', 'PNGDATA', 'a.png')}--${boundary}--\r\n`, {
      'content-type': `multipart/form-data; boundary=${boundary}`,
    });
    expect(upload.statusCode).toBe(422);
    expect(upload.json().error).toContain('Avatar uploads are not supported');
    const me = await t.request({ method: 'GET', url: '/api/v1/accounts/verify_credentials', token: dana.token });
    expect(me.json().display_name).toBe('Multi');
  });

  it.each([
    [{ display_name: 'x'.repeat(31) }, 'Display name is too long'],
    [{ note: 'x'.repeat(501) }, 'Note is too long'],
    [{ fields_attributes: Array.from({ length: 5 }, (_, i) => ({ name: `n${i}`, value: 'v' })) }, 'Fields is too long'],
    [{ fields_attributes: [{ name: 'n', value: 'v'.repeat(256) }] }, 'Fields is invalid'],
    [{ source: { privacy: 'direct' } }, 'default privacy'],
    [{ source: { language: 'english' } }, 'default language'],
    [{ locked: 'maybe' }, 'locked'],
  ])('refuses %j with 422 and changes nothing', async (payload, message) => {
    const before = (await t.request({ method: 'GET', url: '/api/v1/accounts/verify_credentials', token: dana.token })).json();
    const res = await patch({ display_name: 'Changed', ...payload });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toContain(message);
    const after = (await t.request({ method: 'GET', url: '/api/v1/accounts/verify_credentials', token: dana.token })).json();
    expect(after.display_name).toBe(before.display_name);
  });

  it('refuses a held display name or bio with 422 and reasons, storing nothing', async () => {
    const before = (await t.request({ method: 'GET', url: '/api/v1/accounts/verify_credentials', token: dana.token })).json();
    const res = await patch({ display_name: 'Fine name', note: 'I will HOLDME you' });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ error: expect.stringContaining('held for review'), reasons: ['threat: explicit intent'] });
    const after = (await t.request({ method: 'GET', url: '/api/v1/accounts/verify_credentials', token: dana.token })).json();
    expect(after.display_name).toBe(before.display_name);
    expect(after.source.note).toBe(before.source.note);
    const name = await patch({ display_name: 'HOLDME' });
    expect(name.statusCode).toBe(422);
    const field = await patch({ fields_attributes: [{ name: 'Motto', value: 'HOLDME' }] });
    expect(field.statusCode).toBe(422);
  });

  it('stores text the screener only sends to review', async () => {
    const res = await patch({ note: 'REVIEWME please' });
    expect(res.statusCode).toBe(200);
    expect(res.json().source.note).toBe('REVIEWME please');
  });

  it('answers 422 to an application token on user endpoints', async () => {
    const app = (await t.request({ method: 'POST', url: '/api/v1/apps', payload: { client_name: 'c', redirect_uris: 'urn:ietf:wg:oauth:2.0:oob', scopes: 'read write' } })).json();
    const token = (await t.request({ method: 'POST', url: '/oauth/token', payload: { grant_type: 'client_credentials', client_id: app.client_id, client_secret: app.client_secret, scope: 'read write' } })).json();
    const res = await patch({ display_name: 'x' }, undefined, token.access_token);
    expect(res.statusCode).toBe(422);
  });
});
