import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../../context.js';
import { followAccount } from '../../../graph/follow-account.js';
import { unfollowAccount } from '../../../graph/unfollow-account.js';
import { removeFromFollowers } from '../../../graph/remove-from-followers.js';
import { blockAccount } from '../../../graph/block-account.js';
import { unblockAccount } from '../../../graph/unblock-account.js';
import { muteAccount } from '../../../graph/mute-account.js';
import { unmuteAccount } from '../../../graph/unmute-account.js';
import { listRelatedAccounts } from '../../../graph/list-related-accounts.js';
import { loadRelationshipsFor } from '../../../graph/load-relationships-for.js';
import { optionalUser, requireUser } from '../../auth.js';
import { parseInput, zBool, zId, zList } from '../../params.js';
import { serializeRelationship } from '../../serializers/relationship.js';
import { accountPageRange, pathId, sendAccountPage } from './route-helpers.js';

const FollowBody = z.object({
  reblogs: zBool.optional(),
  notify: zBool.optional(),
  languages: zList(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)?$/, 'is not a language code')).optional(),
});

const MuteBody = z.object({
  notifications: zBool.optional(),
  duration: z.coerce.number().int().min(0).optional(),
});

const RelationshipsQuery = z.object({
  id: zList(zId).optional(),
  with_suspended: zBool.optional(),
});

/** Following, blocking and muting accounts, their relationships and follower lists. */
export async function registerAccountGraphRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.post('/api/v1/accounts/:id/follow', async (request) => {
    const { account } = requireUser(request, 'write:follows');
    const targetId = pathId(request);
    const body = parseInput(FollowBody, request.body);
    const state = await followAccount(ctx, {
      viewer: account,
      targetId,
      ...(body.reblogs !== undefined ? { reblogs: body.reblogs } : {}),
      ...(body.notify !== undefined ? { notify: body.notify } : {}),
      ...(body.languages !== undefined ? { languages: body.languages } : {}),
    });
    return serializeRelationship(state);
  });

  app.post('/api/v1/accounts/:id/unfollow', async (request) => {
    const { account } = requireUser(request, 'write:follows');
    return serializeRelationship(await unfollowAccount(ctx, { viewer: account, targetId: pathId(request) }));
  });

  app.post('/api/v1/accounts/:id/remove_from_followers', async (request) => {
    const { account } = requireUser(request, 'write:follows');
    return serializeRelationship(await removeFromFollowers(ctx, { viewer: account, followerId: pathId(request) }));
  });

  app.post('/api/v1/accounts/:id/block', async (request) => {
    const { account } = requireUser(request, 'write:blocks');
    return serializeRelationship(await blockAccount(ctx, { viewer: account, targetId: pathId(request) }));
  });

  app.post('/api/v1/accounts/:id/unblock', async (request) => {
    const { account } = requireUser(request, 'write:blocks');
    return serializeRelationship(await unblockAccount(ctx, { viewer: account, targetId: pathId(request) }));
  });

  app.post('/api/v1/accounts/:id/mute', async (request) => {
    const { account } = requireUser(request, 'write:mutes');
    const targetId = pathId(request);
    const body = parseInput(MuteBody, request.body);
    const state = await muteAccount(ctx, {
      viewer: account,
      targetId,
      ...(body.notifications !== undefined ? { notifications: body.notifications } : {}),
      ...(body.duration !== undefined ? { durationSeconds: body.duration } : {}),
    });
    return serializeRelationship(state);
  });

  app.post('/api/v1/accounts/:id/unmute', async (request) => {
    const { account } = requireUser(request, 'write:mutes');
    return serializeRelationship(await unmuteAccount(ctx, { viewer: account, targetId: pathId(request) }));
  });

  app.get('/api/v1/accounts/relationships', async (request) => {
    const { account } = requireUser(request, 'read:follows');
    const query = parseInput(RelationshipsQuery, request.query);
    const states = await loadRelationshipsFor(ctx, {
      viewer: account,
      ids: query.id ?? [],
      withSuspended: query.with_suspended === true,
    });
    return states.map(serializeRelationship);
  });

  for (const kind of ['followers', 'following'] as const) {
    app.get(`/api/v1/accounts/:id/${kind}`, async (request, reply) => {
      const viewer = optionalUser(request, 'read:accounts');
      const range = accountPageRange(request);
      const items = await listRelatedAccounts(ctx, {
        kind,
        subjectId: pathId(request),
        viewer: viewer?.account ?? null,
        range,
      });
      return sendAccountPage(request, reply, items, ctx.config, range.limit);
    });
  }
}
