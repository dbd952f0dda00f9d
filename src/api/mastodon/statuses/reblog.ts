import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../../context.js';
import { requireUser } from '../../auth.js';
import { parseInput } from '../../params.js';
import { presentStatus, presentStatuses } from '../../../posts/present-statuses.js';
import { reblogStatus } from '../../../posts/reblog-status.js';
import { unreblogStatus } from '../../../posts/unreblog-status.js';
import { statusIdParam } from './status-id.js';

const ReblogBody = z.object({ visibility: z.string().nullish() });

/** POST /api/v1/statuses/:id/reblog and …/unreblog */
export function registerReblogRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post('/api/v1/statuses/:id/reblog', async (request) => {
    const auth = requireUser(request, 'write:statuses');
    const id = statusIdParam(request.params);
    const body = parseInput(ReblogBody, request.body);
    const reblogId = await reblogStatus(ctx, auth.account, id, body.visibility ?? null);
    return presentStatus(ctx, reblogId, auth.account);
  });
  app.post('/api/v1/statuses/:id/unreblog', async (request) => {
    const auth = requireUser(request, 'write:statuses');
    const originalId = await unreblogStatus(ctx, auth.account, statusIdParam(request.params));
    // The boost is gone either way; the original is shown only if the caller may still see it.
    const [original] = await presentStatuses(ctx, [originalId], auth.account);
    return original ?? {};
  });
}
