import type { DbExecutor } from '../../db/database.js';
import { nowIso } from '../../lib/time.js';
import { DEFAULT_DEADLINES_MS } from '../reports/report-policy.js';

/** Settings admins can change at run time, with their defaults. */
export interface ModerationSettings {
  /** Decision deadlines per lane, in minutes. */
  deadlineMinutes: { violent: number; general: number };
  /** Days a removed post or suspended account's content is kept so an appeal can restore it. */
  retentionDays: number;
  /** Days after a decision during which the user may appeal it. */
  appealWindowDays: number;
  /** An HTTPS URL that receives overdue-item alerts as JSON (null: none). */
  alertWebhookUrl: string | null;
  /** Screening thresholds (engine defaults apply when unset). */
  screeningThresholds: { review?: number; hold?: number };
  /** Votes needed before the community jury's majority decides a case. */
  juryQuorum: number;
  /**
   * Automatic consequences when an account's strike total reaches a threshold (off when empty),
   * e.g. `[{ at: 6, action: 'silence', durationDays: 7 }, { at: 10, action: 'suspend' }]`.
   */
  strikeEscalation: StrikeStep[];
}

export interface StrikeStep {
  at: number;
  action: 'silence' | 'suspend';
  /** Omitted: indefinite. */
  durationDays?: number;
}

export const DEFAULT_MODERATION_SETTINGS: ModerationSettings = {
  deadlineMinutes: { violent: DEFAULT_DEADLINES_MS.violent / 60_000, general: DEFAULT_DEADLINES_MS.general / 60_000 },
  retentionDays: 30,
  appealWindowDays: 20,
  alertWebhookUrl: null,
  screeningThresholds: {},
  juryQuorum: 5,
  strikeEscalation: [],
};

const KEY = 'moderation';

export async function loadModerationSettings(db: DbExecutor): Promise<ModerationSettings> {
  const row = await db.selectFrom('instance_settings').select('value').where('key', '=', KEY).executeTakeFirst();
  if (!row) return DEFAULT_MODERATION_SETTINGS;
  const stored = JSON.parse(row.value) as Partial<ModerationSettings>;
  return {
    ...DEFAULT_MODERATION_SETTINGS,
    ...stored,
    deadlineMinutes: { ...DEFAULT_MODERATION_SETTINGS.deadlineMinutes, ...(stored.deadlineMinutes ?? {}) },
  };
}

export async function saveModerationSettings(db: DbExecutor, settings: ModerationSettings): Promise<void> {
  const value = JSON.stringify(settings);
  const now = nowIso();
  await db
    .insertInto('instance_settings')
    .values({ key: KEY, value, updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now }))
    .execute();
}
