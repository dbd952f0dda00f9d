import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../../context.js';
import { findApplicationById } from '../../../oauth/applications.js';
import { registerApplication } from '../../../oauth/register-application.js';
import { unauthorized } from '../../errors.js';
import { parseInput, zList } from '../../params.js';
import { serializeApplication, serializeCredentialApplication } from '../../serializers/application.js';

const CreateAppBody = z.object({
  client_name: z.string().optional(),
  redirect_uris: zList(z.string()).optional(),
  scopes: z.string().optional(),
  website: z.string().optional(),
});

/** POST /api/v1/apps and GET /api/v1/apps/verify_credentials. */
export async function registerAppRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.post('/api/v1/apps', async (request) => {
    const body = parseInput(CreateAppBody, request.body);
    const created = await registerApplication(ctx, {
      clientName: body.client_name ?? '',
      redirectUris: body.redirect_uris ?? [],
      scopes: body.scopes,
      website: body.website,
    });
    return serializeCredentialApplication(created);
  });

  app.get('/api/v1/apps/verify_credentials', async (request) => {
    if (!request.auth) throw unauthorized();
    const found = await findApplicationById(ctx.database.db, request.auth.applicationId);
    if (!found) throw unauthorized();
    return serializeApplication(found);
  });
}
