import type { AppContext } from '../../context.js';
import { notFound, unprocessable } from '../../api/errors.js';
import { randomToken, sha256 } from '../../lib/crypto.js';
import { generateId } from '../../lib/ids.js';
import { nowIso } from '../../lib/time.js';
import { recordModerationEvent } from '../events/record-moderation-event.js';

/**
 * Registers a trusted flagger (a hosting provider, a regulator, an NGO) and returns its API
 * key, shown this once; only the key's hash is stored.
 */
export async function registerFlagger(ctx: AppContext, admin: { id: number }, input: { name: string; contact: string }) {
  const name = input.name.trim();
  if (!name || name.length > 200) throw unprocessable('Validation failed: name must be 1 to 200 characters');
  if (input.contact.length > 500) throw unprocessable('Validation failed: contact is longer than 500 characters');
  const apiKey = `pf_${randomToken(32)}`;
  const id = generateId();
  const now = nowIso();
  await ctx.database.transaction(async (tx) => {
    await tx.db
      .insertInto('trusted_flaggers')
      .values({ id, name, contact: input.contact, api_key_hash: sha256(apiKey), created_by_account_id: admin.id, created_at: now, revoked_at: null })
      .execute();
    await recordModerationEvent(tx.db, {
      actor_account_id: admin.id,
      actor_type: 'admin',
      action: 'flagger.registered',
      subject_type: 'flagger',
      subjectId: id,
      text: name,
    });
  });
  return { id, name, contact: input.contact, created_at: now, api_key: apiKey };
}

export async function revokeFlagger(ctx: AppContext, admin: { id: number }, flaggerId: number): Promise<void> {
  await ctx.database.transaction(async (tx) => {
    const result = await tx.db
      .updateTable('trusted_flaggers')
      .set({ revoked_at: nowIso() })
      .where('id', '=', flaggerId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw notFound();
    await recordModerationEvent(tx.db, {
      actor_account_id: admin.id,
      actor_type: 'admin',
      action: 'flagger.revoked',
      subject_type: 'flagger',
      subjectId: flaggerId,
    });
  });
}

/** Resolves a flagger API key; null when unknown or revoked. */
export async function findFlaggerByKey(ctx: AppContext, apiKey: string) {
  return (
    (await ctx.database.db
      .selectFrom('trusted_flaggers')
      .selectAll()
      .where('api_key_hash', '=', sha256(apiKey))
      .where('revoked_at', 'is', null)
      .executeTakeFirst()) ?? null
  );
}
