import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { notFound } from '../errors.js';
import { parseInput, zBool, zId } from '../params.js';
import { serializeAdminAccount } from '../serializers/admin-account.js';
import { ACCOUNT_ACTIONS, actOnAccount, liftAccountSanction, type LiftableSanction } from '../../moderation/actions/act-on-account.js';
import { strikeTotal } from '../../moderation/warnings/issue-warning.js';
import { requireModerator } from './moderator-auth.js';

const ActionBody = z.object({
  type: z.enum(ACCOUNT_ACTIONS),
  report_id: zId.optional(),
  text: z.string().max(5000).optional().default(''),
  /** Seconds until the sanction lifts itself (Parley extension). */
  duration: z.coerce.number().int().optional(),
  warning_preset_id: z.string().optional(),
  send_email_notification: zBool.optional(),
});

/** Mastodon's admin account actions, with timed sanctions and strike totals. */
export async function registerAdminAccountRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/api/v1/admin/accounts/:id', async (request) => {
    requireModerator(request, 'admin:read:accounts');
    const { id } = parseInput(z.object({ id: zId }), request.params);
    return presentAdminAccount(ctx, id);
  });

  app.post('/api/v1/admin/accounts/:id/action', async (request) => {
    const moderator = requireModerator(request, 'admin:write:accounts');
    const { id } = parseInput(z.object({ id: zId }), request.params);
    const body = parseInput(ActionBody, request.body);
    await actOnAccount(ctx, moderator, {
      accountId: id,
      type: body.type,
      text: body.text,
      reportId: body.report_id ?? null,
      durationSeconds: body.duration ?? null,
    });
    return {};
  });

  const lifts: Record<string, LiftableSanction> = { unsuspend: 'suspend', unsilence: 'silence', unsensitive: 'sensitive', enable: 'disable' };
  for (const [path, sanction] of Object.entries(lifts)) {
    app.post(`/api/v1/admin/accounts/:id/${path}`, async (request) => {
      const moderator = requireModerator(request, 'admin:write:accounts');
      const { id } = parseInput(z.object({ id: zId }), request.params);
      await liftAccountSanction(ctx, moderator, id, sanction);
      return presentAdminAccount(ctx, id);
    });
  }
}

async function presentAdminAccount(ctx: AppContext, id: number) {
  const { db } = ctx.database;
  const account = await db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
  if (!account) throw notFound();
  const user = await db.selectFrom('users').selectAll().where('account_id', '=', id).executeTakeFirst();
  const strikes = await strikeTotal({ db }, id);
  const entity = serializeAdminAccount(account, user, ctx.config);
  return { ...entity, parley: { ...entity.parley, strikes } };
}
