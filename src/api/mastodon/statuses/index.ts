import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../context.js';
import { registerBookmarkRoutes } from './bookmark.js';
import { registerCreateStatusRoute } from './create.js';
import { registerStatusContextRoute } from './context.js';
import { registerDeleteStatusRoute } from './delete.js';
import { registerFavouriteRoutes } from './favourite.js';
import { registerStatusHistoryRoute } from './history.js';
import { registerInteractorRoutes } from './interactors.js';
import { registerListStatusesRoute } from './list.js';
import { registerPinRoutes } from './pin.js';
import { registerReblogRoutes } from './reblog.js';
import { registerShowStatusRoute } from './show.js';
import { registerStatusSourceRoute } from './source.js';
import { registerUpdateStatusRoute } from './update.js';

/** Every /api/v1/statuses route. */
export async function registerStatusRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  registerCreateStatusRoute(app, ctx);
  registerShowStatusRoute(app, ctx);
  registerListStatusesRoute(app, ctx);
  registerUpdateStatusRoute(app, ctx);
  registerDeleteStatusRoute(app, ctx);
  registerStatusHistoryRoute(app, ctx);
  registerStatusSourceRoute(app, ctx);
  registerStatusContextRoute(app, ctx);
  registerReblogRoutes(app, ctx);
  registerFavouriteRoutes(app, ctx);
  registerBookmarkRoutes(app, ctx);
  registerPinRoutes(app, ctx);
  registerInteractorRoutes(app, ctx);
}
