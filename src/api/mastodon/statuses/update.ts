import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../../context.js';
import { requireUser } from '../../auth.js';
import { unprocessable } from '../../errors.js';
import { parseInput, zBool, zList } from '../../params.js';
import { editPost } from '../../../posts/edit-post.js';
import { presentStatus } from '../../../posts/present-statuses.js';
import { statusIdParam } from './status-id.js';

const UpdateStatusBody = z.object({
  status: z.string().nullish(),
  spoiler_text: z.string().nullish(),
  sensitive: zBool.nullish(),
  language: z.preprocess((v) => (v === '' ? null : v), z.string().nullish()),
  media_ids: zList(z.union([z.string(), z.number()])).optional(),
  poll: z.unknown().optional(),
});

/** PUT /api/v1/statuses/:id */
export function registerUpdateStatusRoute(app: FastifyInstance, ctx: AppContext): void {
  app.put('/api/v1/statuses/:id', async (request) => {
    const auth = requireUser(request, 'write:statuses');
    const id = statusIdParam(request.params);
    const body = parseInput(UpdateStatusBody, request.body);
    if (body.media_ids && body.media_ids.length > 0) throw unprocessable('Validation failed: Media attachments are not supported');
    if (body.poll !== undefined && body.poll !== null && body.poll !== '') throw unprocessable('Validation failed: Polls are not supported');
    await editPost(ctx, {
      account: auth.account,
      id,
      text: body.status ?? '',
      spoilerText: body.spoiler_text,
      sensitive: body.sensitive,
      language: body.language,
    });
    return presentStatus(ctx, id, auth.account);
  });
}
