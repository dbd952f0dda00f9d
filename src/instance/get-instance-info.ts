import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import type { AppContext } from '../context.js';
import type { AccountsTable } from '../db/schema/accounts.js';

export interface InstanceStats {
  userCount: number;
  statusCount: number;
  domainCount: number;
  activeMonth: number;
}

export interface InstanceInfo {
  stats: InstanceStats;
  /** The first administrator's account, shown as the contact (Mastodon's site_contact_username). */
  contactAccount: Selectable<AccountsTable> | null;
}

const MONTH_MS = 30 * 24 * 60 * 60 * 1000;

/** The live figures behind GET /api/v1/instance and /api/v2/instance, in three small queries. */
export async function getInstanceInfo(ctx: AppContext): Promise<InstanceInfo> {
  const { db } = ctx.database;
  const monthAgo = new Date(Date.now() - MONTH_MS).toISOString();
  const users = await db
    .selectFrom('users')
    .innerJoin('accounts', 'accounts.id', 'users.account_id')
    .select((eb) => [
      eb.fn.countAll<number | string>().as('total'),
      eb.fn.sum<number | string | null>(sql`case when users.last_active_at >= ${monthAgo} then 1 else 0 end`).as('active'),
    ])
    .where('users.approved', '=', 1)
    .where('accounts.suspended_at', 'is', null)
    .executeTakeFirst();
  const statuses = await db
    .selectFrom('statuses')
    .innerJoin('accounts', 'accounts.id', 'statuses.account_id')
    .select((eb) => eb.fn.countAll<number | string>().as('total'))
    .where('accounts.domain', 'is', null)
    .where('statuses.deleted_at', 'is', null)
    .executeTakeFirst();
  const domains = await db
    .selectFrom('accounts')
    .select((eb) => eb.fn.count<number | string>('domain').distinct().as('total'))
    .where('domain', 'is not', null)
    .executeTakeFirst();
  const contactAccount =
    (await db
      .selectFrom('accounts')
      .innerJoin('users', 'users.account_id', 'accounts.id')
      .selectAll('accounts')
      .where('users.role', '=', 'admin')
      .where('accounts.suspended_at', 'is', null)
      .orderBy('accounts.id')
      .limit(1)
      .executeTakeFirst()) ?? null;
  return {
    stats: {
      userCount: Number(users?.total ?? 0),
      activeMonth: Number(users?.active ?? 0),
      statusCount: Number(statuses?.total ?? 0),
      domainCount: Number(domains?.total ?? 0),
    },
    contactAccount,
  };
}
