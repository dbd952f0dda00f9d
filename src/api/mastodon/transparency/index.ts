import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../../context.js';
import { parseInput } from '../../params.js';
import { compileTransparencyReport } from '../../../moderation/transparency/compile-transparency-report.js';

/**
 * GET /api/v1/instance/transparency?month=YYYY-MM — the public transparency report (Parley
 * extension): aggregates only, readable without an account. Defaults to the current month.
 */
export async function registerTransparencyRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/api/v1/instance/transparency', async (request) => {
    const { month } = parseInput(z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be YYYY-MM').optional() }), request.query);
    const now = new Date();
    const [year, mon] = month ? month.split('-').map(Number) : [now.getUTCFullYear(), now.getUTCMonth() + 1];
    const start = new Date(Date.UTC(year!, mon! - 1, 1)).toISOString();
    const end = new Date(Date.UTC(year!, mon!, 1)).toISOString();
    return compileTransparencyReport(ctx, { start, end });
  });
}
