/**
 * Seeds a fresh embedded (SQLite) database for the server benchmark, straight through Kysely
 * with multi-row inserts inside transactions: accounts with logins, a random follow graph,
 * posts spread over the last month, and home feeds filled as fan-out on write would have
 * filled them (own posts plus followees' posts, newest `homeFeedCap` kept).
 */
import { sql, type Insertable } from 'kysely';
import { hashPassword } from '../src/lib/passwords.js';
import { randomToken, sha256 } from '../src/lib/crypto.js';
import { generateId } from '../src/lib/ids.js';
import { openDatabase, type DbExecutor } from '../src/db/database.js';
import type { DatabaseSchema } from '../src/db/database-schema.js';

export interface SeedSizes {
  accounts: number;
  followsPerAccount: number;
  posts: number;
  /** Accounts used to measure post creation; each gets exactly `posterFollowers` followers. */
  posters: number;
  posterFollowers: number;
  /** Accounts that get a bearer token for the home-timeline reads. */
  readers: number;
  homeFeedCap: number;
}

export interface SeedResult {
  readerTokens: string[];
  posterTokens: string[];
  rows: { accounts: number; follows: number; statuses: number; homeFeed: number };
  seconds: number;
}

const WORDS = (
  'river lantern harbour meadow orbit pixel quartz saffron thunder velvet willow yonder amber bramble cobalt dusk ember ' +
  'fjord garnet hollow island juniper kestrel lagoon marble nectar opal pepper quiver rustic summit tundra umber vapor ' +
  'café crème naïve über straße 東京 мир привет ciao hola bonjour salut hej hallo'
).split(' ');

/** SQLite accepts at most 32,766 bound parameters per statement. */
const MAX_PARAMS = 32_000;

