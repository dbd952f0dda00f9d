import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../../helpers/test-app.js';
import type { ContentScreener, ScreeningResult } from '../../../src/moderation/content-screener.js';

// A 1×1 transparent PNG and a 1×1 GIF.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
const BOUNDARY = '----parley';
const MULTIPART = { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` };

function part(name: string, value: string | Buffer, file?: string): Buffer {
  const head = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"${file ? `; filename="${file}"\r\nContent-Type: application/octet-stream` : ''}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head), Buffer.isBuffer(value) ? value : Buffer.from(value), Buffer.from('\r\n')]);
}

function multipartBody(...parts: Buffer[]): Buffer {
  return Buffer.concat([...parts, Buffer.from(`--${BOUNDARY}--\r\n`)]);
}

const ALLOW: ScreeningResult = { decision: 'allow', category: null, score: 0, lang: 'en', reasons: [] };

describe('verify_credentials and update_credentials', () => {
  let t: TestApp;
  let dana: TestUser;
  let original: ContentScreener;
  let dataDir: string;
  const screened: string[] = [];
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-media-'));
    t = await createTestApp({ dataDir });
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
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const patch = (payload: string | Buffer | object, headers?: Record<string, string>, token = dana.token) =>
    t.request({ method: 'PATCH', url: '/api/v1/accounts/update_credentials', token, payload, ...(headers ? { headers } : {}) });

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

  it('lets a token with only the profile scope read verify_credentials but nothing else', async () => {
    const profileOnly = await t.createUser('profileonly', { scopes: ['profile'] });
    const me = await t.request({ method: 'GET', url: '/api/v1/accounts/verify_credentials', token: profileOnly.token });
    expect(me.statusCode).toBe(200);
    expect(me.json().username).toBe('profileonly');
    expect((await t.request({ method: 'GET', url: '/api/v1/preferences', token: profileOnly.token })).statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url: `/api/v1/accounts/${dana.id}`, token: profileOnly.token })).statusCode).toBe(403);
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

  it('accepts multipart bodies', async () => {
    const ok = await patch(multipartBody(part('display_name', 'Multi'), part('note', 'multipart bio')), MULTIPART);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ display_name: 'Multi', note: '<p>multipart bio</p>' });
  });

  it('stores and serves an uploaded avatar and header, replacing and deleting old files', async () => {
    const res = await patch(multipartBody(part('avatar', PNG, 'me.png'), part('header', GIF, 'h.gif')), MULTIPART);
    expect(res.statusCode).toBe(200);
    const avatar = res.json().avatar as string;
    expect(avatar).toMatch(new RegExp(`^https://parley\\.test/system/accounts/avatars/${dana.id}/[\\w-]+\\.png$`));
    expect(res.json().avatar_static).toBe(avatar);
    expect(res.json().header).toMatch(/\/system\/accounts\/headers\/\d+\/[\w-]+\.gif$/);
    const served = await t.request({ method: 'GET', url: new URL(avatar).pathname });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.rawPayload.equals(PNG)).toBe(true);

    const replaced = await patch(multipartBody(part('avatar', PNG, 'again.png')), MULTIPART);
    expect(replaced.json().avatar).not.toBe(avatar);
    expect((await t.request({ method: 'GET', url: new URL(avatar).pathname })).statusCode).toBe(404);

    const removed = await t.request({ method: 'DELETE', url: '/api/v1/profile/avatar', token: dana.token });
    expect(removed.statusCode).toBe(200);
    expect(removed.json().avatar).toBe('https://parley.test/avatars/original/missing.png');
    expect((await t.request({ method: 'GET', url: new URL(replaced.json().avatar).pathname })).statusCode).toBe(404);
    expect(fs.readdirSync(path.join(dataDir, 'media/accounts/avatars', dana.id))).toEqual([]);
  });

  it('refuses non-image uploads and non-file avatar values with 422, storing nothing', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const bad = await patch(multipartBody(part('display_name', 'Pic'), part('avatar', svg, 'a.png')), MULTIPART);
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error).toContain('Avatar must be a PNG, JPEG, GIF or WebP image');
    const text = await patch({ avatar: 'https://evil.example/a.png' });
    expect(text.statusCode).toBe(422);
    expect(text.json().error).toContain('Avatar must be an uploaded image file');
    const me = await t.request({ method: 'GET', url: '/api/v1/accounts/verify_credentials', token: dana.token });
    expect(me.json().display_name).not.toBe('Pic');
    expect((await t.request({ method: 'GET', url: `/system/accounts/avatars/${dana.id}/../../../../parley.sqlite3` })).statusCode).toBe(404);
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
