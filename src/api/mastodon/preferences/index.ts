import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../context.js';
import { requireUser } from '../../auth.js';
import { serializePreferences } from '../../serializers/preferences.js';

/** GET /api/v1/preferences: the user's posting and reading defaults. */
export async function registerPreferenceRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  void ctx;
  app.get('/api/v1/preferences', async (request) => serializePreferences(requireUser(request, 'read:accounts').user));
}
