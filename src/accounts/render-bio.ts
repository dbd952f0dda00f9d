import type { AppContext } from '../context.js';
import { extractEntities } from '../text/parse-text.js';
import { renderContent } from '../text/render-content.js';
import { findLocalAccountsByUsernames } from './account-queries.js';

/**
 * Renders a profile bio to sanitised HTML the way statuses are rendered (links, hashtags,
 * line breaks); mentions of local accounts become profile links, loaded in one query.
 */
export async function renderBio(ctx: AppContext, note: string): Promise<string> {
  const local = extractEntities(note).mentions.filter((m) => m.domain === null || m.domain.toLowerCase() === ctx.config.domain.toLowerCase());
  const accounts = await findLocalAccountsByUsernames(ctx.database.db, local.map((m) => m.username));
  const byKey = new Map(accounts.map((a) => [a.acct_key, a]));
  return renderContent(note, {
    publicUrl: ctx.config.publicUrl,
    resolveMention(username, domain) {
      if (domain !== null && domain.toLowerCase() !== ctx.config.domain.toLowerCase()) return null;
      const account = byKey.get(username.toLowerCase());
      return account ? { username: account.username, url: `${ctx.config.publicUrl}/@${account.username}` } : null;
    },
  });
}