export async function seedDatabase(file: string, sizes: SeedSizes, log: (msg: string) => void): Promise<SeedResult> {
  const started = Date.now();
  const database = openDatabase({ url: null, sqliteFile: file });
  await database.migrate();
  const db = database.db;
  // Seeding is rebuilt from scratch on failure, so durability per commit is not needed here.
  await sql`pragma synchronous = off`.execute(db);
  const random = mulberry32(42);
  const n = sizes.accounts;
  const now = Date.now();
  let clock = now - 40 * 86_400_000;
  const nextId = (stepMs: number) => generateId((clock += stepMs));

  log(`accounts: ${n}`);
  const passwordHash = await hashPassword('bench password');
  const accountIds: number[] = [];
  const accounts: Array<Insertable<DatabaseSchema['accounts']>> = [];
  const users: Array<Insertable<DatabaseSchema['users']>> = [];
  const nowIso = new Date(now).toISOString();
  for (let i = 0; i < n; i++) {
    const id = nextId(1);
    accountIds.push(id);
    const created = new Date(clock).toISOString();
    const username = `user${i}`;
    accounts.push({
      id, username, domain: null, acct_key: username, display_name: `User ${i} ${WORDS[i % WORDS.length]}`, note: '', note_html: '',
      locked: 0, bot: 0, discoverable: 1, fields: '[]', avatar_url: null, header_url: null, uri: `https://bench.test/users/${username}`,
      followers_count: 0, following_count: 0, statuses_count: 0, last_status_at: null, suspended_at: null, silenced_at: null,
      sensitized_at: null, created_at: created, updated_at: created,
    });
    users.push({
      id: nextId(0), account_id: id, email: `${username}@bench.test`, password_hash: passwordHash, role: 'user', approved: 1, disabled: 0,
      locale: 'en', sign_up_reason: null, default_visibility: 'public', default_sensitive: 0, default_language: null,
      created_at: created, last_sign_in_at: null, last_active_at: nowIso,
    });
  }

  // The follow graph: posters are followed by exactly `posterFollowers` accounts and follow nobody;
  // everyone else follows `followsPerAccount` random non-posters.
  log('follows');
  const posterCount = Math.min(sizes.posters, n);
  const followees: number[][] = Array.from({ length: n }, () => []);
  for (let i = posterCount; i < n; i++) {
    const chosen = new Set<number>();
    const want = Math.min(sizes.followsPerAccount, n - posterCount - 1);
    while (chosen.size < want) {
      const j = posterCount + Math.floor(random() * (n - posterCount));
      if (j !== i) chosen.add(j);
    }
    followees[i] = [...chosen];
  }
  for (let p = 0; p < posterCount; p++) {
    for (let k = 0; k < Math.min(sizes.posterFollowers, n - posterCount); k++) followees[posterCount + k]!.push(p);
  }
  const followersCount = new Array<number>(n).fill(0);
  const follows: Array<Insertable<DatabaseSchema['follows']>> = [];
  for (let i = 0; i < n; i++) {
    for (const j of followees[i]!) {
      followersCount[j]! += 1;
      follows.push({ id: nextId(0), account_id: accountIds[i]!, target_account_id: accountIds[j]!, show_reblogs: 1, notify: 0, languages: null, created_at: nowIso });
    }
  }

  log(`posts: ${sizes.posts}`);
  const postsByAuthor: number[][] = Array.from({ length: n }, () => []);
  const statuses: Array<Insertable<DatabaseSchema['statuses']>> = [];
  const lastStatusAt = new Array<string | null>(n).fill(null);
  const span = now - 60_000 - clock;
  const step = Math.max(1, Math.floor(span / Math.max(sizes.posts, 1)));
  for (let k = 0; k < sizes.posts; k++) {
    const author = posterCount + Math.floor(random() * (n - posterCount));
    const id = nextId(step);
    postsByAuthor[author]!.push(id);
    const text = Array.from({ length: 8 + Math.floor(random() * 20) }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
    const created = new Date(clock).toISOString();
    lastStatusAt[author] = created;
    statuses.push({
      id, account_id: accountIds[author]!, uri: `https://bench.test/users/user${author}/statuses/${id}`, text, content: `<p>${text}</p>`,
      spoiler_text: '', sensitive: 0, visibility: 'public', language: 'en', in_reply_to_id: null, in_reply_to_account_id: null,
      reblog_of_id: null, application_id: null, replies_count: 0, reblogs_count: 0, favourites_count: 0, moderation_state: 'published',
      screening: null, created_at: created, edited_at: null, deleted_at: null,
    });
  }
  for (let i = 0; i < n; i++) {
    const own = postsByAuthor[i]!;
    accounts[i]!.followers_count = followersCount[i]!;
    accounts[i]!.following_count = followees[i]!.length;
    accounts[i]!.statuses_count = own.length;
    accounts[i]!.last_status_at = lastStatusAt[i]!;
  }

  const appId = nextId(0);
  const readerTokens: string[] = [];
  const posterTokens: string[] = [];
  const tokens: Array<Insertable<DatabaseSchema['oauth_access_tokens']>> = [];
  const issue = (accountIndex: number, into: string[]) => {
    const token = randomToken(24);
    into.push(token);
    tokens.push({
      id: nextId(0), token_hash: sha256(token), application_id: appId, account_id: accountIds[accountIndex]!,
      scopes: 'read write follow', created_at: nowIso, revoked_at: null, last_used_at: null,
    });
  };
  for (let p = 0; p < posterCount; p++) issue(p, posterTokens);
  for (let i = posterCount; i < Math.min(n, posterCount + sizes.readers); i++) issue(i, readerTokens);

  // Secondary indexes are built once after the bulk load (a sort) rather than row by row.
  const deferred = await dropSecondaryIndexes(db, ['follows', 'statuses', 'home_feed']);
  await database.transaction(async ({ db: tx }) => {
    await insertBatched(tx, 'accounts', accounts);
    await insertBatched(tx, 'users', users);
    await tx
      .insertInto('oauth_applications')
      .values({ id: appId, name: 'bench', website: null, redirect_uris: 'urn:ietf:wg:oauth:2.0:oob', scopes: 'read write follow', client_id: randomToken(16), client_secret: randomToken(24), created_at: nowIso })
      .execute();
    await insertBatched(tx, 'oauth_access_tokens', tokens);
    await insertBatched(tx, 'follows', follows);
  });
  await database.transaction(async ({ db: tx }) => insertBatched(tx, 'statuses', statuses));

  log('home feeds');
  let homeFeed = 0;
  const authorOf = new Map<number, number>();
  for (let i = 0; i < n; i++) for (const id of postsByAuthor[i]!) authorOf.set(id, accountIds[i]!);
  let pending: Array<Insertable<DatabaseSchema['home_feed']>> = [];
  const flush = async () => {
    const rows = pending;
    pending = [];
    await database.transaction(async ({ db: tx }) => insertBatched(tx, 'home_feed', rows));
  };
  for (let i = 0; i < n; i++) {
    const sources = [i, ...followees[i]!];
    let total = 0;
    for (const s of sources) total += postsByAuthor[s]!.length;
    const ids = new Float64Array(total);
    let at = 0;
    for (const s of sources) for (const id of postsByAuthor[s]!) ids[at++] = id;
    ids.sort();
    const keep = ids.subarray(Math.max(0, total - sizes.homeFeedCap));
    for (const id of keep) pending.push({ account_id: accountIds[i]!, status_id: id, author_account_id: authorOf.get(id)!, reblog_of_id: null });
    homeFeed += keep.length;
    if (pending.length >= 200_000) await flush();
  }
  await flush();
  log('indexes');
  for (const statement of deferred) await sql.raw(statement).execute(db);
  await sql`analyze`.execute(db);
  await sql`pragma wal_checkpoint(truncate)`.execute(db);
  await database.close();
  return {
    readerTokens,
    posterTokens,
    rows: { accounts: n, follows: follows.length, statuses: statuses.length, homeFeed },
    seconds: Math.round((Date.now() - started) / 100) / 10,
  };
}

/**
 * Drops the explicitly created indexes of `tables` and returns their CREATE statements, read
 * from sqlite_master so the benchmark never carries its own copy of the schema. Indexes that
 * back primary keys and unique constraints stay.
 */
async function dropSecondaryIndexes(db: DbExecutor, tables: string[]): Promise<string[]> {
  const { rows } = await sql<{ name: string; sql: string }>`
    select name, sql from sqlite_master
    where type = 'index' and sql is not null and tbl_name in (${sql.join(tables)})`.execute(db);
  for (const row of rows) await sql.raw(`drop index "${row.name}"`).execute(db);
  return rows.map((r) => r.sql);
}

async function insertBatched<T extends keyof DatabaseSchema>(db: DbExecutor, table: T, rows: Array<Insertable<DatabaseSchema[T]>>) {
  if (rows.length === 0) return;
  const perRow = Object.keys(rows[0]!).length;
  const size = Math.max(1, Math.floor(MAX_PARAMS / perRow));
  for (let i = 0; i < rows.length; i += size) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await db.insertInto(table).values(rows.slice(i, i + size) as any).execute();
  }
}

/** A small seeded PRNG so every run builds the same graph. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
