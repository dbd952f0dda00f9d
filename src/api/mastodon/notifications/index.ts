import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../context.js';
import { clearNotifications } from '../../../notifications/clear-notifications.js';
import { countUnreadNotifications } from '../../../notifications/count-unread-notifications.js';
import { dismissNotification } from '../../../notifications/dismiss-notification.js';
import { getNotification } from '../../../notifications/get-notification.js';
import { listNotifications } from '../../../notifications/list-notifications.js';
import { requireUser } from '../../auth.js';
import { parseInput } from '../../params.js';
import { parsePageParams, setLinkHeader, toIdRange } from '../../pagination.js';
import { pathId } from '../accounts-graph/route-helpers.js';
import { CountQuery, Query, toFilter } from './query.js';
import { registerNotificationGroupRoutes } from './v2.js';

/** GET /api/v1/notifications, …/unread_count, …/:id, POST …/:id/dismiss and POST …/clear; then the v2 grouped API. */
export async function registerNotificationRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/api/v1/notifications', async (request, reply) => {
    const { account } = requireUser(request, 'read:notifications');
    const query = parseInput(Query, request.query);
    const range = toIdRange(parsePageParams(request.query, 40, 80));
    const page = await listNotifications(ctx, {
      viewer: account,
      range,
      filter: toFilter(query),
    });
    setLinkHeader(request, reply, page.pageIds, ctx.config.publicUrl);
    return page.notifications;
  });

  // Unread means newer than the notifications marker; Mastodon counts 100 by default, 1000 at most.
  app.get('/api/v1/notifications/unread_count', async (request) => {
    const { account } = requireUser(request, 'read:notifications');
    const query = parseInput(CountQuery, request.query);
    const cap = Math.min(Math.max(query.limit ?? 100, 1), 1000);
    return { count: await countUnreadNotifications(ctx, { viewer: account, filter: toFilter(query), cap }) };
  });

  app.get('/api/v1/notifications/:id', async (request) => {
    const { account } = requireUser(request, 'read:notifications');
    return getNotification(ctx, { viewer: account, id: pathId(request) });
  });

  app.post('/api/v1/notifications/clear', async (request) => {
    const { account } = requireUser(request, 'write:notifications');
    await clearNotifications(ctx, { viewer: account });
    return {};
  });

  app.post('/api/v1/notifications/:id/dismiss', async (request) => {
    const { account } = requireUser(request, 'write:notifications');
    await dismissNotification(ctx, { viewer: account, id: pathId(request) });
    return {};
  });

  await registerNotificationGroupRoutes(app, ctx);
}
