/**
 * End to end with a published Mastodon client library: a real listening server driven only
 * through masto.js, the way third-party apps use Parley. Jobs run asynchronously in the
 * server, so anything filled by fan-out is polled for, never timed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOAuthAPIClient, createRestAPIClient, type mastodon } from 'masto';
import { startE2eServer, type E2eServer } from './start-e2e-server.js';

const REDIRECT = 'urn:ietf:wg:oauth:2.0:oob';
const SCOPES = 'read write follow push';
const PASSWORD = 'correct horse battery staple';

type Client = mastodon.rest.Client;

interface Person {
  client: Client;
  account: mastodon.v1.AccountCredentials;
}

/** Retries `read` until `done` holds: for state that background jobs produce. */
async function eventually<T>(read: () => PromiseLike<T>, done: (value: T) => boolean): Promise<T> {
  let last: T | undefined;
  for (let attempt = 0; attempt < 200; attempt++) {
    last = await read();
    if (done(last)) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`condition not reached; last value: ${JSON.stringify(last)?.slice(0, 500)}`);
}

/** Follows `Link: rel="next"` through every page, as a client scrolling down would. */
async function allPages<T extends { id: string }>(paginator: AsyncIterable<T[]>): Promise<T[]> {
  const items: T[] = [];
  for await (const page of paginator) {
    items.push(...page);
    if (items.length > 200) throw new Error('pagination does not end');
  }
  return items;
}

async function httpStatus(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
    return 200;
  } catch (err) {
    return (err as { statusCode?: number }).statusCode ?? -1;
  }
}

