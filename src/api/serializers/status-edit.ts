import type { Config } from '../../config/env.js';
import type { StatusVersion } from '../../posts/list-status-history.js';
import { serializeAccount } from './account.js';

/** Mastodon's StatusEdit entity. */
export function serializeStatusEdit(version: StatusVersion, config: Config) {
  return {
    content: version.content,
    spoiler_text: version.spoiler_text,
    sensitive: version.sensitive,
    created_at: version.created_at,
    account: serializeAccount(version.account, config),
    poll: null,
    media_attachments: [],
    emojis: [],
  };
}
