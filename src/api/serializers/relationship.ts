import type { RelationshipState } from '../../graph/load-relationships.js';

/** Mastodon's Relationship entity. Parley has no account notes, endorsements or domain blocks yet. */
export function serializeRelationship(state: RelationshipState) {
  const follow = state.following ?? state.requested;
  return {
    id: String(state.targetId),
    following: state.following !== null,
    showing_reblogs: follow?.showReblogs ?? false,
    notifying: follow?.notify ?? false,
    languages: follow?.languages ?? null,
    followed_by: state.followedBy,
    blocking: state.blocking,
    blocked_by: state.blockedBy,
    muting: state.muting !== null,
    muting_notifications: state.muting?.notifications ?? false,
    requested: state.requested !== null,
    requested_by: state.requestedBy,
    domain_blocking: false,
    endorsed: false,
    note: '',
  };
}

export type SerializedRelationship = ReturnType<typeof serializeRelationship>;
