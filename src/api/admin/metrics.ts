import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { parseInput } from '../params.js';
import { computeLaneMetrics } from '../../moderation/metrics/compute-lane-metrics.js';
import { requireModerator } from './moderator-auth.js';

/** Per-lane moderation measures over a window (default: the last 7 days). */
export async function registerModerationMetricsRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/api/v1/admin/moderation/metrics', async (request) => {
    requireModerator(request, 'admin:read:reports');
    const q = parseInput(z.object({ since: z.iso.datetime().optional(), until: z.iso.datetime().optional() }), request.query);
    const since = q.since ?? new Date(Date.now() - 7 * 86_400_000).toISOString();
    return { since, until: q.until ?? new Date().toISOString(), lanes: await computeLaneMetrics(ctx, { since, ...(q.until ? { until: q.until } : {}) }) };
  });

  app.put('/api/v1/admin/moderation/languages', async (request) => {
    const moderator = requireModerator(request, 'admin:write');
    const { languages } = parseInput(z.object({ languages: z.array(z.string().regex(/^[a-z]{2,3}$/)).max(50) }), request.body);
    await ctx.database.db.updateTable('users').set({ moderation_languages: JSON.stringify(languages) }).where('id', '=', moderator.user.id).execute();
    return { languages };
  });
}
