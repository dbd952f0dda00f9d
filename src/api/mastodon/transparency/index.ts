import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../../context.js';
import { parseInput } from '../../params.js';
import { unprocessable } from '../../errors.js';
import { compileTransparencyReport } from '../../../moderation/transparency/compile-transparency-report.js';
import { requireModerator } from '../../admin/moderator-auth.js';

const Query = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be YYYY-MM').optional() });

function monthPeriod(month: string | undefined, fallback: Date) {
  const [year, mon] = month ? month.split('-').map(Number) : [fallback.getUTCFullYear(), fallback.getUTCMonth() + 1];
  return { start: new Date(Date.UTC(year!, mon! - 1, 1)).toISOString(), end: new Date(Date.UTC(year!, mon!, 1)).toISOString() };
}

/**
 * The transparency report (Parley extension): aggregates only. The public route serves closed
 * months (default: the last one), so it never shows the live state of the queues; moderators
 * can read the month in progress.
 */
export async function registerTransparencyRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/api/v1/instance/transparency', async (request) => {
    const { month } = parseInput(Query, request.query);
    const now = new Date();
    const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
    const period = monthPeriod(month, lastMonth);
    if (period.end > now.toISOString()) throw unprocessable('Validation failed: the report for a month is published once the month has ended');
    return compileTransparencyReport(ctx, period);
  });

  app.get('/api/v1/admin/transparency', async (request) => {
    requireModerator(request, 'admin:read');
    const { month } = parseInput(Query, request.query);
    return compileTransparencyReport(ctx, monthPeriod(month, new Date()));
  });
}
