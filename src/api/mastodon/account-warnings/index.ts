import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../../context.js';
import { requireUser } from '../../auth.js';
import { notFound } from '../../errors.js';
import { parseInput, zId } from '../../params.js';
import { serializeAccount } from '../../serializers/account.js';
import { serializeAccountWarning } from '../../serializers/account-warning.js';
import { appealDecision, appealDeadline, MAX_APPEAL_TEXT } from '../../../moderation/appeals/appeal-decision.js';
import { loadModerationSettings } from '../../../moderation/settings/instance-settings.js';

/**
 * A user's statements of reasons and their appeals (Parley's extension beside Mastodon's
 * `moderation_warning` notification). Suspended users can reach these routes.
 */
export async function registerAccountWarningRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/api/v1/account_warnings', { config: { allowSuspended: true } }, async (request) => {
    const { account } = requireUser(request, 'read:accounts');
    const rows = await ctx.database.db.selectFrom('account_warnings').select('id').where('target_account_id', '=', account.id).orderBy('id', 'desc').limit(100).execute();
    return Promise.all(rows.map((r) => present(ctx, account.id, r.id)));
  });

  app.get('/api/v1/account_warnings/:id', { config: { allowSuspended: true } }, async (request) => {
    const { account } = requireUser(request, 'read:accounts');
    const { id } = parseInput(z.object({ id: zId }), request.params);
    return present(ctx, account.id, id);
  });

  app.post('/api/v1/account_warnings/:id/appeal', { config: { allowSuspended: true } }, async (request) => {
    const { account } = requireUser(request, 'write:accounts');
    const { id } = parseInput(z.object({ id: zId }), request.params);
    const { text } = parseInput(z.object({ text: z.string().max(MAX_APPEAL_TEXT) }), request.body);
    await appealDecision(ctx, account, id, text);
    return present(ctx, account.id, id);
  });
}

async function present(ctx: AppContext, accountId: number, warningId: number) {
  const { db } = ctx.database;
  const warning = await db.selectFrom('account_warnings').selectAll().where('id', '=', warningId).where('target_account_id', '=', accountId).executeTakeFirst();
  if (!warning) throw notFound();
  const appeal = (await db.selectFrom('appeals').selectAll().where('account_warning_id', '=', warningId).executeTakeFirst()) ?? null;
  const target = await db.selectFrom('accounts').selectAll().where('id', '=', accountId).executeTakeFirstOrThrow();
  const settings = await loadModerationSettings(db);
  return serializeAccountWarning({
    warning,
    appeal,
    target: serializeAccount(target, ctx.config),
    appealDeadline: appealDeadline(warning.created_at, settings.appealWindowDays),
  });
}
