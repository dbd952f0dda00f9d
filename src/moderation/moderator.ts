import type { Account, User, UserAuth } from '../api/auth.js';
import { forbidden } from '../api/errors.js';

/** Whoever takes a moderation decision: a moderator, an admin, or the community jury. */
export interface Actor {
  account: { id: number };
  actorType: 'moderator' | 'admin' | 'juror';
}

/** A user allowed to moderate: the services take this, so authorization cannot be skipped. */
export interface Moderator extends Actor {
  account: Account;
  user: User;
  actorType: 'moderator' | 'admin';
}

export function asModerator(auth: UserAuth): Moderator {
  if (auth.user.role !== 'moderator' && auth.user.role !== 'admin') throw forbidden('This action requires the moderator role');
  return { account: auth.account, user: auth.user, actorType: auth.user.role };
}

export function asAdmin(auth: UserAuth): Moderator {
  if (auth.user.role !== 'admin') throw forbidden('This action requires the admin role');
  return { account: auth.account, user: auth.user, actorType: 'admin' };
}
