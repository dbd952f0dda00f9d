import type { Config } from '../../config/env.js';
import type { InstanceInfo } from '../../instance/get-instance-info.js';
import type { InstanceRule } from '../../instance/instance-rules.js';
import { serializeAccount } from './account.js';

/** Clients feature-detect by Mastodon version; this is the API level Parley implements. */
export const COMPATIBLE_VERSION = '4.3.0 (compatible; Parley 0.1.0)';
const TITLE = 'Parley';
const DESCRIPTION = 'A microblogging server that screens every post for violent threats before it is published.';
// @NOTE: no public repository URL is configured yet; clients accept an empty string.
const SOURCE_URL = '';

// @NOTE: these mirror what the media and poll endpoints enforce (Mastodon's defaults).
const MEDIA = {
  supported_mime_types: ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/avif', 'video/mp4', 'video/webm', 'audio/mpeg', 'audio/ogg'],
  image_size_limit: 16 * 1024 * 1024,
  image_matrix_limit: 33_177_600,
  video_size_limit: 99 * 1024 * 1024,
  video_frame_rate_limit: 120,
  video_matrix_limit: 8_294_400,
};
const POLLS = { max_options: 4, max_characters_per_option: 50, min_expiration: 300, max_expiration: 2_629_746 };

function statusesConfig(config: Config) {
  return { max_characters: config.maxPostChars, max_media_attachments: 4, characters_reserved_per_url: 23 };
}

function thumbnailUrl(config: Config): string {
  return `${config.publicUrl}/headers/original/missing.png`;
}

function streamingUrl(config: Config): string {
  return config.publicUrl.replace(/^http/, 'ws');
}

/** GET /api/v2/instance. */
export function serializeInstanceV2(info: InstanceInfo, rules: readonly InstanceRule[], config: Config) {
  return {
    domain: config.domain,
    title: TITLE,
    version: COMPATIBLE_VERSION,
    source_url: SOURCE_URL,
    description: DESCRIPTION,
    usage: { users: { active_month: info.stats.activeMonth } },
    thumbnail: { url: thumbnailUrl(config), blurhash: null, versions: {} },
    icon: [],
    languages: ['en'],
    configuration: {
      urls: { streaming: streamingUrl(config), status: null, about: `${config.publicUrl}/about`, privacy_policy: null, terms_of_service: null },
      vapid: { public_key: '' },
      accounts: { max_featured_tags: 10, max_pinned_statuses: 5 },
      statuses: statusesConfig(config),
      media_attachments: { ...MEDIA, description_limit: 1500 },
      polls: POLLS,
      translation: { enabled: false },
    },
    registrations: {
      enabled: config.registrationMode !== 'closed',
      approval_required: config.registrationMode === 'approval',
      reason_required: false,
      message: null,
      url: null,
      min_age: null,
    },
    api_versions: { mastodon: 2 },
    contact: {
      email: '',
      account: info.contactAccount ? serializeAccount(info.contactAccount, config) : null,
    },
    rules: rules.map(serializeRule),
  };
}

/** GET /api/v1/instance (deprecated by Mastodon, still used by many clients). */
export function serializeInstanceV1(info: InstanceInfo, rules: readonly InstanceRule[], config: Config) {
  return {
    uri: config.domain,
    title: TITLE,
    short_description: DESCRIPTION,
    description: DESCRIPTION,
    email: '',
    version: COMPATIBLE_VERSION,
    urls: { streaming_api: streamingUrl(config) },
    stats: { user_count: info.stats.userCount, status_count: info.stats.statusCount, domain_count: info.stats.domainCount },
    thumbnail: thumbnailUrl(config),
    // Read by older clients and Pleroma-style ones instead of configuration.statuses.
    max_toot_chars: config.maxPostChars,
    languages: ['en'],
    registrations: config.registrationMode !== 'closed',
    approval_required: config.registrationMode === 'approval',
    invites_enabled: false,
    configuration: {
      accounts: { max_featured_tags: 10 },
      statuses: statusesConfig(config),
      media_attachments: MEDIA,
      polls: POLLS,
    },
    contact_account: info.contactAccount ? serializeAccount(info.contactAccount, config) : null,
    rules: rules.map(serializeRule),
  };
}

export function serializeRule(rule: InstanceRule) {
  return { id: rule.id, text: rule.text, hint: rule.hint };
}
