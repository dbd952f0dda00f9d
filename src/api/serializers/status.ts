import type { Config } from '../../config/env.js';
import type { Account } from '../auth.js';
import type { StatusRow } from '../../posts/status-queries.js';
import { serializeAccount, type SerializedAccount } from './account.js';

/** A status with everything its JSON needs, loaded beforehand (the serializer does no I/O). */
export interface StatusView {
  row: StatusRow;
  account: Account;
  mentions: Account[];
  tags: Array<{ name: string; name_key: string }>;
  application: { name: string; website: string | null } | null;
  reblog: StatusView | null;
  /** The viewer's interactions; null for anonymous reads. */
  viewer: { id: number; favourited: boolean; reblogged: boolean; bookmarked: boolean; pinned: boolean } | null;
  /** Adds `text` (the source) for delete-and-redraft. */
  withSource?: boolean;
}

export interface SerializedStatus {
  id: string;
  created_at: string;
  in_reply_to_id: string | null;
  in_reply_to_account_id: string | null;
  sensitive: boolean;
  spoiler_text: string;
  visibility: string;
  language: string | null;
  uri: string;
  url: string | null;
  replies_count: number;
  reblogs_count: number;
  favourites_count: number;
  edited_at: string | null;
  favourited?: boolean;
  reblogged?: boolean;
  muted?: boolean;
  bookmarked?: boolean;
  pinned?: boolean;
  /** Left out when the source `text` is requested instead (delete-and-redraft), as Mastodon does. */
  content?: string;
  filtered?: unknown[];
  reblog: SerializedStatus | null;
  application?: { name: string; website: string | null };
  account: SerializedAccount;
  media_attachments: unknown[];
  mentions: Array<{ id: string; username: string; url: string; acct: string }>;
  tags: Array<{ name: string; url: string }>;
  emojis: unknown[];
  card: null;
  poll: null;
  text?: string;
  /** Parley's moderation extension, shown to the author of a post that is not published. */
  parley?: { state: string; category: string | null; reasons: string[] };
}

export function statusUri(row: { id: number; uri: string | null; reblog_of_id: number | null }, author: Account, config: Config): string {
  if (row.uri) return row.uri;
  const base = `${config.publicUrl}/users/${author.username}/statuses/${row.id}`;
  return row.reblog_of_id !== null ? `${base}/activity` : base;
}

/** Mastodon's Status entity. Pure: a loaded view in, JSON out. */
export function serializeStatus(view: StatusView, config: Config): SerializedStatus {
  const { row, account, viewer } = view;
  const isReblog = view.reblog !== null;
  const owned = viewer !== null && viewer.id === row.account_id;
  const uri = statusUri(row, account, config);
  const out: SerializedStatus = {
    id: String(row.id),
    created_at: row.created_at,
    in_reply_to_id: row.in_reply_to_id === null ? null : String(row.in_reply_to_id),
    in_reply_to_account_id: row.in_reply_to_account_id === null ? null : String(row.in_reply_to_account_id),
    // Others see every post of an account a moderator marked sensitive as sensitive.
    sensitive: row.sensitive === 1 || (!owned && account.sensitized_at !== null),
    spoiler_text: row.spoiler_text,
    visibility: row.visibility,
    language: row.language,
    uri,
    url: account.domain ? (row.uri ?? null) : isReblog ? uri : `${config.publicUrl}/@${account.username}/${row.id}`,
    replies_count: row.replies_count,
    reblogs_count: row.reblogs_count,
    favourites_count: row.favourites_count,
    edited_at: row.edited_at,
    ...(viewer
      ? {
          favourited: viewer.favourited,
          reblogged: viewer.reblogged,
          // Conversation mutes are not stored yet, so no conversation is ever muted.
          muted: false,
          bookmarked: viewer.bookmarked,
          ...(owned && !isReblog && row.visibility !== 'direct' ? { pinned: viewer.pinned } : {}),
        }
      : {}),
    ...(view.withSource ? { text: row.text } : { content: isReblog ? '' : row.content }),
    ...(viewer ? { filtered: [] } : {}),
    reblog: view.reblog ? serializeStatus(view.reblog, config) : null,
    // Mastodon shows the posting application to the author only.
    ...(owned && view.application ? { application: view.application } : {}),
    account: serializeAccount(account, config),
    media_attachments: [],
    mentions: view.mentions.map((m) => {
      const s = serializeAccount(m, config);
      return { id: s.id, username: s.username, url: s.url, acct: s.acct };
    }),
    tags: view.tags.map((t) => ({ name: t.name, url: `${config.publicUrl}/tags/${encodeURIComponent(t.name)}` })),
    emojis: [],
    card: null,
    poll: null,
  };
  if (owned && row.moderation_state !== 'published') out.parley = moderationExtension(row);
  return out;
}

function moderationExtension(row: StatusRow): NonNullable<SerializedStatus['parley']> {
  let category: string | null = null;
  let reasons: string[] = [];
  if (row.screening) {
    try {
      const verdict = JSON.parse(row.screening) as { category?: string | null; reasons?: unknown };
      category = verdict.category ?? null;
      reasons = Array.isArray(verdict.reasons) ? verdict.reasons.map(String) : [];
    } catch {
      // A verdict we cannot read still leaves the state visible to the author.
    }
  }
  return { state: row.moderation_state, category, reasons };
}
