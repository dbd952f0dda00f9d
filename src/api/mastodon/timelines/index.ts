import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../../context.js';
import { readHomeTimeline } from '../../../timelines/read-home-timeline.js';
import { readPublicTimeline } from '../../../timelines/read-public-timeline.js';
import { hashtagKey } from '../../../text/parse-text.js';
import { optionalUser, requireUser } from '../../auth.js';
import { parseInput, zBool, zList } from '../../params.js';
import { parsePageParams, setLinkHeader, toIdRange } from '../../pagination.js';

const PublicQuery = z.object({
  local: zBool.optional(),
  remote: zBool.optional(),
  only_media: zBool.optional(),
});

const TagQuery = PublicQuery.extend({
  // Mastodon takes at most four tags per list; longer lists only make the query heavier.
  any: zList(z.string()).pipe(z.array(z.string()).max(4)).optional(),
  all: zList(z.string()).pipe(z.array(z.string()).max(4)).optional(),
  none: zList(z.string()).pipe(z.array(z.string()).max(4)).optional(),
});

const keys = (names: string[] | undefined) => (names ?? []).map((n) => hashtagKey(n.replace(/^#/, ''))).filter(Boolean);

/** GET /api/v1/timelines/home, /public and /tag/:hashtag. */
export async function registerTimelineRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/api/v1/timelines/home', async (request, reply) => {
    const { account, user } = requireUser(request, 'read:statuses');
    const range = toIdRange(parsePageParams(request.query));
    const page = await readHomeTimeline(ctx, { viewer: account, user, range });
    setLinkHeader(request, reply, page.pageIds, ctx.config.publicUrl);
    return page.statuses;
  });

  app.get('/api/v1/timelines/public', async (request, reply) => {
    const viewer = optionalUser(request, 'read:statuses');
    const query = parseInput(PublicQuery, request.query);
    const range = toIdRange(parsePageParams(request.query));
    const page = await readPublicTimeline(ctx, {
      viewer: viewer?.account ?? null,
      range,
      remote: query.remote === true && query.local !== true,
      onlyMedia: query.only_media === true,
    });
    setLinkHeader(request, reply, page.pageIds, ctx.config.publicUrl);
    return page.statuses;
  });

  app.get('/api/v1/timelines/tag/:hashtag', async (request, reply) => {
    const viewer = optionalUser(request, 'read:statuses');
    const query = parseInput(TagQuery, request.query);
    const range = toIdRange(parsePageParams(request.query));
    const tag = hashtagKey(String((request.params as { hashtag: string }).hashtag).replace(/^#/, ''));
    const page = await readPublicTimeline(ctx, {
      viewer: viewer?.account ?? null,
      range,
      remote: query.remote === true && query.local !== true,
      onlyMedia: query.only_media === true,
      tags: { any: [tag, ...keys(query.any)], all: keys(query.all), none: keys(query.none) },
    });
    setLinkHeader(request, reply, page.pageIds, ctx.config.publicUrl);
    return page.statuses;
  });
}
