import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../context.js';
import { requireUser } from '../../auth.js';
import { getInstanceInfo } from '../../../instance/get-instance-info.js';
import { INSTANCE_RULES } from '../../../instance/instance-rules.js';
import { serializeInstanceV1, serializeInstanceV2, serializeRule } from '../../serializers/instance.js';

/** The instance description (v1 and v2 entities, rules, peers, custom emojis) and announcements. */
export async function registerInstanceRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/api/v2/instance', async () => serializeInstanceV2(await getInstanceInfo(ctx), INSTANCE_RULES, ctx.config));
  app.get('/api/v1/instance', async () => serializeInstanceV1(await getInstanceInfo(ctx), INSTANCE_RULES, ctx.config));
  app.get('/api/v1/instance/rules', async () => INSTANCE_RULES.map(serializeRule));
  // Not federating yet: no peers, no custom emojis, no moderated domains to list.
  app.get('/api/v1/instance/peers', async () => []);
  app.get('/api/v1/instance/domain_blocks', async () => []);
  app.get('/api/v1/instance/translation_languages', async () => ({}));
  app.get('/api/v1/instance/extended_description', async () => ({ updated_at: null, content: '' }));
  app.get('/api/v1/custom_emojis', async () => []);
  // Clients poll announcements at start-up; Parley has no announcements to publish yet.
  app.get('/api/v1/announcements', async (request) => {
    requireUser(request, 'read');
    return [];
  });
}
