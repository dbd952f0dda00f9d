import type { AppContext } from '../../context.js';
import type { Selectable } from 'kysely';
import type { ReportCategory, TrustedFlaggersTable } from '../../db/schema/moderation.js';
import { notFound, unprocessable } from '../../api/errors.js';
import { generateId } from '../../lib/ids.js';
import { nowIso } from '../../lib/time.js';
import { ensureSystemAccount } from '../system-account.js';
import { upsertReport } from '../reports/upsert-report.js';
import { REPORT_CATEGORIES } from '../reports/report-policy.js';

export interface FlagInput {
  /** A status id, or a URL of a status on this instance. */
  status: string;
  category: ReportCategory;
  comment: string;
}

/**
 * A trusted flagger's notice about one post. It joins the open report about that post (or opens
 * one) and gets a receipt id the flagger can use to read back the outcome.
 */
export async function submitFlag(ctx: AppContext, flagger: Selectable<TrustedFlaggersTable>, input: FlagInput) {
  if (!REPORT_CATEGORIES.includes(input.category)) throw unprocessable(`Validation failed: category is not one of ${REPORT_CATEGORIES.join(', ')}`);
  if (input.comment.length > 5000) throw unprocessable('Validation failed: comment is longer than 5000 characters');
  const statusId = statusIdFrom(input.status, ctx.config.publicUrl);
  if (statusId === null) throw unprocessable('Validation failed: status must be a status id or a URL of a post on this instance');
  const { db } = ctx.database;
  // Flaggers see what the public sees: private, direct and deleted posts do not exist for them.
  const status = await db
    .selectFrom('statuses')
    .select(['id', 'account_id', 'language'])
    .where('id', '=', statusId)
    .where('deleted_at', 'is', null)
    .where('visibility', 'in', ['public', 'unlisted'])
    .executeTakeFirst();
  if (!status) throw notFound('No public post with that id or URL exists on this instance');
  const flagId = generateId();
  const createdAt = nowIso();
  await ctx.database.transaction(async (tx) => {
    const system = await ensureSystemAccount(tx.db, ctx.config);
    const { reportId } = await upsertReport(ctx, tx, {
      source: 'flagger',
      reporterKey: `flagger:${flagger.id}`,
      reporterAccountId: system.id,
      flaggerId: flagger.id,
      targetAccountId: status.account_id,
      statusIds: [status.id],
      category: input.category,
      comment: `[${flagger.name}] ${input.comment}`.trim(),
      language: status.language,
      actor: { accountId: null, type: 'flagger' },
    });
    await tx.db
      .insertInto('flags')
      .values({ id: flagId, flagger_id: flagger.id, report_id: reportId, status_id: status.id, category: input.category, comment: input.comment, created_at: createdAt })
      .execute();
  });
  const receipt = await getFlagReceipt(ctx, flagger, flagId);
  if (!receipt) throw new Error(`flag ${flagId} vanished right after it was stored`);
  return receipt;
}

/** What a flagger may read back about its own notice: when it was received, and the decision. */
export async function getFlagReceipt(ctx: AppContext, flagger: { id: number }, flagId: number) {
  const row = await ctx.database.db
    .selectFrom('flags')
    .innerJoin('reports', 'reports.id', 'flags.report_id')
    .select([
      'flags.id',
      'flags.status_id',
      'flags.category',
      'flags.comment',
      'flags.created_at',
      'reports.action_taken_at',
      'reports.resolution',
    ])
    .where('flags.id', '=', flagId)
    .where('flags.flagger_id', '=', flagger.id)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: String(row.id),
    status_id: String(row.status_id),
    category: row.category,
    comment: row.comment,
    received_at: row.created_at,
    state: row.action_taken_at ? 'decided' : 'pending',
    decision: row.resolution,
    decided_at: row.action_taken_at,
  };
}

/** Accepts `123`, `https://host/@user/123`, `https://host/users/user/statuses/123`, `https://host/statuses/123`. */
export function statusIdFrom(value: string, publicUrl: string): number | null {
  const trimmed = value.trim();
  if (/^\d{1,16}$/.test(trimmed)) return Number(trimmed);
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return null;
  }
  if (url.origin !== new URL(publicUrl).origin) return null;
  const match = /^\/(?:@[^/]+|users\/[^/]+\/statuses|statuses)\/(\d{1,16})\/?$/.exec(url.pathname);
  return match ? Number(match[1]) : null;
}
