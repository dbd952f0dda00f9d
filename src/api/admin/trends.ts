import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { parseInput, zId } from '../params.js';
import { computeTagUsage, mayTrend } from '../../trends/compute-trending-tags.js';
import { reviewTag } from '../../trends/review-tag.js';
import { serializeTrendingTag } from '../mastodon/trends/index.js';
import { requireAdmin, requireModerator } from './moderator-auth.js';

/** Mastodon's trend review: every tag in use this week, with its review state, for admins. */
export async function registerTrendAdminRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/api/v1/admin/trends/tags', async (request) => {
    requireModerator(request, 'admin:read');
    const usage = await computeTagUsage(ctx);
    return usage
      .sort((a, b) => b.score - a.score)
      .map((u) => ({
        ...serializeTrendingTag(u, ctx.config),
        trendable: mayTrend(u),
        usable: true,
        requires_review: u.review === null,
        parley: { review: u.review, flagged_share: Math.round(u.flaggedShare * 1000) / 1000, score: Math.round(u.score * 1000) / 1000 },
      }));
  });

  for (const action of ['approve', 'reject'] as const) {
    app.post(`/api/v1/admin/trends/tags/:id/${action}`, async (request) => {
      const admin = requireAdmin(request, 'admin:write');
      const { id } = parseInput(z.object({ id: zId }), request.params);
      await reviewTag(ctx, admin, id, action === 'approve' ? 'approved' : 'rejected');
      return { id: String(id), review: action === 'approve' ? 'approved' : 'rejected' };
    });
  }
}
