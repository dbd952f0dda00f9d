import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { registerAdminAccountRoutes } from './accounts.js';
import { registerAdminAppealRoutes } from './appeals.js';
import { registerAuditLogRoutes } from './audit-log.js';
import { registerModerationMetricsRoutes } from './metrics.js';
import { registerJurorAdminRoutes } from './jurors.js';
import { registerTrendAdminRoutes } from './trends.js';
import { registerAdminReportRoutes } from './reports.js';
import { registerScreeningAdminRoutes } from './screening.js';
import { registerAdminStatusRoutes } from './statuses.js';
import { registerTrustedFlaggerAdminRoutes } from './trusted-flaggers.js';

/** Every /api/v1/admin route (moderators and admins only; checked in each service too). */
export async function registerAdminRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await registerAdminReportRoutes(app, ctx);
  await registerAdminStatusRoutes(app, ctx);
  await registerAdminAccountRoutes(app, ctx);
  await registerAdminAppealRoutes(app, ctx);
  await registerAuditLogRoutes(app, ctx);
  await registerTrustedFlaggerAdminRoutes(app, ctx);
  await registerScreeningAdminRoutes(app, ctx);
  await registerModerationMetricsRoutes(app, ctx);
  await registerJurorAdminRoutes(app, ctx);
  await registerTrendAdminRoutes(app, ctx);
}
