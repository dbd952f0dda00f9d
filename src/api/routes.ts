import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { registerStatusRoutes } from './mastodon/statuses/index.js';
import { registerAppRoutes } from './mastodon/apps/index.js';
import { registerOAuthRoutes } from './mastodon/oauth/index.js';
import { registerAccountCredentialRoutes } from './mastodon/accounts-credentials/index.js';
import { registerInstanceRoutes } from './mastodon/instance/index.js';
import { registerMarkerRoutes } from './mastodon/markers/index.js';
import { registerPreferenceRoutes } from './mastodon/preferences/index.js';
import { registerSearchRoutes } from './mastodon/search/index.js';
import { registerAccountGraphRoutes } from './mastodon/accounts-graph/index.js';
import { registerFollowRequestRoutes } from './mastodon/follow-requests/index.js';
import { registerBlockRoutes } from './mastodon/blocks/index.js';
import { registerMuteRoutes } from './mastodon/mutes/index.js';
import { registerTimelineRoutes } from './mastodon/timelines/index.js';
import { registerAccountStatusesRoutes } from './mastodon/account-statuses/index.js';
import { registerBookmarkRoutes } from './mastodon/bookmarks/index.js';
import { registerFavouriteRoutes } from './mastodon/favourites/index.js';
import { registerNotificationRoutes } from './mastodon/notifications/index.js';

/** Every route module, registered in one place. Each area owns its folder under api/. */
export async function registerRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  void app;
  void ctx;
  await registerStatusRoutes(app, ctx);
  await registerAppRoutes(app, ctx);
  await registerOAuthRoutes(app, ctx);
  await registerAccountCredentialRoutes(app, ctx);
  await registerInstanceRoutes(app, ctx);
  await registerMarkerRoutes(app, ctx);
  await registerPreferenceRoutes(app, ctx);
  await registerSearchRoutes(app, ctx);
  await registerAccountGraphRoutes(app, ctx);
  await registerFollowRequestRoutes(app, ctx);
  await registerBlockRoutes(app, ctx);
  await registerMuteRoutes(app, ctx);
  await registerTimelineRoutes(app, ctx);
  await registerAccountStatusesRoutes(app, ctx);
  await registerBookmarkRoutes(app, ctx);
  await registerFavouriteRoutes(app, ctx);
  await registerNotificationRoutes(app, ctx);
}
