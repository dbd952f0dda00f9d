import type { User } from '../auth.js';

/** Mastodon's Preferences entity, from the user's posting defaults. */
export function serializePreferences(user: User) {
  return {
    'posting:default:visibility': user.default_visibility,
    'posting:default:sensitive': user.default_sensitive === 1,
    'posting:default:language': user.default_language,
    'reading:expand:media': 'default',
    'reading:expand:spoilers': false,
  };
}
