import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../../context.js';
import { notFound, unauthorized, unprocessable } from '../../errors.js';
import { parseInput, zId } from '../../params.js';
import { findFlaggerByKey } from '../../../moderation/flaggers/register-flagger.js';
import { getFlagReceipt, submitFlag } from '../../../moderation/flaggers/submit-flag.js';
import { REPORT_CATEGORIES } from '../../../moderation/reports/report-policy.js';

const FlagBody = z.object({
  /** A status id or the URL of a post on this instance. */
  status: z.string().min(1).max(2000).optional(),
  url: z.string().min(1).max(2000).optional(),
  status_id: z.union([z.string(), z.number()]).transform(String).optional(),
  category: z.enum(REPORT_CATEGORIES as [string, ...string[]]),
  comment: z.string().max(5000).optional().default(''),
});

/** Trusted flaggers authenticate with the API key an admin gave them. */
async function requireFlagger(ctx: AppContext, request: FastifyRequest) {
  const key = request.headers['x-flagger-key'];
  if (typeof key !== 'string' || !key) throw unauthorized('This endpoint needs a trusted flagger key in the X-Flagger-Key header');
  const flagger = await findFlaggerByKey(ctx, key);
  if (!flagger) throw unauthorized('The trusted flagger key is invalid or revoked');
  return flagger;
}

/** POST /api/v1/flags (submit a notice, get a receipt) and GET /api/v1/flags/:id (its outcome). */
export async function registerFlagRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.post('/api/v1/flags', async (request) => {
    const flagger = await requireFlagger(ctx, request);
    const body = parseInput(FlagBody, request.body);
    const status = body.status ?? body.url ?? body.status_id;
    if (!status) throw unprocessable('Validation failed: status is required (a status id or the URL of a post)');
    return submitFlag(ctx, flagger, { status, category: body.category as never, comment: body.comment });
  });

  app.get('/api/v1/flags/:id', async (request) => {
    const flagger = await requireFlagger(ctx, request);
    const { id } = parseInput(z.object({ id: zId }), request.params);
    const receipt = await getFlagReceipt(ctx, flagger, id);
    if (!receipt) throw notFound();
    return receipt;
  });
}
