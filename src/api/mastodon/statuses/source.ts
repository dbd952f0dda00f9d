import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../context.js';
import { requireUser } from '../../auth.js';
import { loadVisibleStatus } from '../../../posts/visibility.js';
import { statusIdParam } from './status-id.js';

/** GET /api/v1/statuses/:id/source: the text as typed, for editing. */
export function registerStatusSourceRoute(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/v1/statuses/:id/source', async (request) => {
    const auth = requireUser(request, 'read:statuses');
    const status = await loadVisibleStatus(ctx, statusIdParam(request.params), auth.account);
    return { id: String(status.id), text: status.text, spoiler_text: status.spoiler_text };
  });
}
