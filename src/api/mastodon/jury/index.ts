import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../../context.js';
import { requireUser } from '../../auth.js';
import { parseInput, zId } from '../../params.js';
import { asJuror, findJuryCase, listJuryCases } from '../../../moderation/jury/jury-cases.js';
import { MAX_VOTE_REASON, voteOnCase } from '../../../moderation/jury/vote-on-case.js';

const CaseParams = z.object({ type: z.enum(['appeal', 'report']), id: zId });

/** The community jury: anonymised cases and votes (Parley extension). */
export async function registerJuryRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/api/v1/jury/cases', async (request) => {
    const juror = asJuror(requireUser(request, 'read'));
    return (await listJuryCases(ctx, juror)).map(present);
  });

  app.get('/api/v1/jury/cases/:type/:id', async (request) => {
    const juror = asJuror(requireUser(request, 'read'));
    const { type, id } = parseInput(CaseParams, request.params);
    return present(await findJuryCase(ctx, juror, type, id));
  });

  app.post('/api/v1/jury/cases/:type/:id/vote', async (request) => {
    const juror = asJuror(requireUser(request, 'write'));
    const { type, id } = parseInput(CaseParams, request.params);
    const body = parseInput(z.object({ vote: z.enum(['uphold', 'overturn']), reason: z.string().max(MAX_VOTE_REASON) }), request.body);
    return voteOnCase(ctx, juror, type, id, body.vote, body.reason);
  });
}

function present(c: Awaited<ReturnType<typeof listJuryCases>>[number]) {
  return { ...c, id: String(c.id) };
}
