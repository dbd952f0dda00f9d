import { describe, expect, it } from 'vitest';
import { canViewStatus, type VisibilityFacts } from './visibility.js';
import type { StatusRow } from './status-queries.js';
import type { Account } from '../api/auth.js';
import { depthFirst } from './get-status-context.js';

const author = { id: 1, suspended_at: null } as Account;
const status = (over: Partial<StatusRow> = {}) =>
  ({ id: 10, account_id: 1, visibility: 'public', moderation_state: 'published', deleted_at: null, reblog_of_id: null, ...over }) as StatusRow;
const facts = (over: Partial<VisibilityFacts> = {}): VisibilityFacts => ({
  author,
  mentionedAccountIds: [],
  relations: { following: new Set(), blocked: new Set(), muted: new Set() },
  ...over,
});

describe('canViewStatus', () => {
  it('lets anyone see public and unlisted posts', () => {
    expect(canViewStatus(status(), facts({ relations: null }), null)).toBe(true);
    expect(canViewStatus(status({ visibility: 'unlisted' }), facts(), 2)).toBe(true);
  });

  it('limits private posts to followers and mentioned accounts', () => {
    const s = status({ visibility: 'private' });
    expect(canViewStatus(s, facts(), 2)).toBe(false);
    expect(canViewStatus(s, facts({ relations: null }), null)).toBe(false);
    expect(canViewStatus(s, facts({ relations: { following: new Set([1]), blocked: new Set(), muted: new Set() } }), 2)).toBe(true);
    expect(canViewStatus(s, facts({ mentionedAccountIds: [2] }), 2)).toBe(true);
  });

  it('limits direct posts to mentioned accounts, even followers cannot see them', () => {
    const s = status({ visibility: 'direct' });
    expect(canViewStatus(s, facts({ relations: { following: new Set([1]), blocked: new Set(), muted: new Set() } }), 2)).toBe(false);
    expect(canViewStatus(s, facts({ mentionedAccountIds: [2] }), 2)).toBe(true);
  });

  it('shows held and removed posts to their author only', () => {
    expect(canViewStatus(status({ moderation_state: 'held' }), facts(), 1)).toBe(true);
    expect(canViewStatus(status({ moderation_state: 'held' }), facts(), 2)).toBe(false);
    expect(canViewStatus(status({ moderation_state: 'removed' }), facts({ relations: null }), null)).toBe(false);
  });

  it('hides deleted posts, suspended authors, blocks, and mutes on request', () => {
    expect(canViewStatus(status({ deleted_at: '2026-01-01T00:00:00.000Z' }), facts(), 1)).toBe(false);
    expect(canViewStatus(status(), facts({ author: { ...author, suspended_at: 'x' } as Account }), 2)).toBe(false);
    const blocked = facts({ relations: { following: new Set(), blocked: new Set([1]), muted: new Set() } });
    expect(canViewStatus(status(), blocked, 2)).toBe(false);
    const muted = facts({ relations: { following: new Set(), blocked: new Set(), muted: new Set([1]) } });
    expect(canViewStatus(status(), muted, 2)).toBe(true);
    expect(canViewStatus(status(), muted, 2, { applyMutes: true })).toBe(false);
  });
});

describe('depthFirst', () => {
  it('orders a reply tree depth-first, oldest replies first', () => {
    const nodes = [
      { id: 5, parent: 1 },
      { id: 2, parent: 1 },
      { id: 3, parent: 2 },
      { id: 4, parent: 3 },
      { id: 6, parent: 2 },
    ];
    expect(depthFirst(1, nodes)).toEqual([2, 3, 4, 6, 5]);
  });
});
