import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../../context.js';
import { findVisibleAccount } from '../../../accounts/account-queries.js';
import { optionalUser } from '../../auth.js';
import { notFound } from '../../errors.js';
import { parseInput, zId } from '../../params.js';
import { serializeAccount } from '../../serializers/account.js';

/** GET /api/v1/accounts/lookup and GET /api/v1/accounts/:id: public profile reads. */
export async function registerProfileRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/api/v1/accounts/lookup', async (request) => {
    optionalUser(request, 'read:accounts');
    const { acct } = parseInput(z.object({ acct: z.string().optional() }), request.query);
    const key = acctKey(acct ?? '', ctx.config.domain);
    const account = key ? await findVisibleAccount(ctx.database.db, { acctKey: key }) : undefined;
    if (!account) throw notFound();
    return serializeAccount(account, ctx.config);
  });

  app.get('/api/v1/accounts/:id', async (request) => {
    optionalUser(request, 'read:accounts');
    const params = z.object({ id: z.string() }).parse(request.params);
    const id = zId.safeParse(params.id);
    // Mastodon answers any id it cannot find, malformed or not, with 404.
    const account = id.success ? await findVisibleAccount(ctx.database.db, { id: id.data }) : undefined;
    if (!account) throw notFound();
    return serializeAccount(account, ctx.config);
  });
}

/** `user`, `@user`, `user@this.domain` name a local account; `user@elsewhere` a remote one. */
export function acctKey(acct: string, localDomain: string): string | null {
  const trimmed = acct.trim().replace(/^@/, '').toLowerCase();
  const [username, domain, ...rest] = trimmed.split('@');
  if (!username || rest.length > 0) return null;
  if (!domain || domain === localDomain.toLowerCase()) return username;
  return `${username}@${domain}`;
}
