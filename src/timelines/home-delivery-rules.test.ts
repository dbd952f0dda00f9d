import { describe, expect, it } from 'vitest';
import { belongsInHome, type PostFacts, type ReceiverFacts } from './home-delivery-rules.js';

const post = (over: Partial<PostFacts> = {}): PostFacts => ({
  id: 100,
  accountId: 1,
  visibility: 'public',
  language: 'en',
  inReplyToAccountId: null,
  inReplyToId: null,
  mentionedIds: [],
  live: true,
  reblog: null,
  ...over,
});

const receiver = (over: Partial<ReceiverFacts> = {}): ReceiverFacts => ({
  id: 2,
  follow: { showReblogs: true, languages: null },
  blockingOrMuting: new Set(),
  blockedBy: new Set(),
  following: new Set([1]),
  ...over,
});

describe('belongsInHome', () => {
  it('delivers a followed account’s public post and the author’s own post', () => {
    expect(belongsInHome(post(), receiver())).toBe(true);
    expect(belongsInHome(post({ visibility: 'direct' }), receiver({ id: 1, follow: null }))).toBe(true);
  });

  it('never delivers posts that are not live', () => {
    expect(belongsInHome(post({ live: false }), receiver({ id: 1, follow: null }))).toBe(false);
    expect(belongsInHome(post({ reblog: { id: 5, accountId: 3, mentionedIds: [], live: false } }), receiver())).toBe(false);
  });

  it('delivers direct posts only to mentioned followers', () => {
    expect(belongsInHome(post({ visibility: 'direct' }), receiver())).toBe(false);
    expect(belongsInHome(post({ visibility: 'direct', mentionedIds: [2] }), receiver())).toBe(true);
  });

  it('honours the language filter of the follow', () => {
    const r = receiver({ follow: { showReblogs: true, languages: ['de'] } });
    expect(belongsInHome(post({ language: 'en' }), r)).toBe(false);
    expect(belongsInHome(post({ language: 'de' }), r)).toBe(true);
    expect(belongsInHome(post({ language: null }), r)).toBe(true);
  });

  it('drops posts involving blocked or muted accounts and authors who block the receiver', () => {
    expect(belongsInHome(post({ mentionedIds: [9] }), receiver({ blockingOrMuting: new Set([9]) }))).toBe(false);
    expect(belongsInHome(post(), receiver({ blockedBy: new Set([1]) }))).toBe(false);
    const reblog = post({ reblog: { id: 5, accountId: 3, mentionedIds: [], live: true } });
    expect(belongsInHome(reblog, receiver({ blockingOrMuting: new Set([3]) }))).toBe(false);
    expect(belongsInHome(reblog, receiver({ blockedBy: new Set([3]) }))).toBe(false);
  });

  it('keeps replies only to followed accounts, the receiver, or the author', () => {
    expect(belongsInHome(post({ inReplyToId: 7, inReplyToAccountId: 4 }), receiver())).toBe(false);
    expect(belongsInHome(post({ inReplyToId: 7, inReplyToAccountId: 4 }), receiver({ following: new Set([1, 4]) }))).toBe(true);
    expect(belongsInHome(post({ inReplyToId: 7, inReplyToAccountId: 2 }), receiver())).toBe(true);
    expect(belongsInHome(post({ inReplyToId: 7, inReplyToAccountId: 1 }), receiver())).toBe(true);
  });

  it('hides reblogs when the follow does not show them', () => {
    const reblog = post({ reblog: { id: 5, accountId: 3, mentionedIds: [], live: true } });
    expect(belongsInHome(reblog, receiver())).toBe(true);
    expect(belongsInHome(reblog, receiver({ follow: { showReblogs: false, languages: null } }))).toBe(false);
  });
});
