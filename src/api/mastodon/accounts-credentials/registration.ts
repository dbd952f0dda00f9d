import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../../context.js';
import { registerAccount } from '../../../accounts/register-account.js';
import { requireScope } from '../../auth.js';
import { parseInput, zBool } from '../../params.js';
import { serializeToken } from '../../serializers/token.js';

const RegistrationBody = z.object({
  username: z.string().default(''),
  email: z.string().default(''),
  password: z.string().default(''),
  agreement: zBool.default(false),
  locale: z.string().optional(),
  reason: z.string().optional(),
});

/** POST /api/v1/accounts: sign-up through an application token with write:accounts. */
export async function registerRegistrationRoute(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.post('/api/v1/accounts', async (request) => {
    const auth = requireScope(request, 'write:accounts');
    const body = parseInput(RegistrationBody, request.body);
    const token = await registerAccount(ctx, { applicationId: auth.applicationId, ...body });
    return serializeToken(token);
  });
}
