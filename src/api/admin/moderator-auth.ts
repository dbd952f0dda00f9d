import type { FastifyRequest } from 'fastify';
import { requireUser } from '../auth.js';
import { asAdmin, asModerator, type Moderator } from '../../moderation/moderator.js';

/** A moderator or admin with the given admin scope. */
export function requireModerator(request: FastifyRequest, scope: string): Moderator {
  return asModerator(requireUser(request, scope));
}

/** An admin with the given admin scope. */
export function requireAdmin(request: FastifyRequest, scope: string): Moderator {
  return asAdmin(requireUser(request, scope));
}
