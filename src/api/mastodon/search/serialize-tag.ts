import type { Config } from '../../../config/env.js';
import type { TagWithHistory } from '../../../search/search-hashtags.js';

/**
 * Mastodon's Tag entity (search results, tag lookups). Pure. `following` is only present for
 * signed-in viewers, as in Mastodon; Parley has no followed hashtags yet, so it is false.
 */
export function serializeTag({ tag, history }: TagWithHistory, config: Config, signedIn: boolean) {
  return {
    id: String(tag.id),
    name: tag.name,
    url: `${config.publicUrl}/tags/${encodeURIComponent(tag.name_key)}`,
    // Mastodon renders history counts as strings.
    history: history.map((d) => ({ day: String(d.day), uses: String(d.uses), accounts: String(d.accounts) })),
    ...(signedIn ? { following: false } : {}),
  };
}