describe('a Mastodon client library against a running Parley', () => {
  let e2e: E2eServer;
  let app: mastodon.v1.Client;
  let alice: Person;
  let bob: Person;
  const alicePosts: mastodon.v1.Status[] = [];

  const signUpAndLogIn = async (username: string): Promise<Person> => {
    const oauth = createOAuthAPIClient({ url: e2e.url });
    const appToken = await oauth.token.create({
      grantType: 'client_credentials',
      clientId: app.clientId!,
      clientSecret: app.clientSecret!,
      redirectUri: REDIRECT,
      scope: SCOPES,
    });
    const registrar = createRestAPIClient({ url: e2e.url, accessToken: appToken.accessToken });
    const signUpToken = await registrar.v1.accounts.create({
      username,
      email: `${username}@example.test`,
      password: PASSWORD,
      agreement: true,
      locale: 'en',
    });
    expect(signUpToken.accessToken).toBeTruthy();
    // Log in as a returning user would: the password grant, with the e-mail as username.
    const login = await oauth.token.create({
      grantType: 'password',
      clientId: app.clientId!,
      clientSecret: app.clientSecret!,
      redirectUri: REDIRECT,
      scope: SCOPES,
      username: `${username}@example.test`,
      password: PASSWORD,
    });
    const client = createRestAPIClient({ url: e2e.url, accessToken: login.accessToken });
    const account = await client.v1.accounts.verifyCredentials();
    expect(account.username).toBe(username);
    return { client, account };
  };

  beforeAll(async () => {
    e2e = await startE2eServer();
    const anonymous = createRestAPIClient({ url: e2e.url });
    app = await anonymous.v1.apps.create({ clientName: 'parley e2e', redirectUris: REDIRECT, scopes: SCOPES });
    expect(app.clientId).toBeTruthy();
    alice = await signUpAndLogIn('alice');
    bob = await signUpAndLogIn('bob');
  }, 60_000);
  afterAll(async () => {
    await e2e?.close();
  });

  it('follows, posts and replies', async () => {
    const relationship = await bob.client.v1.accounts.$select(alice.account.id).follow();
    expect(relationship.following).toBe(true);
    for (let i = 1; i <= 5; i++) {
      alicePosts.push(await alice.client.v1.statuses.create({ status: `Morning note ${i} from the harbour #ParleyE2E` }));
    }
    alicePosts.push(await alice.client.v1.statuses.create({ status: 'Un café au soleil, très calme', visibility: 'public' }));
    const reply = await bob.client.v1.statuses.create({ status: '@alice lovely harbour', inReplyToId: alicePosts[0]!.id });
    expect(reply.inReplyToId).toBe(alicePosts[0]!.id);
    const context = await alice.client.v1.statuses.$select(alicePosts[0]!.id).context.fetch();
    expect(context.descendants.map((s) => s.id)).toEqual([reply.id]);
  });

  it('reads the home timeline page by page once fan-out has run', async () => {
    const expected = alicePosts.map((s) => s.id).reverse();
    await eventually(
      () => bob.client.v1.timelines.home.list({ limit: 40 }),
      (page) => expected.every((id) => page.some((s) => s.id === id)),
    );
    const home = await allPages(bob.client.v1.timelines.home.list({ limit: 2 }));
    const ids = home.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => expected.includes(id))).toEqual(expected);
    // Newest first across page boundaries.
    expect([...ids].sort((a, b) => (BigInt(b) > BigInt(a) ? 1 : -1))).toEqual(ids);
  });

  it('reads the public, tag and account timelines page by page', async () => {
    const expected = alicePosts.map((s) => s.id).reverse();
    const publicIds = (await allPages(bob.client.v1.timelines.public.list({ limit: 2 }))).map((s) => s.id);
    expect(publicIds.filter((id) => expected.includes(id))).toEqual(expected);
    // min_id: the page immediately newer than a post, still newest first.
    const newer = await bob.client.v1.timelines.public.list({ minId: expected[3]!, limit: 2 });
    expect(newer.map((s) => s.id)).toEqual([expected[1], expected[2]]);
    const tagged = await allPages(bob.client.v1.timelines.tag.$select('parleye2e').list({ limit: 2 }));
    expect(tagged.map((s) => s.id)).toEqual(expected.slice(1));
    const byAlice = await allPages(bob.client.v1.accounts.$select(alice.account.id).statuses.list({ limit: 2 }));
    expect(byAlice.map((s) => s.id)).toEqual(expected);
  });

  it('reblogs, favourites and bookmarks, and lists them page by page', async () => {
    const target = alicePosts[1]!;
    const reblog = await bob.client.v1.statuses.$select(target.id).reblog();
    expect(reblog.reblog?.id).toBe(target.id);
    const liked = [alicePosts[1]!, alicePosts[4]!, alicePosts[5]!];
    for (const status of liked) {
      expect((await bob.client.v1.statuses.$select(status.id).favourite()).favourited).toBe(true);
      expect((await bob.client.v1.statuses.$select(status.id).bookmark()).bookmarked).toBe(true);
    }
    // Most recently favourited or bookmarked first, one per page.
    const newestFirst = liked.map((s) => s.id).reverse();
    expect((await allPages(bob.client.v1.favourites.list({ limit: 1 }))).map((s) => s.id)).toEqual(newestFirst);
    expect((await allPages(bob.client.v1.bookmarks.list({ limit: 1 }))).map((s) => s.id)).toEqual(newestFirst);
    const shown = await alice.client.v1.statuses.$select(target.id).fetch();
    expect(shown).toMatchObject({ reblogsCount: 1, favouritesCount: 1 });
  });

  it('delivers notifications for the follow, mention, reblog and favourite', async () => {
    const notifications = await eventually(
      () => alice.client.v1.notifications.list({ limit: 40 }),
      (list) => ['follow', 'mention', 'reblog', 'favourite'].every((type) => list.some((n) => n.type === type)),
    );
    expect(notifications.every((n) => n.account.id === bob.account.id)).toBe(true);
  });

  it('searches statuses, accounts and hashtags', async () => {
    const found = await bob.client.v2.search.list({ q: 'cafe calme', type: 'statuses' });
    expect(found.statuses.map((s) => s.id)).toEqual([alicePosts[5]!.id]);
    const people = await bob.client.v2.search.list({ q: 'ali', type: 'accounts' });
    expect(people.accounts.map((a) => a.id)).toEqual([alice.account.id]);
    const tags = await bob.client.v2.search.list({ q: '#parleye', type: 'hashtags' });
    expect(tags.hashtags.map((t) => t.name.toLowerCase())).toEqual(['parleye2e']);
    const direct = await bob.client.v1.accounts.search.list({ q: 'alice' });
    expect(direct[0]?.id).toBe(alice.account.id);
  });

  it('holds a threat before publication: only its author sees it', async () => {
    const threat = await alice.client.v1.statuses.create({ status: '@bob I am going to kill you tomorrow, I know where you live' });
    expect((threat as unknown as { parley?: { state: string } }).parley?.state).toBe('held');
    expect((await alice.client.v1.statuses.$select(threat.id).fetch()).id).toBe(threat.id);
    expect(await httpStatus(bob.client.v1.statuses.$select(threat.id).fetch())).toBe(404);
    // A later ordinary post reaches bob's home; the held one never does.
    const sentinel = await alice.client.v1.statuses.create({ status: 'Evening note from the harbour' });
    const home = await eventually(
      () => bob.client.v1.timelines.home.list({ limit: 40 }),
      (page) => page.some((s) => s.id === sentinel.id),
    );
    expect(home.map((s) => s.id)).not.toContain(threat.id);
    const byAlice = await bob.client.v1.accounts.$select(alice.account.id).statuses.list({ limit: 40 });
    expect(byAlice.map((s) => s.id)).not.toContain(threat.id);
    const found = await bob.client.v2.search.list({ q: 'tomorrow', type: 'statuses' });
    expect(found.statuses).toEqual([]);
    const mentions = await bob.client.v1.notifications.list({ types: ['mention'] });
    expect(mentions.map((n) => n.status?.id)).not.toContain(threat.id);
  });

  it('edits and deletes a post', async () => {
    const target = alicePosts[2]!;
    const edited = await alice.client.v1.statuses.$select(target.id).update({ status: 'Morning note 3, corrected #ParleyE2E' });
    expect(edited.content).toContain('corrected');
    expect(edited.editedAt).toBeTruthy();
    const history = await alice.client.v1.statuses.$select(target.id).history.list();
    expect(history).toHaveLength(2);
    const deleted = await alice.client.v1.statuses.$select(alicePosts[3]!.id).remove();
    expect(deleted.text).toContain('Morning note 4');
    expect(await httpStatus(bob.client.v1.statuses.$select(alicePosts[3]!.id).fetch())).toBe(404);
  });

  it('blocks: the follow ends and posts disappear for the blocked account', async () => {
    const relationship = await alice.client.v1.accounts.$select(bob.account.id).block();
    expect(relationship.blocking).toBe(true);
    const [fromBob] = await bob.client.v1.accounts.relationships.fetch({ id: [alice.account.id] });
    expect(fromBob).toMatchObject({ following: false, blockedBy: true });
    await eventually(
      () => bob.client.v1.timelines.home.list({ limit: 40 }),
      (page) => page.every((s) => s.account.id !== alice.account.id && s.reblog?.account.id !== alice.account.id),
    );
    expect(await httpStatus(bob.client.v1.statuses.$select(alicePosts[0]!.id).fetch())).toBe(404);
    const search = await bob.client.v2.search.list({ q: 'harbour', type: 'statuses' });
    expect(search.statuses.filter((s) => s.account.id === alice.account.id)).toEqual([]);
  });
});
