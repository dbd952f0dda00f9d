import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { parseInput, zId } from '../params.js';
import { registerFlagger, revokeFlagger } from '../../moderation/flaggers/register-flagger.js';
import { requireAdmin } from './moderator-auth.js';

/** Admins register trusted flaggers (hosting providers, regulators, NGOs) and get their API key. */
export async function registerTrustedFlaggerAdminRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/api/v1/admin/trusted_flaggers', async (request) => {
    requireAdmin(request, 'admin:read');
    const rows = await ctx.database.db
      .selectFrom('trusted_flaggers')
      .select(['id', 'name', 'contact', 'created_at', 'revoked_at'])
      .orderBy('id', 'desc')
      .execute();
    return rows.map((r) => ({ ...r, id: String(r.id) }));
  });

  app.post('/api/v1/admin/trusted_flaggers', async (request) => {
    const admin = requireAdmin(request, 'admin:write');
    const body = parseInput(z.object({ name: z.string(), contact: z.string().optional().default('') }), request.body);
    const flagger = await registerFlagger(ctx, admin.account, body);
    return { ...flagger, id: String(flagger.id) };
  });

  app.delete('/api/v1/admin/trusted_flaggers/:id', async (request) => {
    const admin = requireAdmin(request, 'admin:write');
    const { id } = parseInput(z.object({ id: zId }), request.params);
    await revokeFlagger(ctx, admin.account, id);
    return {};
  });
}
