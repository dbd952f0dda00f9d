import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { notFound } from '../errors.js';
import { parseInput, zBool, zId } from '../params.js';
import { recordModerationEvent } from '../../moderation/events/record-moderation-event.js';
import { computeJurorAgreement } from '../../moderation/jury/juror-agreement.js';
import { requireAdmin, requireModerator } from './moderator-auth.js';

/** Admins appoint jurors; moderators see how often jurors agree with final decisions. */
export async function registerJurorAdminRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.post('/api/v1/admin/accounts/:id/juror', async (request) => {
    const admin = requireAdmin(request, 'admin:write:accounts');
    const { id } = parseInput(z.object({ id: zId }), request.params);
    const { juror } = parseInput(z.object({ juror: zBool.optional().default(true) }), request.body);
    await ctx.database.transaction(async (tx) => {
      const result = await tx.db.updateTable('users').set({ juror: juror ? 1 : 0 }).where('account_id', '=', id).executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw notFound();
      await recordModerationEvent(tx.db, {
        actor_account_id: admin.account.id,
        actor_type: 'admin',
        action: juror ? 'account.juror_granted' : 'account.juror_revoked',
        subject_type: 'account',
        subjectId: id,
      });
    });
    return { id: String(id), juror };
  });

  app.get('/api/v1/admin/jurors', async (request) => {
    requireModerator(request, 'admin:read');
    return computeJurorAgreement(ctx);
  });
}
