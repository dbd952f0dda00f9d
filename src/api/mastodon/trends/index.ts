import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../../context.js';
import type { Config } from '../../../config/env.js';
import { parseInput } from '../../params.js';
import { listTrendingTags, type TagUsage } from '../../../trends/compute-trending-tags.js';

const Query = z.object({
  limit: z.coerce.number().int().min(1).max(20).optional(),
  offset: z.coerce.number().int().min(0).max(1000).optional(),
});

/** Mastodon's Tag entity with usage history (values as strings, as Mastodon sends them). */
export function serializeTrendingTag(usage: TagUsage, config: Config) {
  return {
    id: String(usage.tagId),
    name: usage.name,
    url: `${config.publicUrl}/tags/${encodeURIComponent(usage.name)}`,
    history: usage.history.map((d) => ({ day: String(d.day), uses: String(d.uses), accounts: String(d.accounts) })),
  };
}

/** GET /api/v1/trends/tags (and the older /api/v1/trends): reviewed, people-weighted trending tags. */
export async function registerTrendRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  for (const url of ['/api/v1/trends/tags', '/api/v1/trends']) {
    app.get(url, async (request) => {
      const q = parseInput(Query, request.query);
      const tags = await listTrendingTags(ctx, q.limit ?? 10, q.offset ?? 0);
      return tags.map((t) => serializeTrendingTag(t, ctx.config));
    });
  }
}
