import type { Config } from '../config/env.js';
import type { DbExecutor } from '../db/database.js';
import type { Account } from '../api/auth.js';
import { extractEntities } from '../text/parse-text.js';
import { renderContent } from '../text/render-content.js';

export interface ComposedText {
  content: string;
  /** Accounts the text mentions that exist here (and are not suspended), in order. */
  mentioned: Account[];
  /** Distinct hashtags in display form of their first use. */
  hashtags: string[];
  /** The handles as typed, for the screener. */
  mentionHandles: string[];
}

/**
 * Parses post text, resolves its mentions in one query (`@user` and `@user@<this domain>`
 * are local; `@user@elsewhere` resolves only to an account we already know) and renders it.
 */
export async function composePostText(db: DbExecutor, config: Config, text: string): Promise<ComposedText> {
  const entities = extractEntities(text);
  const localDomain = config.domain.toLowerCase();
  const keyOf = (username: string, domain: string | null) =>
    domain === null || domain.toLowerCase() === localDomain ? username.toLowerCase() : `${username}@${domain}`.toLowerCase();
  const keys = [...new Set(entities.mentions.map((m) => keyOf(m.username, m.domain)))];
  const rows = keys.length
    ? await db.selectFrom('accounts').selectAll().where('acct_key', 'in', keys).where('suspended_at', 'is', null).execute()
    : [];
  const byKey = new Map(rows.map((a) => [a.acct_key, a]));
  const profileUrl = (a: Account) => (a.domain ? (a.uri ?? '') : `${config.publicUrl}/@${a.username}`);
  const content = renderContent(text, {
    publicUrl: config.publicUrl,
    resolveMention(username, domain) {
      const account = byKey.get(keyOf(username, domain));
      return account ? { username: account.username, url: profileUrl(account) } : null;
    },
  });
  const mentioned: Account[] = [];
  const seen = new Set<number>();
  for (const m of entities.mentions) {
    const account = byKey.get(keyOf(m.username, m.domain));
    if (account && !seen.has(account.id)) {
      seen.add(account.id);
      mentioned.push(account);
    }
  }
  return {
    content,
    mentioned,
    hashtags: entities.hashtags,
    mentionHandles: entities.mentions.map((m) => (m.domain ? `${m.username}@${m.domain}` : m.username)),
  };
}
