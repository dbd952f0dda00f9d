import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';

/** Every route module, registered in one place. Each area owns its folder under api/. */
export async function registerRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  void app;
  void ctx;
}
