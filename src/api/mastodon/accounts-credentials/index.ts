import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../context.js';
import { registerCredentialsRoutes } from './credentials.js';
import { registerProfileImageRoute } from './profile-images.js';
import { registerProfileRoutes } from './profiles.js';
import { registerRegistrationRoute } from './registration.js';

/** Sign-up, the user's own profile, and public profile reads (the graph endpoints live elsewhere). */
export async function registerAccountCredentialRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await registerRegistrationRoute(app, ctx);
  await registerCredentialsRoutes(app, ctx);
  await registerProfileRoutes(app, ctx);
  await registerProfileImageRoute(app, ctx);
}
