import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../context.js';
import { countUnreadNotifications } from '../../../notifications/count-unread-notifications.js';
import { dismissNotification } from '../../../notifications/dismiss-notification.js';
import { getNotification } from '../../../notifications/get-notification.js';
import { listNotifications } from '../../../notifications/list-notifications.js';
import { requireUser } from '../../auth.js';
import { notFound } from '../../errors.js';
import { parseInput } from '../../params.js';
import { parsePageParams, setLinkHeader, toIdRange } from '../../pagination.js';
import { notificationIdOfGroupKey, serializeNotificationGroups } from '../../serializers/notification.js';
import { CountQuery, Query, toFilter } from './query.js';

function groupKeyId(request: FastifyRequest): number {
  const id = notificationIdOfGroupKey(String((request.params as { group_key?: string }).group_key ?? ''));
  if (id === null) throw notFound();
  return id;
}

/** Mastodon's grouped notifications API (v2), with one notification per group. */
export async function registerNotificationGroupRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/api/v2/notifications', async (request, reply) => {
    const { account } = requireUser(request, 'read:notifications');
    const query = parseInput(Query, request.query);
    const range = toIdRange(parsePageParams(request.query, 40, 80));
    const page = await listNotifications(ctx, { viewer: account, range, filter: toFilter(query) });
    setLinkHeader(request, reply, page.pageIds, ctx.config.publicUrl);
    return serializeNotificationGroups(page.notifications);
  });

  app.get('/api/v2/notifications/unread_count', async (request) => {
    const { account } = requireUser(request, 'read:notifications');
    const query = parseInput(CountQuery, request.query);
    const cap = Math.min(Math.max(query.limit ?? 100, 1), 1000);
    return { count: await countUnreadNotifications(ctx, { viewer: account, filter: toFilter(query), cap }) };
  });

  app.get('/api/v2/notifications/:group_key', async (request) => {
    const { account } = requireUser(request, 'read:notifications');
    return serializeNotificationGroups([await getNotification(ctx, { viewer: account, id: groupKeyId(request) })]);
  });

  app.get('/api/v2/notifications/:group_key/accounts', async (request) => {
    const { account } = requireUser(request, 'read:notifications');
    return [(await getNotification(ctx, { viewer: account, id: groupKeyId(request) })).account];
  });

  app.post('/api/v2/notifications/:group_key/dismiss', async (request) => {
    const { account } = requireUser(request, 'write:notifications');
    await dismissNotification(ctx, { viewer: account, id: groupKeyId(request) });
    return {};
  });
}
