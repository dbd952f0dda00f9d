import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../../context.js';
import { requireUser } from '../../auth.js';
import { unprocessable } from '../../errors.js';
import { parseInput, zBool, zId, zList } from '../../params.js';
import { createPost } from '../../../posts/create-post.js';
import { presentStatus } from '../../../posts/present-statuses.js';

const emptyAsNull = (v: unknown) => (v === '' ? null : v);

const CreateStatusBody = z.object({
  status: z.string().nullish(),
  spoiler_text: z.string().nullish(),
  sensitive: zBool.nullish(),
  visibility: z.string().nullish(),
  language: z.preprocess(emptyAsNull, z.string().nullish()),
  in_reply_to_id: z.preprocess(emptyAsNull, zId.nullish()),
  media_ids: zList(z.union([z.string(), z.number()])).optional(),
  poll: z.unknown().optional(),
  scheduled_at: z.preprocess(emptyAsNull, z.string().nullish()),
});

/** POST /api/v1/statuses */
export function registerCreateStatusRoute(app: FastifyInstance, ctx: AppContext): void {
  app.post('/api/v1/statuses', async (request) => {
    const auth = requireUser(request, 'write:statuses');
    const body = parseInput(CreateStatusBody, request.body);
    // Parley has no media, polls or scheduling yet: refuse rather than silently drop them.
    if (body.media_ids && body.media_ids.length > 0) throw unprocessable('Validation failed: Media attachments are not supported');
    if (body.poll !== undefined && body.poll !== null && body.poll !== '') throw unprocessable('Validation failed: Polls are not supported');
    if (body.scheduled_at) throw unprocessable('Validation failed: Scheduled posts are not supported');
    const idempotencyKey = request.headers['idempotency-key'];
    const id = await createPost(ctx, {
      account: auth.account,
      text: body.status ?? '',
      visibility: body.visibility ?? null,
      spoilerText: body.spoiler_text ?? null,
      sensitive: body.sensitive ?? null,
      inReplyToId: body.in_reply_to_id ?? null,
      language: body.language ?? null,
      idempotencyKey: typeof idempotencyKey === 'string' ? idempotencyKey : null,
      applicationId: auth.applicationId,
    });
    return presentStatus(ctx, id, auth.account);
  });
}
